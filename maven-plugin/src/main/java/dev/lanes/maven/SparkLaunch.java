package dev.lanes.maven;

import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How the build starts the worker as a Spark driver ({@code <executor>spark</executor>}): the class
 * path of {@code dev.lanes:lanes-spark} at the plugin's version, resolved from the build's repositories
 * (Spark's jars stay out of the plugin's own class path), the JVM options Spark's launcher gives the
 * JVMs it starts, and the arguments of {@code dev.lanes.spark.SparkJobMain}.
 *
 * @param classPath   the worker's class path
 * @param jvmOptions  Spark's module options ({@code org.apache.spark.launcher.JavaModuleOptions})
 * @param mainClass   the worker's main class
 * @param arguments   the arguments before the job file: {@code --master URL --conf k=v ...}
 */
record SparkLaunch(String classPath, List<String> jvmOptions, String mainClass, List<String> arguments) {

    static final String GROUP = "dev.lanes";
    static final String ARTIFACT = "lanes-spark";
    static final String MAIN_CLASS = "dev.lanes.spark.SparkJobMain";

    /**
     * Resolves lanes-spark {@code version} and its runtime dependencies.
     *
     * @throws ConfigurationError when it cannot be resolved (the message says how to install it)
     */
    static SparkLaunch resolve(RepositorySystem system, RepositorySystemSession session, List<RemoteRepository> repositories,
                               String version, String master, Map<String, String> conf) {
        CollectRequest collect = new CollectRequest(new Dependency(new DefaultArtifact(GROUP, ARTIFACT, "jar", version),
                "runtime"), repositories);
        List<File> files = new ArrayList<>();
        try {
            for (ArtifactResult r : system.resolveDependencies(session, new DependencyRequest(collect, null)).getArtifactResults()) {
                files.add(r.getArtifact().getFile());
            }
        } catch (DependencyResolutionException e) {
            throw new ConfigurationError("<executor>spark</executor> runs the search with " + GROUP + ":" + ARTIFACT + ":"
                    + version + ", which could not be resolved (" + e.getMessage() + "). Install it from a clone of "
                    + "Lanes (./mvnw install -DskipTests), or use <executor>local</executor>.");
        }
        List<String> arguments = new ArrayList<>(List.of("--master", master));
        new TreeMap<>(conf).forEach((k, v) -> arguments.addAll(List.of("--conf", k + "=" + v)));
        return new SparkLaunch(String.join(File.pathSeparator, files.stream().map(File::getAbsolutePath).toList()),
                moduleOptions(files), MAIN_CLASS, arguments);
    }

    /** What Spark's own launcher adds to a JVM's options, asked of the resolved Spark itself. */
    private static List<String> moduleOptions(List<File> files) {
        URL[] urls = new URL[files.size()];
        try {
            for (int i = 0; i < urls.length; i++) {
                urls[i] = files.get(i).toURI().toURL();
            }
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
        try (URLClassLoader loader = new URLClassLoader(urls, null)) {
            Object options = Class.forName("org.apache.spark.launcher.JavaModuleOptions", true, loader)
                    .getMethod("defaultModuleOptionArray").invoke(null);
            return Arrays.asList((String[]) options);
        } catch (ReflectiveOperationException | java.io.IOException e) {
            throw new ConfigurationError("The Spark resolved for " + ARTIFACT + " has no launcher options ("
                    + e + "): lanes-spark needs Spark 4.");
        }
    }
}
