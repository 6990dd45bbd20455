package org.saphan.security.secrets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SubjectReferencesTest {

    @Test
    void referenceIsKeyedStableAndHidesTheId(@TempDir Path dir) throws Exception {
        Path keyFile = dir.resolve("keys/subject.key");
        SubjectReferences first = SubjectReferences.fromKeyFile(keyFile);
        String ref = first.of("1101700203451");
        assertThat(ref).hasSize(64).doesNotContain("1101700203451");
        assertThat(SubjectReferences.fromKeyFile(keyFile).of("1101700203451")).isEqualTo(ref);
        assertThat(first.of("1101700203460")).isNotEqualTo(ref);
        assertThat(Files.readString(keyFile)).isNotBlank();

        SubjectReferences otherKey = SubjectReferences.fromKeyFile(dir.resolve("other.key"));
        assertThat(otherKey.of("1101700203451")).isNotEqualTo(ref);
    }

    @Test
    void shortKeysAreRefused() {
        assertThatThrownBy(() -> new SubjectReferences(new byte[16])).isInstanceOf(IllegalArgumentException.class);
    }
}
