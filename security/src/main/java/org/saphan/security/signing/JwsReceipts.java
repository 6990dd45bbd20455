package org.saphan.security.signing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.Base64URL;
import org.saphan.security.verify.CompactJwsVerifier;
import org.saphan.security.verify.JwsVerificationException;

import java.time.Clock;
import java.util.Objects;

/**
 * Ordinary (attached) compact JWS by the hub's active key, for things people keep: consent
 * receipts, signed audit checkpoints. Header: {@code alg}, {@code kid}, {@code typ}, {@code iat}.
 */
public final class JwsReceipts {

    private final HubSigningKeys keys;
    private final Clock clock;

    public JwsReceipts(HubSigningKeys keys) {
        this(keys, keys.clock());
    }

    public JwsReceipts(HubSigningKeys keys, Clock clock) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param payloadJson the payload (normally UTF-8 JSON); signed as given
     * @param typ         the header's {@code typ}, e.g. {@code saphan-consent-receipt+jwt}; null for none
     * @return {@code header.payload.signature}
     */
    public String signCompact(byte[] payloadJson, String typ) {
        Objects.requireNonNull(payloadJson, "payloadJson");
        SigningKey key = keys.active();
        JWSHeader.Builder builder = new JWSHeader.Builder(key.algorithm().jwsAlgorithm())
                .keyID(key.kid())
                .customParam(ExchangeSigner.ISSUED_AT, clock.instant().getEpochSecond());
        if (typ != null) {
            builder.type(new JOSEObjectType(typ));
        }
        JWSHeader header = builder.build();
        String encodedHeader = header.toBase64URL().toString();
        String encodedPayload = Base64URL.encode(payloadJson).toString();
        try {
            Base64URL signature = key.jwsSigner().sign(header,
                    ExchangeSigner.signingInput(encodedHeader, encodedPayload.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
            return encodedHeader + "." + encodedPayload + "." + signature;
        } catch (JOSEException e) {
            throw new IllegalStateException("signing with kid " + key.kid() + " failed", e);
        }
    }

    /**
     * Verifies a compact JWS made by {@link #signCompact} against a JWKS (the hub's, or a saved copy).
     *
     * @return the payload bytes
     * @throws JwsVerificationException when it does not verify; {@code reason()} says why
     */
    public static byte[] verifyCompact(String jws, JWKSet jwks) {
        return CompactJwsVerifier.verify(jws, jwks, null);
    }

    /** As {@link #verifyCompact(String, JWKSet)}, and the header's {@code typ} must be {@code expectedTyp}. */
    public static byte[] verifyCompact(String jws, JWKSet jwks, String expectedTyp) {
        return CompactJwsVerifier.verify(jws, jwks, Objects.requireNonNull(expectedTyp, "expectedTyp"));
    }
}
