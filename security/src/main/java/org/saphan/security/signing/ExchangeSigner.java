package org.saphan.security.signing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.util.Base64URL;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Signs exchange responses: the {@code X-Exchange-Signature} header value.
 *
 * <p>The result is a compact detached JWS (RFC 7515 appendix F) with an unencoded payload
 * (RFC 7797): {@code BASE64URL(header) + ".." + BASE64URL(signature)}, where the signature is
 * over {@code ASCII(BASE64URL(header)) || '.' || body}, the body being exactly the bytes given.
 * The protected header is
 * <pre>{"alg":"ES256","kid":"...","b64":false,"crit":["b64"],"iat":1735689600,"exchangeId":"..."}</pre>
 *
 * <p>The signing input is composed here rather than by Nimbus' {@code JWSObject}, which turns an
 * unencoded payload into a String first and would alter bodies that are not valid UTF-8.
 * Thread-safe; picks up the active key on every call, so a rotation takes effect at once.
 */
public final class ExchangeSigner implements ResponseSigner {

    /** Header member carrying the hub's exchange id. */
    public static final String EXCHANGE_ID = "exchangeId";
    /** Header member carrying the signing time, epoch seconds. */
    public static final String ISSUED_AT = "iat";

    private static final Set<String> RESERVED = Set.of(EXCHANGE_ID, ISSUED_AT, "b64", "crit", "alg", "kid");

    private final HubSigningKeys keys;
    private final Clock clock;

    public ExchangeSigner(HubSigningKeys keys) {
        this(keys, keys.clock());
    }

    public ExchangeSigner(HubSigningKeys keys, Clock clock) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String sign(byte[] body, String exchangeId) {
        return sign(body, exchangeId, Map.of());
    }

    /**
     * As {@link #sign(byte[], String)}, with more protected header members (e.g. a later batch
     * signature's Merkle claim). They cannot replace {@code alg}, {@code kid}, {@code b64},
     * {@code crit}, {@code iat} or {@code exchangeId}, nor any other JOSE-registered name.
     *
     * @throws IllegalArgumentException for such a name
     */
    public String sign(byte[] body, String exchangeId, Map<String, Object> extraHeader) {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(exchangeId, "exchangeId");
        Objects.requireNonNull(extraHeader, "extraHeader");
        SigningKey key = keys.active();
        JWSHeader.Builder builder = new JWSHeader.Builder(key.algorithm().jwsAlgorithm())
                .keyID(key.kid())
                .base64URLEncodePayload(false)
                .criticalParams(Set.of("b64"))
                .customParam(ISSUED_AT, clock.instant().getEpochSecond())
                .customParam(EXCHANGE_ID, exchangeId);
        for (Map.Entry<String, Object> member : extraHeader.entrySet()) {
            if (RESERVED.contains(member.getKey())) {
                throw new IllegalArgumentException("header member '" + member.getKey() + "' is set by the signer");
            }
            builder.customParam(member.getKey(), member.getValue());
        }
        JWSHeader header = builder.build();
        String encodedHeader = header.toBase64URL().toString();
        try {
            Base64URL signature = key.jwsSigner().sign(header, signingInput(encodedHeader, body));
            return encodedHeader + ".." + signature;
        } catch (JOSEException e) {
            throw new IllegalStateException("signing with kid " + key.kid() + " failed", e);
        }
    }

    /** {@code ASCII(BASE64URL(header)) || '.' || payload}, the payload bytes untouched (RFC 7797 section 3). */
    static byte[] signingInput(String encodedHeader, byte[] payload) {
        byte[] h = encodedHeader.getBytes(StandardCharsets.US_ASCII);
        byte[] input = new byte[h.length + 1 + payload.length];
        System.arraycopy(h, 0, input, 0, h.length);
        input[h.length] = '.';
        System.arraycopy(payload, 0, input, h.length + 1, payload.length);
        return input;
    }
}
