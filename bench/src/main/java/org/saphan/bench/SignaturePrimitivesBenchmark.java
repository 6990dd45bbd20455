package org.saphan.bench;

import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
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

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.Signature;
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

    @Setup
    public void setUp() throws GeneralSecurityException {
        KeyPairGenerator ecGen = KeyPairGenerator.getInstance("EC");
        ecGen.initialize(new ECGenParameterSpec("secp256r1"));
        ec = ecGen.generateKeyPair();
        ed = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] pkcs8 = ed.getPrivate().getEncoded();
        edBc = new Ed25519PrivateKeyParameters(pkcs8, pkcs8.length - 32);
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
