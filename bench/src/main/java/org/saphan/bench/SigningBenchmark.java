package org.saphan.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.saphan.security.signing.ExchangeSigner;
import org.saphan.security.signing.HubSigningKeys;
import org.saphan.security.signing.KeyAlgorithm;
import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Response signatures per second on one thread (= one core): {@link ExchangeSigner#sign} for
 * ES256 and EdDSA over 1 KB and 100 KB bodies, header building and base64url included.
 *
 * <pre>
 * mvn -B -pl bench -am package -DskipTests
 * java -jar bench/target/benchmarks.jar SigningBenchmark -f 1 -wi 2 -i 3
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
public class SigningBenchmark {

    @Param({"ES256", "EdDSA"})
    public String algorithm;

    @Param({"1024", "102400"})
    public int bodyBytes;

    private Path dir;
    private ExchangeSigner signer;
    private byte[] body;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("saphan-bench");
        HubSigningKeys keys = HubSigningKeys.openOrCreate(dir.resolve("signing.p12"), "bench-only".toCharArray(),
                KeyAlgorithm.parse(algorithm), Duration.ofDays(1), Clock.systemUTC());
        signer = new ExchangeSigner(keys);
        // A JSON-ish body of printable ASCII, as a response would be.
        body = new byte[bodyBytes];
        Random random = new Random(42);
        for (int i = 0; i < body.length; i++) {
            body[i] = (byte) (' ' + random.nextInt(95));
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        FileSystemUtils.deleteRecursively(dir);
    }

    @Benchmark
    public String sign() {
        return signer.sign(body, "bench-exchange-0001");
    }
}
