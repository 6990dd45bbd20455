package org.saphan.security.verify;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.saphan.security.signing.ExchangeSigner;
import org.saphan.security.signing.HubSigningKeys;
import org.saphan.security.signing.KeyAlgorithm;
import org.saphan.security.signing.SigningKey;
import org.saphan.security.support.Jws;
import org.saphan.security.support.MutableClock;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExchangeSignatureVerifierTest {

    private static final byte[] BODY = ("{\"exchangeId\":\"ex-7\",\"service\":\"DOPA/citizen-profile/v1\","
            + "\"issuedAt\":\"2025-01-01T00:00:00Z\",\"data\":{\"citizenId\":\"1101700230705\"}}").getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path tmp;

    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
    private final ExchangeSignatureVerifier verifier = new ExchangeSignatureVerifier();

    private HubSigningKeys keys(String name, KeyAlgorithm algorithm) {
        return HubSigningKeys.openOrCreate(tmp.resolve(name + ".p12"), "pw".toCharArray(), algorithm, Duration.ofDays(1), clock);
    }

    private static Map<String, Object> hubHeader(SigningKey key) {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("alg", key.algorithm().jwsAlgorithm().getName());
        h.put("kid", key.kid());
        h.put("b64", false);
        h.put("crit", List.of("b64"));
        h.put("iat", 1735689600L);
        h.put("exchangeId", "ex-7");
        return h;
    }

    @ParameterizedTest
    @EnumSource(KeyAlgorithm.class)
    void acceptsTheHubsSignatureAndAHandMadeOneOfTheSameForm(KeyAlgorithm algorithm) {
        HubSigningKeys keys = keys("hub", algorithm);
        assertThat(verifier.verify(BODY, new ExchangeSigner(keys).sign(BODY, "ex-7"), keys.publicJwks()).valid()).isTrue();

        VerificationResult handMade = verifier.verify(BODY, Jws.detachedUnencoded(hubHeader(keys.active()), BODY, keys.active()),
                keys.publicJwks());
        assertThat(handMade).isEqualTo(new VerificationResult(true, "valid", keys.active().kid(), "ex-7", 1735689600L));
    }

    @ParameterizedTest
    @EnumSource(KeyAlgorithm.class)
    void rejectsAnyChangedByteOfTheBody(KeyAlgorithm algorithm) {
        HubSigningKeys keys = keys("hub", algorithm);
        String jws = new ExchangeSigner(keys).sign(BODY, "ex-7");
        for (int i : new int[] {0, BODY.length / 2, BODY.length - 1}) {
            byte[] changed = BODY.clone();
            changed[i] ^= 0x01;
            assertThat(verifier.verify(changed, jws, keys.publicJwks()).reason()).as("byte %d", i)
                    .isEqualTo(VerificationResult.BAD_SIGNATURE);
        }
        byte[] longer = new byte[BODY.length + 1];
        System.arraycopy(BODY, 0, longer, 0, BODY.length);
        longer[BODY.length] = '\n';
        assertThat(verifier.verify(longer, jws, keys.publicJwks()).reason()).isEqualTo(VerificationResult.BAD_SIGNATURE);
    }

    @ParameterizedTest
    @EnumSource(KeyAlgorithm.class)
    void rejectsAWrongKeyPublishedUnderTheSameKid(KeyAlgorithm algorithm) {
        HubSigningKeys hub = keys("hub", algorithm);
        HubSigningKeys impostor = keys("impostor", algorithm);
        String jws = new ExchangeSigner(hub).sign(BODY, "ex-7");
        JWK other = impostor.active().publicJwk();
        JWK relabelled = other instanceof ECKey ec
                ? new ECKey.Builder(ec).keyID(hub.active().kid()).build()
                : new OctetKeyPair.Builder((OctetKeyPair) other).keyID(hub.active().kid()).build();

        VerificationResult result = verifier.verify(BODY, jws, new JWKSet(relabelled));

        assertThat(result.valid()).isFalse();
        assertThat(result.reason()).isEqualTo(VerificationResult.BAD_SIGNATURE);
        assertThat(result.kid()).isEqualTo(hub.active().kid());
    }

    @Test
    void rejectsAnUnknownKid() {
        HubSigningKeys hub = keys("hub", KeyAlgorithm.ES256);
        HubSigningKeys other = keys("other", KeyAlgorithm.ES256);
        String jws = new ExchangeSigner(hub).sign(BODY, "ex-7");

        VerificationResult result = verifier.verify(BODY, jws, other.publicJwks());

        assertThat(result.reason()).isEqualTo(VerificationResult.UNKNOWN_KID);
        assertThat(result.exchangeId()).isEqualTo("ex-7");
        assertThat(verifier.verify(BODY, jws, new JWKSet()).reason()).isEqualTo(VerificationResult.UNKNOWN_KID);
    }

    @Test
    void rejectsAlgNone() {
        HubSigningKeys keys = keys("hub", KeyAlgorithm.ES256);
        Map<String, Object> h = hubHeader(keys.active());
        h.put("alg", "none");
        String encoded = Jws.encodeHeader(h);

        assertThat(verifier.verify(BODY, encoded + "..", keys.publicJwks()).reason()).isEqualTo(VerificationResult.ALG_NOT_ALLOWED);
        // with the hub's genuine signature bytes copied in
        String genuine = new ExchangeSigner(keys).sign(BODY, "ex-7");
        String withSig = encoded + ".." + genuine.substring(genuine.lastIndexOf('.') + 1);
        assertThat(verifier.verify(BODY, withSig, keys.publicJwks()).reason()).isEqualTo(VerificationResult.ALG_NOT_ALLOWED);
        h.put("alg", "None");
        assertThat(verifier.verify(BODY, Jws.encodeHeader(h) + "..", keys.publicJwks()).reason())
                .isEqualTo(VerificationResult.ALG_NOT_ALLOWED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"HS256", "RS256", "PS256", "ES384", "ES256K", "Ed25519", "es256"})
    void rejectsEveryOtherAlgorithm(String alg) throws Exception {
        HubSigningKeys keys = keys("hub", KeyAlgorithm.ES256);
        Map<String, Object> h = hubHeader(keys.active());
        h.put("alg", alg);
        String encoded = Jws.encodeHeader(h);
        // The classic confusion attack: an HMAC keyed with the published public key.
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(keys.jwksJson().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String jws = encoded + ".." + Jws.b64(mac.doFinal(Jws.concat(encoded, BODY)));

        assertThat(verifier.verify(BODY, jws, keys.publicJwks()).reason()).isEqualTo(VerificationResult.ALG_NOT_ALLOWED);
    }

    @ParameterizedTest
    @EnumSource(KeyAlgorithm.class)
    void rejectsAHeaderWithoutCritB64EvenWhenValidlySigned(KeyAlgorithm algorithm) {
        HubSigningKeys keys = keys("hub", algorithm);
        Map<String, Object> noCrit = hubHeader(keys.active());
        noCrit.remove("crit");
        Map<String, Object> otherCrit = hubHeader(keys.active());
        otherCrit.put("crit", List.of("exchangeId"));

        assertThat(verifier.verify(BODY, Jws.detachedUnencoded(noCrit, BODY, keys.active()), keys.publicJwks()).reason())
                .isEqualTo(VerificationResult.CRIT_MISSING_B64);
        assertThat(verifier.verify(BODY, Jws.detachedUnencoded(otherCrit, BODY, keys.active()), keys.publicJwks()).reason())
                .isEqualTo(VerificationResult.CRIT_MISSING_B64);
    }

    @Test
    void rejectsCriticalParametersItDoesNotProcess() {
        HubSigningKeys keys = keys("hub", KeyAlgorithm.ES256);
        Map<String, Object> h = hubHeader(keys.active());
        h.put("crit", List.of("b64", "exp"));
        h.put("exp", 1);
        assertThat(verifier.verify(BODY, Jws.detachedUnencoded(h, BODY, keys.active()), keys.publicJwks()).reason())
                .isEqualTo(VerificationResult.UNKNOWN_CRIT);
    }

    @ParameterizedTest
    @EnumSource(KeyAlgorithm.class)
    void rejectsB64TrueOrAbsentEvenWhenValidlySigned(KeyAlgorithm algorithm) {
        HubSigningKeys keys = keys("hub", algorithm);
        Map<String, Object> b64True = hubHeader(keys.active());
        b64True.put("b64", true);
        Map<String, Object> b64Absent = hubHeader(keys.active());
        b64Absent.remove("b64");
        Map<String, Object> plain = hubHeader(keys.active());
        plain.remove("b64");
        plain.remove("crit");
        Map<String, Object> b64String = hubHeader(keys.active());
        b64String.put("b64", "false");

        // Each is a correct signature of its own kind: over BASE64URL(body), as RFC 7515 without RFC 7797.
        assertThat(verifier.verify(BODY, Jws.detachedEncoded(b64True, BODY, keys.active()), keys.publicJwks()).reason())
                .isEqualTo(VerificationResult.B64_NOT_FALSE);
        assertThat(verifier.verify(BODY, Jws.detachedEncoded(b64Absent, BODY, keys.active()), keys.publicJwks()).reason())
                .isEqualTo(VerificationResult.B64_NOT_FALSE);
        assertThat(verifier.verify(BODY, Jws.detachedEncoded(plain, BODY, keys.active()), keys.publicJwks()).reason())
                .isEqualTo(VerificationResult.B64_NOT_FALSE);
        assertThat(verifier.verify(BODY, Jws.detachedUnencoded(b64String, BODY, keys.active()), keys.publicJwks()).reason())
                .isEqualTo(VerificationResult.B64_NOT_FALSE);
    }

    @Test
    void rejectsMalformedInput() {
        HubSigningKeys keys = keys("hub", KeyAlgorithm.ES256);
        JWKSet jwks = keys.publicJwks();
        String good = new ExchangeSigner(keys).sign(BODY, "ex-7");
        String[] p = good.split("\\.", -1);
        for (String bad : new String[] {null, "", "abc", "a.b", "a.b.c.d", "!!!..abc", "e30..abc", // {} has no alg
                Jws.b64("not json".getBytes(StandardCharsets.UTF_8)) + ".." + p[2],
                Jws.b64("[1,2]".getBytes(StandardCharsets.UTF_8)) + ".." + p[2],
                p[0] + ".." + p[2] + "=", p[0] + "..+" + p[2]}) {
            assertThat(verifier.verify(BODY, bad, jwks).reason()).as(bad).isEqualTo(VerificationResult.MALFORMED);
        }
        assertThat(verifier.verify(BODY, p[0] + "..", jwks).reason()).isEqualTo(VerificationResult.BAD_SIGNATURE);
        assertThat(verifier.verify(BODY, p[0] + ".." + p[2].substring(2), jwks).reason()).isEqualTo(VerificationResult.BAD_SIGNATURE);
        assertThat(verifier.verify(BODY, "  " + good + "\r\n", jwks).valid()).isTrue();
    }

    @Test
    void rejectsAnAttachedPayload() {
        HubSigningKeys keys = keys("hub", KeyAlgorithm.ES256);
        String[] p = new ExchangeSigner(keys).sign(BODY, "ex-7").split("\\.", -1);
        assertThat(verifier.verify(BODY, p[0] + "." + Jws.b64(BODY) + "." + p[2], keys.publicJwks()).reason())
                .isEqualTo(VerificationResult.NOT_DETACHED);
    }

    @Test
    void rejectsAMissingKidAndAKeyOfAnotherType() {
        HubSigningKeys ec = keys("ec", KeyAlgorithm.ES256);
        HubSigningKeys ed = keys("ed", KeyAlgorithm.EdDSA);
        Map<String, Object> noKid = hubHeader(ec.active());
        noKid.remove("kid");
        assertThat(verifier.verify(BODY, Jws.detachedUnencoded(noKid, BODY, ec.active()), ec.publicJwks()).reason())
                .isEqualTo(VerificationResult.MISSING_KID);

        // EdDSA signature whose kid names the EC key
        Map<String, Object> h = hubHeader(ed.active());
        h.put("kid", ec.active().kid());
        assertThat(verifier.verify(BODY, Jws.detachedUnencoded(h, BODY, ed.active()), ec.publicJwks()).reason())
                .isEqualTo(VerificationResult.KEY_ALG_MISMATCH);
    }

    @Test
    void loadsJwksFromAFileAFileUriASingleJwkAndAUrl() throws Exception {
        HubSigningKeys keys = keys("hub", KeyAlgorithm.EdDSA);
        String jws = new ExchangeSigner(keys).sign(BODY, "ex-7");
        Path file = tmp.resolve("jwks.json");
        Files.writeString(file, keys.jwksJson());
        Path single = tmp.resolve("jwk.json");
        Files.writeString(single, keys.active().publicJwk().toJSONString());

        assertThat(verifier.verify(BODY, jws, ExchangeSignatureVerifier.loadJwks(file.toString())).valid()).isTrue();
        assertThat(verifier.verify(BODY, jws, ExchangeSignatureVerifier.loadJwks(file.toUri().toString())).valid()).isTrue();
        assertThat(verifier.verify(BODY, jws, ExchangeSignatureVerifier.loadJwks(single.toString())).valid()).isTrue();

        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/.well-known/jwks.json", exchange -> {
            byte[] json = keys.jwksJson().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/jwk-set+json");
            exchange.sendResponseHeaders(200, json.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(json);
            }
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            JWKSet fetched = ExchangeSignatureVerifier.loadJwks(base + "/.well-known/jwks.json");
            assertThat(verifier.verify(BODY, jws, fetched).valid()).isTrue();
            assertThatThrownBy(() -> ExchangeSignatureVerifier.loadJwks(base + "/nothing-here"))
                    .isInstanceOf(UncheckedIOException.class).hasMessageContaining("404");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void refusesAJwksThatCannotBeRead() throws Exception {
        Path notJwks = tmp.resolve("x.json");
        Files.writeString(notJwks, "{\"hello\":1}");
        assertThatThrownBy(() -> ExchangeSignatureVerifier.loadJwks(notJwks.toString())).isInstanceOf(UncheckedIOException.class);
        assertThatThrownBy(() -> ExchangeSignatureVerifier.loadJwks(tmp.resolve("missing.json").toString()))
                .isInstanceOf(UncheckedIOException.class);
        Files.writeString(notJwks, "not json");
        assertThatThrownBy(() -> ExchangeSignatureVerifier.loadJwks(notJwks.toString())).isInstanceOf(UncheckedIOException.class);
    }
}
