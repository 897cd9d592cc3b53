/**
 * What the build's JVM and the forked worker JVM share, and nothing else: the {@link dev.lanes.maven.job.Job}
 * that the mojo writes as {@code job.json}, the {@link dev.lanes.maven.job.WorkerProtocol} of the worker's
 * output lines and exit codes, the names of the result files ({@link dev.lanes.maven.job.OutputFiles}),
 * the records of {@code gridsearch.json} ({@link dev.lanes.maven.job.GridSearchResults}) and {@code timings.json}
 * ({@link dev.lanes.maven.job.Timings}) that the worker writes and the build reads, and the helpers both sides
 * format and hash with. It depends on core and Jackson only.
 */
package dev.lanes.maven.job;
