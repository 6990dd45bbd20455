package org.saphan.security.verify;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.nimbusds.jose.jwk.JWKSet;
import org.saphan.security.signing.ExchangeSigner;
import org.saphan.security.signing.HubSigningKeys;
import org.saphan.security.signing.KeyAlgorithm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The verifier reads signatures and headers a receiver got from the network: whatever arrives, it
 * answers with a reason code and never throws; and nothing but the hub's own signature over these
 * exact bytes is ever valid.
 */
class ExchangeSignatureVerifierFuzzTest {

    private static final HubSigningKeys KEYS = keys();
    private static final JWKSet JWKS = KEYS.publicJwks();
    private static final ExchangeSigner SIGNER = new ExchangeSigner(KEYS);
    private static final Set<String> REASONS = Set.of("valid", "malformed", "not-detached", "alg-not-allowed",
            "b64-not-false", "crit-missing-b64", "unknown-crit", "missing-kid", "unknown-kid", "key-alg-mismatch",
            "bad-signature");

    @FuzzTest(maxDuration = "10s")
    void anyInputGetsAReasonAndOnlyTheHubsSignatureIsValid(FuzzedDataProvider data) {
        byte[] body = data.consumeBytes(512);
        String signature;
        byte[] signed = null;
        switch (data.consumeInt(0, 2)) {
            case 0 -> signature = data.consumeRemainingAsString();
            case 1 -> {
                // a fuzzed protected header in the right place, so header parsing is exercised
                String header = Base64.getUrlEncoder().withoutPadding().encodeToString(
                        data.consumeString(300).getBytes(StandardCharsets.UTF_8));
                signature = header + ".." + data.consumeRemainingAsAsciiString();
            }
            default -> {
                // a real signature over other bytes, or with a fuzzed tail
                signed = data.consumeBytes(64);
                String real = SIGNER.sign(signed, "fuzz");
                if (!data.consumeBoolean()) {
                    real = real + data.consumeRemainingAsAsciiString();
                }
                signature = real;
            }
        }
        VerificationResult result = new ExchangeSignatureVerifier().verify(body, signature, JWKS);
        assertThat(result.reason()).isIn(REASONS);
        if (result.valid()) {
            // only the hub's own signature, over exactly these bytes, can verify
            assertThat(signed).as("a fuzzed signature verified").isNotNull();
            assertThat(body).isEqualTo(signed);
        }
    }

    private static HubSigningKeys keys() {
        try {
            return HubSigningKeys.openOrCreate(Files.createTempDirectory("fuzz-keys").resolve("k.p12"),
                    "test-only".toCharArray(), KeyAlgorithm.ES256, Duration.ofDays(1), Clock.systemUTC());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
