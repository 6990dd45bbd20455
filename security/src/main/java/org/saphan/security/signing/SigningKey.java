package org.saphan.security.signing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import org.saphan.security.verify.SignatureKeys;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Instant;
import java.util.Objects;

/**
 * One hub signing key: its {@code kid} (the RFC 7638 JWK thumbprint of the public key, base64url),
 * algorithm, private key, public JWK and creation time. Immutable and thread-safe; the signer
 * for it is built once.
 */
public final class SigningKey {

    private final String kid;
    private final KeyAlgorithm algorithm;
    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final JWK publicJwk;
    private final Instant createdAt;
    private final JWSSigner jwsSigner;

    SigningKey(KeyAlgorithm algorithm, PrivateKey privateKey, PublicKey publicKey, Instant createdAt) {
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
        this.publicKey = Objects.requireNonNull(publicKey, "publicKey");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        try {
            JWK bare = switch (algorithm) {
                case ES256 -> new ECKey.Builder(Curve.P_256, (ECPublicKey) publicKey).build();
                case EdDSA -> new OctetKeyPair.Builder(Curve.Ed25519,
                        Base64URL.encode(SignatureKeys.ed25519RawPublicKey(publicKey))).build();
            };
            this.kid = bare.computeThumbprint().toString();
            this.publicJwk = switch (algorithm) {
                case ES256 -> new ECKey.Builder((ECKey) bare).keyID(kid).keyUse(KeyUse.SIGNATURE)
                        .algorithm(algorithm.jwsAlgorithm()).build();
                case EdDSA -> new OctetKeyPair.Builder((OctetKeyPair) bare).keyID(kid).keyUse(KeyUse.SIGNATURE)
                        .algorithm(algorithm.jwsAlgorithm()).build();
            };
            this.jwsSigner = switch (algorithm) {
                case ES256 -> new Es256BcSigner((ECPrivateKey) privateKey);
                case EdDSA -> new Ed25519BcSigner(privateKey);
            };
        } catch (JOSEException | ClassCastException e) {
            throw new IllegalArgumentException("not a " + algorithm + " key pair", e);
        }
    }

    /** RFC 7638 JWK thumbprint (SHA-256, base64url) of the public key. */
    public String kid() {
        return kid;
    }

    public KeyAlgorithm algorithm() {
        return algorithm;
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    /** The public JWK with {@code kid}, {@code alg} and {@code use: sig}; never a private part. */
    public JWK publicJwk() {
        return publicJwk;
    }

    public Instant createdAt() {
        return createdAt;
    }

    JWSSigner jwsSigner() {
        return jwsSigner;
    }

    @Override
    public String toString() {
        return "SigningKey[kid=" + kid + ", algorithm=" + algorithm + ", createdAt=" + createdAt + "]";
    }
}
