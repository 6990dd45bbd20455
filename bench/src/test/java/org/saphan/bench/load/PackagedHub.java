package org.saphan.bench.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/**
 * The packaged hub ({@code hub/target/saphan-hub.jar}) the drills start as separate JVMs, checked before use. The
 * bench module's test dependency on the hub orders the reactor so that {@code mvn verify} packages the hub before
 * these tests run; but {@code mvn test} stops before {@code package}, and a run of this module alone uses whatever
 * jar is there. A drill on a missing or older jar would fail obscurely or, worse, pass on a build that is not the
 * one under test. So: the jar must exist and be newer than every compiled class it holds (the hub's own and those
 * of the reactor modules packed in it).
 */
final class PackagedHub {

    static final String JAR = "hub/target/saphan-hub.jar";
    private static final String REBUILD = "Package it first: mvn verify (the bench module builds after the hub), "
            + "or mvn -pl hub -am package -DskipTests.";
    /** A reactor module's jar inside the hub jar: {@code BOOT-INF/lib/saphan-<module dir>-<version>.jar}. */
    private static final Pattern MODULE_JAR = Pattern.compile("BOOT-INF/lib/saphan-([a-z][a-z0-9-]*?)-\\d[^/]*\\.jar");

    private PackagedHub() {
    }

    /** The checked jar of this reactor (the bench module's tests run in {@code bench/}). */
    static Path jar() {
        return checkedJar(Path.of(".."));
    }

    static Path checkedJar(Path reactor) {
        Path jar = reactor.resolve(JAR).normalize();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No packaged hub at " + jar + ": the drills start it. " + REBUILD);
        }
        FileTime built = modified(jar);
        for (String module : modulesIn(jar)) {
            Optional<Path> newer = newestFile(reactor.resolve(module).resolve("target/classes"))
                    .filter(file -> modified(file).compareTo(built) > 0);
            if (newer.isPresent()) {
                throw new IllegalStateException("The packaged hub " + jar + " (" + built + ") is older than module " + module
                        + "'s compiled " + reactor.resolve(module).relativize(newer.get()) + " (" + modified(newer.get())
                        + "): the drills would run an old build. " + REBUILD);
            }
        }
        return jar;
    }

    /** The hub itself and every reactor module packed in its jar. */
    static List<String> modulesIn(Path jar) {
        List<String> modules = new ArrayList<>(List.of("hub"));
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            zip.stream().forEach(entry -> {
                Matcher m = MODULE_JAR.matcher(entry.getName());
                if (m.matches()) {
                    modules.add(m.group(1));
                }
            });
        } catch (IOException e) {
            throw new IllegalStateException("The packaged hub " + jar + " cannot be read as a jar. " + REBUILD, e);
        }
        return modules;
    }

    private static Optional<Path> newestFile(Path dir) {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).max(Comparator.comparing(PackagedHub::modified));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
