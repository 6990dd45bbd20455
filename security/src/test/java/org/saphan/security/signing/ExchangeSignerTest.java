package org.saphan.security.signing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.saphan.security.support.Jws;
import org.saphan.security.support.MutableClock;
import org.saphan.security.verify.ExchangeSignatureVerifier;
import org.saphan.security.verify.VerificationResult;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExchangeSignerTest {

    @TempDir
    Path tmp;

    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-04T05:06:07.890Z"));
    private final ExchangeSignatureVerifier verifier = new ExchangeSignatureVerifier();

    private HubSigningKeys keys(KeyAlgorithm algorithm) {
        return HubSigningKeys.openOrCreate(tmp.resolve(algorithm + ".p12"), "pw".toCharArray(), algorithm,
                Duration.ofDays(1), clock);
    }

    @ParameterizedTest
    @EnumSource(KeyAlgorithm.class)
    void producesACompactDetachedJwsWithAnUnencodedPayloadHeader(KeyAlgorithm algorithm) {
        HubSigningKeys keys = keys(algorithm);
        byte[] body = "{\"data\":{}}".getBytes(StandardCharsets.UTF_8);

        String jws = new ExchangeSigner(keys).sign(body, "ex-123");

        String[] parts = jws.split("\\.", -1);
        assertThat(parts).hasSize(3);
        assertThat(parts[1]).isEmpty();
        assertThat(parts[0]).matches("[A-Za-z0-9_-]+");
        assertThat(parts[2]).matches("[A-Za-z0-9_-]{86}"); // 64 signature bytes for both ES256 and Ed25519
        Map<String, Object> header = Jws.header(jws);
        assertThat(header).containsOnlyKeys("alg", "kid", "b64", "crit", "iat", "exchangeId");
        assertThat(header.get("alg")).isEqualTo(algorithm.jwsAlgorithm().getName());
        assertThat(header.get("kid")).isEqualTo(keys.active().kid());
        assertThat(header.get("b64")).isEqualTo(false);
        assertThat(header.get("crit")).isEqualTo(List.of("b64"));
        assertThat(((Number) header.get("iat")).longValue()).isEqualTo(clock.instant().getEpochSecond());
        assertThat(header.get("exchangeId")).isEqualTo("ex-123");
    }

    @ParameterizedTest
    @EnumSource(KeyAlgorithm.class)
    void roundTripsThroughTheVerifier(KeyAlgorithm algorithm) {
        HubSigningKeys keys = keys(algorithm);
        byte[] body = "{\"exchangeId\":\"ex-9\",\"data\":{\"firstName\":\"สมหญิง\"}}".getBytes(StandardCharsets.UTF_8);

        String jws = new ExchangeSigner(keys).sign(body, "ex-9");
        VerificationResult result = verifier.verify(body, jws, keys.publicJwks());

        assertThat(result.reason()).isEqualTo("valid");
        assertThat(result.valid()).isTrue();
        assertThat(result.kid()).isEqualTo(keys.active().kid());
        assertThat(result.exchangeId()).isEqualTo("ex-9");
        assertThat(result.iat()).isEqualTo(clock.instant().getEpochSecond());
        assertThat(result.issuedAt()).isEqualTo(Instant.parse("2025-03-04T05:06:07Z"));
    }

    @ParameterizedTest
    @EnumSource(KeyAlgorithm.class)
    void signsTheExactBytesEvenWhenTheyAreNotUtf8(KeyAlgorithm algorithm) {
        HubSigningKeys keys = keys(algorithm);
        byte[] body = {'{', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0x80, 0, '}'};

        String jws = new ExchangeSigner(keys).sign(body, "ex-bin");

        assertThat(verifier.verify(body, jws, keys.publicJwks()).valid()).isTrue();
        byte[] other = body.clone();
        other[2] = (byte) 0x29;
        assertThat(verifier.verify(other, jws, keys.publicJwks()).reason()).isEqualTo(VerificationResult.BAD_SIGNATURE);
    }

    @Test
    void signsAnEmptyBody() {
        HubSigningKeys keys = keys(KeyAlgorithm.ES256);
        String jws = new ExchangeSigner(keys).sign(new byte[0], "ex-empty");
        assertThat(verifier.verify(new byte[0], jws, keys.publicJwks()).valid()).isTrue();
        assertThat(verifier.verify(new byte[] {' '}, jws, keys.publicJwks()).valid()).isFalse();
    }

    @Test
    void carriesExtraHeaderMembersUnderTheSignatureButNotOverReservedOnes() {
        HubSigningKeys keys = keys(KeyAlgorithm.ES256);
        ExchangeSigner signer = new ExchangeSigner(keys);
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);

        String jws = signer.sign(body, "ex-1", Map.of("mrk", Map.of("root", "abc", "path", List.of("l", "r"))));

        assertThat(Jws.header(jws).get("mrk")).isEqualTo(Map.of("root", "abc", "path", List.of("l", "r")));
        assertThat(verifier.verify(body, jws, keys.publicJwks()).valid()).isTrue();
        for (String reserved : List.of("exchangeId", "iat", "b64", "crit", "alg", "kid", "typ", "jku")) {
            assertThatThrownBy(() -> signer.sign(body, "ex-1", Map.of(reserved, "x")))
                    .as(reserved).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void usesTheNewKeyRightAfterRotation() {
        HubSigningKeys keys = keys(KeyAlgorithm.ES256);
        ResponseSigner signer = new ExchangeSigner(keys);
        SigningKey next = keys.rotate(KeyAlgorithm.EdDSA);

        String jws = signer.sign("{}".getBytes(StandardCharsets.UTF_8), "ex-2");

        assertThat(Jws.header(jws)).containsEntry("kid", next.kid()).containsEntry("alg", "EdDSA");
    }

    @Test
    void signingKeyToStringHidesThePrivateKey() {
        SigningKey key = keys(KeyAlgorithm.ES256).active();
        assertThat(key.toString()).contains(key.kid()).doesNotContain("private").doesNotContain("Private");
    }
}
