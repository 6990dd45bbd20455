package org.saphan.security.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.saphan.security.signing.KeyAlgorithm;
import org.saphan.security.signing.SigningKey;

import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.util.Base64;
import java.util.Map;

/**
 * Builds JWS strings by hand with the JDK, so tests can make headers the hub never would
 * (no crit, b64 true, alg none, ...) and still sign them correctly with a hub key.
 */
public final class Jws {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private Jws() {
    }

    public static String b64(byte[] bytes) {
        return B64.encodeToString(bytes);
    }

    public static String encodeHeader(Map<String, Object> header) {
        try {
            return b64(JSON.writeValueAsBytes(header));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> header(String compact) {
        try {
            return JSON.readValue(B64D.decode(compact.substring(0, compact.indexOf('.'))), Map.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] concat(String encodedHeader, byte[] rest) {
        byte[] h = (encodedHeader + ".").getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[h.length + rest.length];
        System.arraycopy(h, 0, out, 0, h.length);
        System.arraycopy(rest, 0, out, h.length, rest.length);
        return out;
    }

    /** JDK signature (JWS form: R||S for ECDSA) of {@code input} with the hub key. */
    public static byte[] jdkSign(SigningKey key, byte[] input) {
        try {
            Signature s = Signature.getInstance(key.algorithm() == KeyAlgorithm.ES256
                    ? "SHA256withECDSAinP1363Format" : "Ed25519");
            s.initSign(key.privateKey());
            s.update(input);
            return s.sign();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A detached JWS whose signing input is {@code header '.' body} (what b64=false means), validly signed. */
    public static String detachedUnencoded(Map<String, Object> header, byte[] body, SigningKey key) {
        String h = encodeHeader(header);
        return h + ".." + b64(jdkSign(key, concat(h, body)));
    }

    /** A detached JWS whose signing input is {@code header '.' BASE64URL(body)} (ordinary b64=true), validly signed. */
    public static String detachedEncoded(Map<String, Object> header, byte[] body, SigningKey key) {
        String h = encodeHeader(header);
        return h + ".." + b64(jdkSign(key, concat(h, b64(body).getBytes(StandardCharsets.US_ASCII))));
    }
}
