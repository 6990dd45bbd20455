package org.saphan.security.verify;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.Base64URL;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Objects;

/**
 * Verifies an ordinary (attached, base64url payload) compact JWS signed by a hub key: consent
 * receipts and audit checkpoints. Only ES256 and EdDSA, a {@code kid} found in the JWKS, and no
 * critical header parameters.
 */
public final class CompactJwsVerifier {

    static final int MAX_LENGTH = 1024 * 1024;

    private CompactJwsVerifier() {
    }

    /**
     * @param expectedTyp when not null, the header's {@code typ} must equal it
     * @return the payload bytes
     * @throws JwsVerificationException with a {@link VerificationResult} reason code
     */
    public static byte[] verify(String jws, JWKSet jwks, String expectedTyp) {
        Objects.requireNonNull(jwks, "jwks");
        CompactJws parsed = CompactJws.parse(jws == null ? null : jws.trim(), MAX_LENGTH);
        if (parsed.payloadPart().isEmpty()) {
            throw new JwsVerificationException(VerificationResult.MALFORMED, "no payload");
        }
        String alg = parsed.stringMember("alg");
        if (alg == null) {
            throw new JwsVerificationException(VerificationResult.MALFORMED, "no alg");
        }
        if (!SignatureKeys.isAllowed(alg)) {
            throw new JwsVerificationException(VerificationResult.ALG_NOT_ALLOWED, "alg " + alg);
        }
        if (parsed.header().containsKey("b64") || parsed.crit() != null) {
            throw new JwsVerificationException(VerificationResult.UNKNOWN_CRIT, "critical or b64 parameters are not used here");
        }
        String typ = parsed.stringMember("typ");
        if (expectedTyp != null && !expectedTyp.equals(typ)) {
            throw new JwsVerificationException(VerificationResult.WRONG_TYP, "typ " + typ + ", expected " + expectedTyp);
        }
        String kid = parsed.stringMember("kid");
        if (kid == null) {
            throw new JwsVerificationException(VerificationResult.MISSING_KID, "no kid");
        }
        JWK jwk = jwks.getKeyByKeyId(kid);
        if (jwk == null) {
            throw new JwsVerificationException(VerificationResult.UNKNOWN_KID, "kid " + kid);
        }
        if (parsed.signaturePart().isEmpty()) {
            throw new JwsVerificationException(VerificationResult.BAD_SIGNATURE, "no signature");
        }
        try {
            JWSHeader header = JWSHeader.parse(parsed.header(), new Base64URL(parsed.headerPart()));
            JWSVerifier verifier = SignatureKeys.verifierFor(header.getAlgorithm(), jwk);
            if (verifier == null) {
                throw new JwsVerificationException(VerificationResult.KEY_ALG_MISMATCH, "kid " + kid + " cannot serve " + alg);
            }
            byte[] input = parsed.signingInput(parsed.payloadPart().getBytes(StandardCharsets.US_ASCII));
            if (!verifier.verify(header, input, new Base64URL(parsed.signaturePart()))) {
                throw new JwsVerificationException(VerificationResult.BAD_SIGNATURE, "kid " + kid);
            }
            return new Base64URL(parsed.payloadPart()).decode();
        } catch (ParseException e) {
            throw new JwsVerificationException(VerificationResult.MALFORMED, e.getMessage());
        } catch (JOSEException e) {
            throw new JwsVerificationException(VerificationResult.BAD_SIGNATURE, e.getMessage());
        }
    }
}
