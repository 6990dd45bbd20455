package org.saphan.security.verify;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Set;

/**
 * The algorithms the hub signs with, and turning a public JWK into a verifier for them. Plain JDK
 * and Nimbus: no Bouncy Castle here, so the self-contained verifier jar stays small.
 */
public final class SignatureKeys {

    /** The only {@code alg} values the hub uses and a verifier accepts. */
    public static final Set<JWSAlgorithm> ALLOWED_ALGORITHMS = Set.of(JWSAlgorithm.ES256, JWSAlgorithm.EdDSA);

    /** DER prefix of an X.509 SubjectPublicKeyInfo holding a raw 32-byte Ed25519 key (RFC 8410). */
    private static final byte[] ED25519_SPKI_PREFIX = {
        0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00
    };

    private SignatureKeys() {
    }

    /** True for {@code ES256} and {@code EdDSA}; false for {@code none}, HMAC, RSA and everything else. */
    public static boolean isAllowed(String alg) {
        return alg != null && ALLOWED_ALGORITHMS.stream().anyMatch(a -> a.getName().equals(alg));
    }

    /**
     * A verifier for {@code alg} with the public half of {@code jwk}, or {@code null} when the key
     * cannot serve that algorithm (other key type or curve, or a key marked for encryption).
     */
    public static JWSVerifier verifierFor(JWSAlgorithm alg, JWK jwk) {
        if (jwk == null || (jwk.getKeyUse() != null && !KeyUse.SIGNATURE.equals(jwk.getKeyUse()))) {
            return null;
        }
        if (jwk.getAlgorithm() != null && !jwk.getAlgorithm().getName().equals(alg.getName())) {
            return null;
        }
        try {
            if (JWSAlgorithm.ES256.equals(alg) && jwk instanceof ECKey ec && Curve.P_256.equals(ec.getCurve())) {
                // "b64" is checked by the callers (ExchangeSignatureVerifier requires it, receipts refuse it).
                return new ECDSAVerifier(ec.toPublicJWK().toECPublicKey(), Set.of("b64"));
            }
            if (JWSAlgorithm.EdDSA.equals(alg) && jwk instanceof OctetKeyPair okp && Curve.Ed25519.equals(okp.getCurve())) {
                return new EdDsaJdkVerifier(ed25519PublicKey(okp.getDecodedX()));
            }
        } catch (JOSEException | GeneralSecurityException | IllegalArgumentException e) {
            return null;
        }
        return null;
    }

    /** A JDK Ed25519 public key from its raw 32 bytes (the JWK's {@code x}). */
    public static PublicKey ed25519PublicKey(byte[] x) throws GeneralSecurityException {
        if (x == null || x.length != 32) {
            throw new GeneralSecurityException("an Ed25519 public key has 32 bytes");
        }
        byte[] spki = Arrays.copyOf(ED25519_SPKI_PREFIX, ED25519_SPKI_PREFIX.length + 32);
        System.arraycopy(x, 0, spki, ED25519_SPKI_PREFIX.length, 32);
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
    }

    /** The raw 32 bytes (the JWK's {@code x}) of an Ed25519 public key of any provider. */
    public static byte[] ed25519RawPublicKey(PublicKey key) {
        byte[] spki = key.getEncoded();
        if (spki == null || spki.length != ED25519_SPKI_PREFIX.length + 32
                || !Arrays.equals(Arrays.copyOf(spki, ED25519_SPKI_PREFIX.length), ED25519_SPKI_PREFIX)) {
            throw new IllegalArgumentException("not an Ed25519 public key");
        }
        return Arrays.copyOfRange(spki, ED25519_SPKI_PREFIX.length, spki.length);
    }
}
