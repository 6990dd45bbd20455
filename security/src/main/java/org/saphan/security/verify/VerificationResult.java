package org.saphan.security.verify;

import java.time.Instant;

/**
 * The outcome of checking one {@code X-Exchange-Signature}.
 *
 * @param valid      true only when every check passed
 * @param reason     a stable short code: {@link #VALID} or one of the other constants here
 * @param kid        the header's {@code kid}, when the header could be read
 * @param exchangeId the header's {@code exchangeId}, when present
 * @param iat        the header's {@code iat} (epoch seconds), when present
 */
public record VerificationResult(boolean valid, String reason, String kid, String exchangeId, Long iat) {

    public static final String VALID = "valid";
    /** Not three base64url parts, header not a JSON object, or a header member of the wrong type. */
    public static final String MALFORMED = "malformed";
    /** The middle (payload) part is not empty: not a detached JWS. */
    public static final String NOT_DETACHED = "not-detached";
    /** {@code alg} is neither ES256 nor EdDSA ({@code none}, HMAC, RSA, ...). */
    public static final String ALG_NOT_ALLOWED = "alg-not-allowed";
    /** {@code b64} is absent or not {@code false}: the hub signs the body bytes unencoded. */
    public static final String B64_NOT_FALSE = "b64-not-false";
    /** {@code crit} does not list {@code b64}. */
    public static final String CRIT_MISSING_B64 = "crit-missing-b64";
    /** {@code crit} lists a parameter this verifier does not process. */
    public static final String UNKNOWN_CRIT = "unknown-crit";
    /** The header has no {@code kid}. */
    public static final String MISSING_KID = "missing-kid";
    /** No key with the header's {@code kid} in the JWKS. */
    public static final String UNKNOWN_KID = "unknown-kid";
    /** The key under {@code kid} cannot serve the header's {@code alg}. */
    public static final String KEY_ALG_MISMATCH = "key-alg-mismatch";
    /** The signature does not match the body and header under that key. */
    public static final String BAD_SIGNATURE = "bad-signature";
    /** (Receipts only) the header's {@code typ} is not the one expected. */
    public static final String WRONG_TYP = "wrong-typ";

    static VerificationResult valid(String kid, String exchangeId, Long iat) {
        return new VerificationResult(true, VALID, kid, exchangeId, iat);
    }

    static VerificationResult invalid(String reason, String kid, String exchangeId, Long iat) {
        return new VerificationResult(false, reason, kid, exchangeId, iat);
    }

    /** {@link #iat()} as an instant, or null. */
    public Instant issuedAt() {
        return iat == null ? null : Instant.ofEpochSecond(iat);
    }
}
