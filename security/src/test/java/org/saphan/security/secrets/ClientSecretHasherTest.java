package org.saphan.security.secrets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClientSecretHasherTest {

    private final ClientSecretHasher hasher = new ClientSecretHasher(4);

    @Test
    void hashesAreSaltedAndCheckable() {
        String a = hasher.hash("correct horse");
        String b = hasher.hash("correct horse");
        assertThat(a).isNotEqualTo(b).doesNotContain("correct horse");
        assertThat(ClientSecretHasher.isBcryptHash(a)).isTrue();
        assertThat(hasher.matches("correct horse", a)).isTrue();
        assertThat(hasher.matches("correct horsf", a)).isFalse();
        assertThat(hasher.matches("", a)).isFalse();
    }

    @Test
    void malformedHashesAndOverlongSecretsAreRefusedNotThrown() {
        assertThat(hasher.matches("x", "not-a-hash")).isFalse();
        assertThat(hasher.matches(null, hasher.hash("x"))).isFalse();
        String longSecret = "a".repeat(80);
        assertThat(hasher.matches(longSecret, hasher.hash(longSecret))).isFalse();
        assertThat(ClientSecretHasher.isBcryptHash("$2b$10$short")).isFalse();
    }
}
