package org.saphan.bench.load;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The drills' guard against a missing or stale hub jar, on a made-up reactor (no hub is started). */
class PackagedHubTest {

    private static final Instant BUILT = Instant.parse("2026-11-30T12:00:00Z");

    @TempDir
    Path reactor;

    @Test
    void aJarBuiltAfterEveryClassItHoldsIsUsed() throws IOException {
        classFile("hub", BUILT.minusSeconds(60));
        classFile("exchange-core", BUILT.minusSeconds(30));
        classFile("bench", BUILT.plusSeconds(60)); // not in the jar: the drills' own module builds after the hub
        jar(BUILT);

        assertThat(PackagedHub.checkedJar(reactor)).isEqualTo(reactor.resolve(PackagedHub.JAR).normalize());
        assertThat(PackagedHub.modulesIn(reactor.resolve(PackagedHub.JAR))).containsExactlyInAnyOrder("hub", "exchange-core");
    }

    @Test
    void aMissingJarFailsWithHowToBuildIt() {
        assertThatThrownBy(() -> PackagedHub.checkedJar(reactor)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("No packaged hub").hasMessageContaining("mvn verify");
    }

    @Test
    void aJarOlderThanAModulesClassesFailsNamingTheModule() throws IOException {
        classFile("hub", BUILT.minusSeconds(60));
        classFile("exchange-core", BUILT.plusSeconds(1)); // recompiled after the jar was packaged
        jar(BUILT);

        assertThatThrownBy(() -> PackagedHub.checkedJar(reactor)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("older than module exchange-core").hasMessageContaining("mvn verify");
    }

    @Test
    void aJarOlderThanTheHubsOwnClassesFails() throws IOException {
        classFile("hub", BUILT.plusSeconds(1));
        jar(BUILT);

        assertThatThrownBy(() -> PackagedHub.checkedJar(reactor)).hasMessageContaining("older than module hub");
    }

    private void classFile(String module, Instant modified) throws IOException {
        Path file = reactor.resolve(module).resolve("target/classes/org/saphan/X.class");
        Files.createDirectories(file.getParent());
        Files.write(file, new byte[] {1});
        Files.setLastModifiedTime(file, FileTime.from(modified));
    }

    /** A hub jar that packs exchange-core, as the real one packs the reactor's modules. */
    private void jar(Instant modified) throws IOException {
        Path jar = reactor.resolve(PackagedHub.JAR);
        Files.createDirectories(jar.getParent());
        try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("BOOT-INF/lib/saphan-exchange-core-0.1.0-SNAPSHOT.jar"));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("BOOT-INF/lib/jackson-core-2.19.4.jar"));
            zip.closeEntry();
        }
        Files.setLastModifiedTime(jar, FileTime.from(modified));
    }
}
