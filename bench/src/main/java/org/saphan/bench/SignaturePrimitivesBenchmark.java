package org.saphan.bench;

import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.util.concurrent.TimeUnit;

/**
 * The bare signature primitives under {@link SigningBenchmark}, one thread, 1 KB input: the JDK 17
 * providers against Bouncy Castle. This is why Ed25519 signing goes through Bouncy Castle's
 * lightweight API, and what ES256 would gain from the Bouncy Castle provider.
 *
 * <pre>java -jar bench/target/benchmarks.jar SignaturePrimitivesBenchmark -f 1 -wi 2 -i 3</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
public class SignaturePrimitivesBenchmark {

    private final Provider bc = new BouncyCastleProvider();
    private final byte[] input = new byte[1024];
    private KeyPair ec;
    private KeyPair ed;
    private Ed25519PrivateKeyParameters edBc;
    private ECPrivateKeyParameters ecBc;

    @Setup
    public void setUp() throws GeneralSecurityException {
        KeyPairGenerator ecGen = KeyPairGenerator.getInstance("EC");
        ecGen.initialize(new ECGenParameterSpec("secp256r1"));
        ec = ecGen.generateKeyPair();
        ed = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] pkcs8 = ed.getPrivate().getEncoded();
        edBc = new Ed25519PrivateKeyParameters(pkcs8, pkcs8.length - 32);
        X9ECParameters p256 = CustomNamedCurves.getByName("secp256r1");
        ecBc = new ECPrivateKeyParameters(((ECPrivateKey) ec.getPrivate()).getS(),
                new ECDomainParameters(p256.getCurve(), p256.getG(), p256.getN(), p256.getH()));
    }

    @Benchmark
    public byte[] es256Jdk() throws GeneralSecurityException {
        Signature s = Signature.getInstance("SHA256withECDSAinP1363Format");
        s.initSign(ec.getPrivate());
        s.update(input);
        return s.sign();
    }

    @Benchmark
    public byte[] es256BouncyCastleProvider() throws GeneralSecurityException {
        Signature s = Signature.getInstance("SHA256withPLAIN-ECDSA", bc);
        s.initSign(ec.getPrivate());
        s.update(input);
        return s.sign();
    }

    /** What the hub signs ES256 with (Es256BcSigner): the lightweight API on the curve built once, RFC 6979 nonces. */
    @Benchmark
    public BigInteger[] es256BouncyCastleLightweight() {
        SHA256Digest sha256 = new SHA256Digest();
        sha256.update(input, 0, input.length);
        byte[] digest = new byte[32];
        sha256.doFinal(digest, 0);
        ECDSASigner ecdsa = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        ecdsa.init(true, ecBc);
        return ecdsa.generateSignature(digest);
    }

    @Benchmark
    public byte[] ed25519Jdk() throws GeneralSecurityException {
        Signature s = Signature.getInstance("Ed25519");
        s.initSign(ed.getPrivate());
        s.update(input);
        return s.sign();
    }

    @Benchmark
    public byte[] ed25519BouncyCastle() {
        byte[] sig = new byte[Ed25519.SIGNATURE_SIZE];
        edBc.sign(Ed25519.Algorithm.Ed25519, null, input, 0, input.length, sig, 0);
        return sig;
    }
}
