package org.saphan.security.verify;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.JsonWebSignature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.saphan.security.signing.ExchangeSigner;
import org.saphan.security.signing.HubSigningKeys;
import org.saphan.security.signing.JwsReceipts;
import org.saphan.security.signing.KeyAlgorithm;
import org.saphan.security.support.MutableClock;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hub's signatures checked by code that shares nothing with the signer: jose4j (another JOSE
 * library, reading the published JWKS JSON itself), and the bare JDK following RFC 7515/7797 by hand.
 */
class IndependentJoseImplementationTest {

    private static final byte[] BODY = "{\"exchangeId\":\"ex-42\",\"data\":{\"name\":\"วิภา\",\"age\":41}}"
            .getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path tmp;

    private HubSigningKeys keys(KeyAlgorithm algorithm) {
        HubSigningKeys keys = HubSigningKeys.openOrCreate(tmp.resolve("hub.p12"), "pw".toCharArray(), algorithm,
                Duration.ofDays(1), new MutableClock(Instant.parse("2025-01-01T00:00:00Z")));
        keys.rotate(algorithm); // two keys in the JWKS, so kid selection matters
        return keys;
    }

    private static boolean jose4jVerifiesDetached(String detachedJws, byte[] body, String jwksJson) throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setAlgorithmConstraints(new AlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, "ES256", "EdDSA"));
        jws.setCompactSerialization(detachedJws);
        jws.setPayloadBytes(body);
        JsonWebKey jwk = new JsonWebKeySet(jwksJson).findJsonWebKey(jws.getKeyIdHeaderValue(), null, "sig", null);
        assertThat(jwk).as("jose4j finds kid %s in the JWKS", jws.getKeyIdHeaderValue()).isNotNull();
        jws.setKey(((PublicJsonWebKey) jwk).getPublicKey());
        return jws.verifySignature();
    }

    @ParameterizedTest
    @EnumSource(KeyAlgorithm.class)
    void jose4jVerifiesTheDetachedUnencodedSignature(KeyAlgorithm algorithm) throws Exception {
        HubSigningKeys keys = keys(algorithm);
        String detached = new ExchangeSigner(keys).sign(BODY, "ex-42");

        assertThat(jose4jVerifiesDetached(detached, BODY, keys.jwksJson())).isTrue();

        JsonWebSignature parsed = new JsonWebSignature();
        parsed.setCompactSerialization(detached);
        assertThat(parsed.getHeaders().getObjectHeaderValue("b64")).isEqualTo(false);
        assertThat(parsed.getHeaders().getStringHeaderValue("exchangeId")).isEqualTo("ex-42");
        assertThat(parsed.getKeyIdHeaderValue()).isEqualTo(keys.active().kid());
    }

    @ParameterizedTest
    @EnumSource(KeyAlgorithm.class)
    void jose4jRejectsAChangedBody(KeyAlgorithm algorithm) throws Exception {
        HubSigningKeys keys = keys(algorithm);
        String detached = new ExchangeSigner(keys).sign(BODY, "ex-42");
        byte[] changed = BODY.clone();
        changed[changed.length - 3] ^= 0x02;

        assertThat(jose4jVerifiesDetached(detached, changed, keys.jwksJson())).isFalse();
    }

    @ParameterizedTest
    @EnumSource(KeyAlgorithm.class)
    void jose4jVerifiesReceipts(KeyAlgorithm algorithm) throws Exception {
        HubSigningKeys keys = keys(algorithm);
        String compact = new JwsReceipts(keys).signCompact(BODY, "saphan-consent-receipt+jwt");

        JsonWebSignature jws = new JsonWebSignature();
        jws.setCompactSerialization(compact);
        jws.setKey(((PublicJsonWebKey) new JsonWebKeySet(keys.jwksJson())
                .findJsonWebKey(jws.getKeyIdHeaderValue(), null, null, null)).getPublicKey());
        assertThat(jws.verifySignature()).isTrue();
        assertThat(jws.getPayloadBytes()).isEqualTo(BODY);
    }

    @Test
    void jose4jComputesTheSameKidThumbprint() throws Exception {
        HubSigningKeys keys = keys(KeyAlgorithm.ES256);
        keys.rotate(KeyAlgorithm.EdDSA);
        for (JsonWebKey jwk : new JsonWebKeySet(keys.jwksJson()).getJsonWebKeys()) {
            assertThat(jwk.calculateBase64urlEncodedThumbprint("SHA-256")).isEqualTo(jwk.getKeyId());
        }
    }

    /** RFC 7515 + RFC 7797 by hand: signature over ASCII(BASE64URL(header)) || '.' || body, R||S for ES256. */
    @ParameterizedTest
    @EnumSource(KeyAlgorithm.class)
    void theBareJdkVerifiesTheSignatureOverHeaderDotBody(KeyAlgorithm algorithm) throws Exception {
        HubSigningKeys keys = keys(algorithm);
        byte[] body = {'{', (byte) 0xFF, (byte) 0xFE, '}'}; // not UTF-8: proves the bytes are signed as they are
        String detached = new ExchangeSigner(keys).sign(body, "ex-bin");
        String[] parts = detached.split("\\.", -1);
        @SuppressWarnings("unchecked")
        Map<String, Object> jwk = new com.fasterxml.jackson.databind.ObjectMapper()
                .readValue(keys.active().publicJwk().toJSONString(), Map.class);

        byte[] header = parts[0].getBytes(StandardCharsets.US_ASCII);
        byte[] input = new byte[header.length + 1 + body.length];
        System.arraycopy(header, 0, input, 0, header.length);
        input[header.length] = '.';
        System.arraycopy(body, 0, input, header.length + 1, body.length);
        byte[] signature = Base64.getUrlDecoder().decode(parts[2]);

        Signature jdk;
        PublicKey publicKey;
        if (algorithm == KeyAlgorithm.ES256) {
            AlgorithmParameters params = AlgorithmParameters.getInstance("EC");
            params.init(new ECGenParameterSpec("secp256r1"));
            ECPoint point = new ECPoint(unsigned((String) jwk.get("x")), unsigned((String) jwk.get("y")));
            publicKey = KeyFactory.getInstance("EC").generatePublic(
                    new ECPublicKeySpec(point, params.getParameterSpec(ECParameterSpec.class)));
            // Convert JWS R||S to DER, as a verifier without P1363 support would.
            jdk = Signature.getInstance("SHA256withECDSA");
            signature = p1363ToDer(signature);
        } else {
            publicKey = SignatureKeys.ed25519PublicKey(Base64.getUrlDecoder().decode((String) jwk.get("x")));
            jdk = Signature.getInstance("Ed25519");
        }
        jdk.initVerify(publicKey);
        jdk.update(input);
        assertThat(jdk.verify(signature)).isTrue();

        input[input.length - 2] ^= 1;
        jdk.initVerify(publicKey);
        jdk.update(input);
        assertThat(jdk.verify(signature)).isFalse();
        assertThat(jose4jVerifiesDetached(detached, body, keys.jwksJson())).isTrue();
    }

    private static BigInteger unsigned(String b64url) {
        return new BigInteger(1, Base64.getUrlDecoder().decode(b64url));
    }

    private static byte[] p1363ToDer(byte[] rs) {
        byte[] r = derInteger(new BigInteger(1, java.util.Arrays.copyOfRange(rs, 0, 32)));
        byte[] s = derInteger(new BigInteger(1, java.util.Arrays.copyOfRange(rs, 32, 64)));
        byte[] der = new byte[2 + r.length + s.length];
        der[0] = 0x30;
        der[1] = (byte) (r.length + s.length);
        System.arraycopy(r, 0, der, 2, r.length);
        System.arraycopy(s, 0, der, 2 + r.length, s.length);
        return der;
    }

    private static byte[] derInteger(BigInteger v) {
        byte[] value = v.toByteArray();
        byte[] out = new byte[2 + value.length];
        out[0] = 0x02;
        out[1] = (byte) value.length;
        System.arraycopy(value, 0, out, 2, value.length);
        return out;
    }
}
