package org.saphan.bench.load;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** A short crash drill in the suite: two SIGKILLs under load and restarts of the packaged hub on PostgreSQL. */
class CrashDrillTest {

    @Test
    void everyAnsweredExchangeSurvivesSigkillAndTheChainResumes() throws Exception {
        CrashDrill.Result result = CrashDrill.run(Path.of("../hub/target/saphan-hub.jar"), 2, Duration.ofSeconds(4), 8,
                Path.of("target/crash-drill"));

        assertThat(result.rounds()).hasSize(2).allSatisfy(round -> {
            assertThat(round.okReceived()).as("the hub served before it was killed").isPositive();
            assertThat(round.lost()).as("200s without an access-log record").isZero();
        });
        assertThat(result.chainsResumed()).as("each restart continues the node's chain from its last record").isTrue();
        assertThat(result.logVerifies()).as(result.verifyReport()).isTrue();
        assertThat(result.records()).isGreaterThanOrEqualTo(result.okReceived());
    }
}
