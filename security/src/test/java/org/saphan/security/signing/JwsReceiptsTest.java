package org.saphan.security.signing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.saphan.security.support.Jws;
import org.saphan.security.support.MutableClock;
import org.saphan.security.verify.JwsVerificationException;
import org.saphan.security.verify.VerificationResult;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JwsReceiptsTest {

    private static final byte[] RECEIPT = "{\"consentId\":\"c-1\",\"purpose\":\"welfare-eligibility\"}"
            .getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path tmp;

    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));

    private HubSigningKeys keys(KeyAlgorithm algorithm) {
        return HubSigningKeys.openOrCreate(tmp.resolve("hub.p12"), "pw".toCharArray(), algorithm, Duration.ofHours(1), clock);
    }

    @ParameterizedTest
    @EnumSource(KeyAlgorithm.class)
    void signsAndVerifiesAnAttachedCompactJws(KeyAlgorithm algorithm) {
        HubSigningKeys keys = keys(algorithm);

        String jws = new JwsReceipts(keys).signCompact(RECEIPT, "saphan-consent-receipt+jwt");

        assertThat(jws.split("\\.")).hasSize(3);
        assertThat(Jws.header(jws)).containsEntry("typ", "saphan-consent-receipt+jwt")
                .containsEntry("kid", keys.active().kid())
                .containsEntry("alg", algorithm.jwsAlgorithm().getName())
                .containsKey("iat");
        assertThat(JwsReceipts.verifyCompact(jws, keys.publicJwks())).isEqualTo(RECEIPT);
        assertThat(JwsReceipts.verifyCompact(jws, keys.publicJwks(), "saphan-consent-receipt+jwt")).isEqualTo(RECEIPT);
    }

    @Test
    void refusesAChangedPayloadAWrongTypAndAKeyPastItsOverlap() {
        HubSigningKeys keys = keys(KeyAlgorithm.ES256);
        String jws = new JwsReceipts(keys).signCompact(RECEIPT, "saphan-consent-receipt+jwt");
        String[] parts = jws.split("\\.");
        String changed = parts[0] + "." + Jws.b64("{\"consentId\":\"c-2\"}".getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

        assertThat(reason(() -> JwsReceipts.verifyCompact(changed, keys.publicJwks()))).isEqualTo(VerificationResult.BAD_SIGNATURE);
        assertThat(reason(() -> JwsReceipts.verifyCompact(jws, keys.publicJwks(), "saphan-audit-checkpoint+jwt")))
                .isEqualTo(VerificationResult.WRONG_TYP);

        keys.rotate();
        assertThat(JwsReceipts.verifyCompact(jws, keys.publicJwks())).isEqualTo(RECEIPT);
        clock.advance(Duration.ofHours(1));
        assertThat(reason(() -> JwsReceipts.verifyCompact(jws, keys.publicJwks()))).isEqualTo(VerificationResult.UNKNOWN_KID);
    }

    @Test
    void refusesAlgNoneAndDetachedOrCriticalForms() {
        HubSigningKeys keys = keys(KeyAlgorithm.ES256);
        String kid = keys.active().kid();
        String payload = Jws.b64(RECEIPT);
        Map<String, Object> none = new LinkedHashMap<>();
        none.put("alg", "none");
        none.put("kid", kid);
        assertThat(reason(() -> JwsReceipts.verifyCompact(Jws.encodeHeader(none) + "." + payload + ".", keys.publicJwks())))
                .isEqualTo(VerificationResult.ALG_NOT_ALLOWED);

        String detached = new ExchangeSigner(keys).sign(RECEIPT, "ex-1");
        assertThat(reason(() -> JwsReceipts.verifyCompact(detached, keys.publicJwks()))).isEqualTo(VerificationResult.MALFORMED);
        String[] d = detached.split("\\.", -1);
        assertThat(reason(() -> JwsReceipts.verifyCompact(d[0] + "." + payload + "." + d[2], keys.publicJwks())))
                .isEqualTo(VerificationResult.UNKNOWN_CRIT);
    }

    private static String reason(Runnable r) {
        try {
            r.run();
        } catch (JwsVerificationException e) {
            return e.reason();
        }
        throw new AssertionError("verified, but should not have");
    }

    @Test
    void verifyCompactThrowsTheExceptionType() {
        HubSigningKeys keys = keys(KeyAlgorithm.EdDSA);
        assertThatThrownBy(() -> JwsReceipts.verifyCompact("not a jws", keys.publicJwks()))
                .isInstanceOf(JwsVerificationException.class).hasMessageStartingWith("malformed");
    }
}
