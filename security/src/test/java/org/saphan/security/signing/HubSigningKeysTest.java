package org.saphan.security.signing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.saphan.security.support.MutableClock;
import org.saphan.security.verify.ExchangeSignatureVerifier;
import org.saphan.security.verify.VerificationResult;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HubSigningKeysTest {

    private static final char[] PASSWORD = "correct horse battery staple".toCharArray();
    private static final Duration OVERLAP = Duration.ofDays(7);
    private static final byte[] BODY = "{\"exchangeId\":\"x-1\",\"data\":{\"name\":\"สมชาย\"}}".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path tmp;

    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
    private final ExchangeSignatureVerifier verifier = new ExchangeSignatureVerifier();

    private HubSigningKeys open(Path file) {
        return HubSigningKeys.openOrCreate(file, PASSWORD, KeyAlgorithm.ES256, OVERLAP, clock);
    }

    @ParameterizedTest
    @EnumSource(KeyAlgorithm.class)
    void createsKeystoreAndParentDirectoriesOnFirstStart(KeyAlgorithm algorithm) {
        Path file = tmp.resolve("does/not/exist/yet/hub-signing.p12");

        HubSigningKeys keys = HubSigningKeys.openOrCreate(file, PASSWORD, algorithm, OVERLAP, clock);

        assertThat(file).isRegularFile();
        SigningKey active = keys.active();
        assertThat(active.algorithm()).isEqualTo(algorithm);
        assertThat(active.createdAt()).isEqualTo(clock.instant());
        assertThat(active.publicJwk().getKeyID()).isEqualTo(active.kid());
        assertThat(keys.publicJwks().getKeys()).extracting(JWK::getKeyID).containsExactly(active.kid());
    }

    @ParameterizedTest
    @EnumSource(KeyAlgorithm.class)
    void restartLoadsTheSameKeyAndItsSignaturesStillVerify(KeyAlgorithm algorithm) {
        Path file = tmp.resolve("hub.p12");
        HubSigningKeys first = HubSigningKeys.openOrCreate(file, PASSWORD, algorithm, OVERLAP, clock);
        JWKSet publishedBefore = first.publicJwks();

        HubSigningKeys restarted = HubSigningKeys.openOrCreate(file, PASSWORD, algorithm, OVERLAP, clock);

        assertThat(restarted.active().kid()).isEqualTo(first.active().kid());
        assertThat(restarted.active().createdAt()).isEqualTo(first.active().createdAt());
        assertThat(restarted.active().privateKey().getEncoded()).isEqualTo(first.active().privateKey().getEncoded());
        String signature = new ExchangeSigner(restarted).sign(BODY, "x-1");
        assertThat(verifier.verify(BODY, signature, publishedBefore).valid()).isTrue();
    }

    @Test
    void wrongPasswordIsRefusedWithAClearMessageThatHoldsNoPassword() {
        Path file = tmp.resolve("hub.p12");
        open(file);
        String wrong = "not-the-password-42";

        assertThatThrownBy(() -> HubSigningKeys.openOrCreate(file, wrong.toCharArray(), KeyAlgorithm.ES256, OVERLAP, clock))
                .isInstanceOf(SigningKeyUnavailableException.class)
                .hasMessageContaining("wrong password")
                .hasMessageContaining(file.getFileName().toString())
                .hasMessageNotContaining(wrong)
                .hasMessageNotContaining(new String(PASSWORD));
    }

    @Test
    void damagedOrForeignFileIsRefusedAndLeftAlone() throws Exception {
        Path file = tmp.resolve("hub.p12");
        byte[] garbage = "this is not a PKCS#12 keystore".getBytes(StandardCharsets.US_ASCII);
        Files.write(file, garbage);

        assertThatThrownBy(() -> open(file)).isInstanceOf(SigningKeyUnavailableException.class)
                .hasMessageContaining(file.getFileName().toString());
        assertThat(Files.readAllBytes(file)).isEqualTo(garbage);
    }

    @Test
    void unreadablePathIsRefused() throws Exception {
        Path file = tmp.resolve("a-directory.p12");
        Files.createDirectory(file);

        assertThatThrownBy(() -> open(file)).isInstanceOf(SigningKeyUnavailableException.class);
    }

    @Test
    void oldResponsesVerifyDuringTheOverlapAndNotAfterIt_evenAcrossRestarts() {
        Path file = tmp.resolve("hub.p12");
        HubSigningKeys keys = open(file);
        String oldKid = keys.active().kid();
        String oldSignature = new ExchangeSigner(keys).sign(BODY, "x-old");

        clock.advance(Duration.ofDays(30));
        SigningKey fresh = keys.rotate(KeyAlgorithm.ES256);
        String newSignature = new ExchangeSigner(keys).sign(BODY, "x-new");

        assertThat(fresh.kid()).isNotEqualTo(oldKid);
        assertThat(keys.active()).isSameAs(fresh);
        assertThat(keys.publicJwks().getKeys()).extracting(JWK::getKeyID).containsExactly(fresh.kid(), oldKid);
        assertThat(verifier.verify(BODY, oldSignature, keys.publicJwks()).valid()).isTrue();
        assertThat(verifier.verify(BODY, newSignature, keys.publicJwks()).valid()).isTrue();
        assertThat(newSignature).isNotEqualTo(oldSignature);
        assertThat(Jws(newSignature)).contains(fresh.kid());

        clock.advance(OVERLAP.minusSeconds(1));
        HubSigningKeys restarted = open(file);
        assertThat(restarted.active().kid()).isEqualTo(fresh.kid());
        assertThat(verifier.verify(BODY, oldSignature, restarted.publicJwks()).valid()).isTrue();

        clock.advance(Duration.ofSeconds(1));
        assertThat(keys.publicJwks().getKeys()).extracting(JWK::getKeyID).containsExactly(fresh.kid());
        assertThat(restarted.publicJwks().getKeys()).extracting(JWK::getKeyID).containsExactly(fresh.kid());
        VerificationResult after = verifier.verify(BODY, oldSignature, restarted.publicJwks());
        assertThat(after.valid()).isFalse();
        assertThat(after.reason()).isEqualTo(VerificationResult.UNKNOWN_KID);
        assertThat(verifier.verify(BODY, newSignature, restarted.publicJwks()).valid()).isTrue();
    }

    private static String Jws(String compact) {
        return new String(Base64.getUrlDecoder().decode(compact.substring(0, compact.indexOf('.'))), StandardCharsets.UTF_8);
    }

    @Test
    void retirementIsKeptInTheKeystoreAliasesAndExpiredKeysArePrunedAtTheNextRotation() throws Exception {
        Path file = tmp.resolve("hub.p12");
        HubSigningKeys keys = open(file);
        SigningKey k1 = keys.active();
        clock.advance(Duration.ofDays(1));
        Instant firstRotation = clock.instant();
        SigningKey k2 = keys.rotate(KeyAlgorithm.EdDSA);

        assertThat(aliases(file)).containsExactlyInAnyOrder(
                "saphan-sig-1-" + k1.createdAt().toEpochMilli() + "-retired-" + firstRotation.toEpochMilli(),
                "saphan-sig-2-" + k2.createdAt().toEpochMilli() + "-active");

        clock.advance(OVERLAP.plusDays(1));
        SigningKey k3 = keys.rotate(KeyAlgorithm.ES256);

        assertThat(aliases(file)).containsExactlyInAnyOrder(
                "saphan-sig-2-" + k2.createdAt().toEpochMilli() + "-retired-" + clock.instant().toEpochMilli(),
                "saphan-sig-3-" + k3.createdAt().toEpochMilli() + "-active");
        HubSigningKeys restarted = open(file);
        assertThat(restarted.active().kid()).isEqualTo(k3.kid());
        assertThat(restarted.active().algorithm()).isEqualTo(KeyAlgorithm.ES256);
        assertThat(restarted.publicJwks().getKeys()).extracting(JWK::getKeyID).containsExactly(k3.kid(), k2.kid());
        assertThat(restarted.publicJwks().getKeyByKeyId(k2.kid()).getKeyType().getValue()).isEqualTo("OKP");
        assertThat(tmp.toFile().list()).containsExactly("hub.p12");
    }

    private static List<String> aliases(Path file) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            ks.load(in, PASSWORD);
        }
        return Collections.list(ks.aliases());
    }

    @ParameterizedTest
    @EnumSource(KeyAlgorithm.class)
    void jwksCarriesNoPrivatePart(KeyAlgorithm algorithm) throws Exception {
        HubSigningKeys keys = HubSigningKeys.openOrCreate(tmp.resolve("hub.p12"), PASSWORD, algorithm, OVERLAP, clock);
        keys.rotate(KeyAlgorithm.ES256);
        keys.rotate(KeyAlgorithm.EdDSA);

        JsonNode jwks = new ObjectMapper().readTree(keys.jwksJson());

        assertThat(jwks.get("keys")).hasSize(3);
        for (JsonNode jwk : jwks.get("keys")) {
            assertThat(jwk.has("d")).as("private member d in %s", jwk).isFalse();
            assertThat(jwk.has("p") || jwk.has("q") || jwk.has("dp") || jwk.has("k")).isFalse();
            assertThat(jwk.get("use").asText()).isEqualTo("sig");
            assertThat(jwk.get("kid").asText()).isNotBlank();
            assertThat(jwk.get("alg").asText()).isIn("ES256", "EdDSA");
        }
        assertThat(keys.publicJwks().getKeys()).noneMatch(JWK::isPrivate);
        assertThat(keys.active().publicJwk().isPrivate()).isFalse();
    }

    @Test
    void kidIsTheRfc7638ThumbprintComputedByHand() throws Exception {
        HubSigningKeys keys = open(tmp.resolve("hub.p12"));
        keys.rotate(KeyAlgorithm.EdDSA);
        for (JWK jwk : keys.publicJwks().getKeys()) {
            JsonNode node = new ObjectMapper().readTree(jwk.toJSONString());
            // RFC 7638 section 3: required members only, lexicographic order, no whitespace.
            String canonical = switch (node.get("kty").asText()) {
                case "EC" -> "{\"crv\":\"" + node.get("crv").asText() + "\",\"kty\":\"EC\",\"x\":\""
                        + node.get("x").asText() + "\",\"y\":\"" + node.get("y").asText() + "\"}";
                case "OKP" -> "{\"crv\":\"Ed25519\",\"kty\":\"OKP\",\"x\":\"" + node.get("x").asText() + "\"}";
                default -> throw new AssertionError(node);
            };
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            assertThat(jwk.getKeyID()).isEqualTo(Base64.getUrlEncoder().withoutPadding().encodeToString(digest));
        }
    }

    @Test
    void signingWhileRotatingNeverProducesAnUnverifiableSignature() throws Exception {
        HubSigningKeys keys = open(tmp.resolve("hub.p12"));
        ExchangeSigner signer = new ExchangeSigner(keys);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        ConcurrentLinkedQueue<String> signatures = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> tasks = new ArrayList<>();
        try {
            for (int t = 0; t < 3; t++) {
                tasks.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < 200; i++) {
                        signatures.add(signer.sign(BODY, "x-" + i));
                    }
                    return null;
                }));
            }
            tasks.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < 5; i++) {
                    keys.rotate(i % 2 == 0 ? KeyAlgorithm.EdDSA : KeyAlgorithm.ES256);
                }
                return null;
            }));
            start.countDown();
            for (Future<?> f : tasks) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        JWKSet jwks = keys.publicJwks();
        assertThat(jwks.getKeys()).hasSize(6);
        assertThat(signatures).hasSize(600).allSatisfy(s ->
                assertThat(verifier.verify(BODY, s, jwks).reason()).isEqualTo(VerificationResult.VALID));
    }

    @Test
    void rejectsAnEmptyPasswordAndANegativeOverlap() {
        Path file = tmp.resolve("hub.p12");
        assertThatThrownBy(() -> HubSigningKeys.openOrCreate(file, new char[0], KeyAlgorithm.ES256, OVERLAP, clock))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HubSigningKeys.openOrCreate(file, PASSWORD, KeyAlgorithm.ES256, Duration.ofSeconds(-1), clock))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(file).doesNotExist();
    }

    @Test
    void keyAlgorithmParsesConfigurationValues() {
        assertThat(KeyAlgorithm.parse("es256")).isEqualTo(KeyAlgorithm.ES256);
        assertThat(KeyAlgorithm.parse("Ed25519")).isEqualTo(KeyAlgorithm.EdDSA);
        assertThat(KeyAlgorithm.parse("EdDSA")).isEqualTo(KeyAlgorithm.EdDSA);
        assertThat(KeyAlgorithm.defaultAlgorithm()).isEqualTo(KeyAlgorithm.ES256);
        assertThatThrownBy(() -> KeyAlgorithm.parse("HS256")).isInstanceOf(IllegalArgumentException.class);
    }
}
