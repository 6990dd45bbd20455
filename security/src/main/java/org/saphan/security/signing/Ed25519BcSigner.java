package org.saphan.security.signing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.util.Base64URL;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

import java.io.IOException;
import java.security.PrivateKey;
import java.util.Set;

/**
 * EdDSA (Ed25519) JWS signing with Bouncy Castle's lightweight API. Nimbus' own Ed25519Signer
 * needs Google Tink and the private key as a JWK; Bouncy Castle is already here and signs
 * Ed25519 several times faster than the JDK 17 provider. Stateless per call, so thread-safe.
 */
final class Ed25519BcSigner implements JWSSigner {

    private final Ed25519PrivateKeyParameters key;
    private final JCAContext jcaContext = new JCAContext();

    Ed25519BcSigner(PrivateKey privateKey) {
        try {
            AsymmetricKeyParameter params = PrivateKeyFactory.createKey(privateKey.getEncoded());
            if (!(params instanceof Ed25519PrivateKeyParameters ed)) {
                throw new IllegalArgumentException("not an Ed25519 private key");
            }
            this.key = ed;
        } catch (IOException e) {
            throw new IllegalArgumentException("unreadable Ed25519 private key", e);
        }
    }

    @Override
    public Base64URL sign(JWSHeader header, byte[] signingInput) throws JOSEException {
        if (!JWSAlgorithm.EdDSA.equals(header.getAlgorithm())) {
            throw new JOSEException("Ed25519 key cannot sign " + header.getAlgorithm());
        }
        byte[] signature = new byte[Ed25519.SIGNATURE_SIZE];
        key.sign(Ed25519.Algorithm.Ed25519, null, signingInput, 0, signingInput.length, signature, 0);
        return Base64URL.encode(signature);
    }

    @Override
    public Set<JWSAlgorithm> supportedJWSAlgorithms() {
        return Set.of(JWSAlgorithm.EdDSA);
    }

    @Override
    public JCAContext getJCAContext() {
        return jcaContext;
    }
}
