/**
 * The {@code nn} Maven plugin: {@link dev.lanes.maven.GridSearchMojo} ({@code nn:gridsearch}) runs a
 * cross-validated search declared in the POM in a forked {@link dev.lanes.maven.Worker} JVM, writes its
 * reports to {@code target/nn/} and fails the build when the best score misses the configured gate.
 * Only what Maven, Jackson ({@code job.json}) and the worker's command line need is public; the rest is
 * package-private.
 */
package dev.lanes.maven;
