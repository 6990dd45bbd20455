package org.saphan.security.signing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.util.Base64URL;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.util.BigIntegers;

import java.math.BigInteger;
import java.security.interfaces.ECPrivateKey;
import java.util.Set;

/**
 * ES256 JWS signing with Bouncy Castle's lightweight API on its P-256 curve, built once: the JCA path
 * (Nimbus' ECDSASigner on the Bouncy Castle provider) made a new Signature and converted the JDK key to a new
 * curve object for every signature, so the precomputed multiples of the base point were rebuilt each time
 * (248 KB allocated per signature against 55 KB here; docs/performance.md has the figures). The nonce is derived
 * as RFC 6979 says (deterministic ECDSA), so no signature depends on a random source; any ES256 verifier
 * checks it. Thread-safe: a new ECDSASigner per call, the key and curve shared.
 */
final class Es256BcSigner implements JWSSigner {

    private static final X9ECParameters P256 = CustomNamedCurves.getByName("secp256r1");
    private static final ECDomainParameters DOMAIN = new ECDomainParameters(P256.getCurve(), P256.getG(), P256.getN(), P256.getH());
    private static final int SCALAR_BYTES = 32;

    private final ECPrivateKeyParameters key;
    private final JCAContext jcaContext = new JCAContext();

    Es256BcSigner(ECPrivateKey privateKey) {
        if (!P256.getN().equals(privateKey.getParams().getOrder())) {
            throw new IllegalArgumentException("not a P-256 private key");
        }
        this.key = new ECPrivateKeyParameters(privateKey.getS(), DOMAIN);
    }

    @Override
    public Base64URL sign(JWSHeader header, byte[] signingInput) throws JOSEException {
        if (!JWSAlgorithm.ES256.equals(header.getAlgorithm())) {
            throw new JOSEException("P-256 key cannot sign " + header.getAlgorithm());
        }
        SHA256Digest sha256 = new SHA256Digest();
        sha256.update(signingInput, 0, signingInput.length);
        byte[] digest = new byte[sha256.getDigestSize()];
        sha256.doFinal(digest, 0);
        ECDSASigner ecdsa = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        ecdsa.init(true, key);
        BigInteger[] rs = ecdsa.generateSignature(digest);
        // JWS form (RFC 7518 section 3.4): R and S as 32-byte big-endian integers, concatenated
        byte[] signature = new byte[2 * SCALAR_BYTES];
        BigIntegers.asUnsignedByteArray(rs[0], signature, 0, SCALAR_BYTES);
        BigIntegers.asUnsignedByteArray(rs[1], signature, SCALAR_BYTES, SCALAR_BYTES);
        return Base64URL.encode(signature);
    }

    @Override
    public Set<JWSAlgorithm> supportedJWSAlgorithms() {
        return Set.of(JWSAlgorithm.ES256);
    }

    @Override
    public JCAContext getJCAContext() {
        return jcaContext;
    }
}
