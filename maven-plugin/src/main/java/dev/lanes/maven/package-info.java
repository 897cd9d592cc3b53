/**
 * The {@code nn} Maven plugin, the part that runs in the build's JVM: {@link dev.lanes.maven.GridSearchMojo}
 * ({@code nn:gridsearch}) maps the POM's configuration to a {@link dev.lanes.maven.job.Job}
 * ({@link dev.lanes.maven.JobFactory}, {@link dev.lanes.maven.GridParser}), forks the worker JVM
 * ({@link dev.lanes.maven.WorkerProcess}) unless the {@link dev.lanes.maven.Fingerprint} says the last
 * results are up to date, reads the results back ({@link dev.lanes.maven.SearchSummary}) and checks the
 * {@link dev.lanes.maven.Gate}'s rules, one log line each.
 *
 * <p>The plugin's code runs in two JVMs that share only files and the worker's output lines:
 * <ul>
 *   <li>{@code dev.lanes.maven} (this package): the build's JVM;</li>
 *   <li>{@link dev.lanes.maven.job}: the contract between the two, the job file, the output protocol, the
 *       names of the result files;</li>
 *   <li>{@link dev.lanes.maven.worker}: the forked worker JVM, which runs core's search;</li>
 *   <li>{@link dev.lanes.maven.report}: the result files, written in the worker.</li>
 * </ul>
 * Only what Maven, Jackson and another of these packages need is public; none of it is an API for users.
 */
package dev.lanes.maven;
