/**
 * The forked worker JVM: {@link dev.lanes.maven.worker.Worker} reads a {@link dev.lanes.maven.job.Job},
 * runs core's search on it, reports progress as {@link dev.lanes.maven.job.WorkerProtocol} lines and has the
 * {@link dev.lanes.maven.report} package write the result files. Nothing here runs in the build's JVM.
 */
package dev.lanes.maven.worker;
