package org.saphan.bench.load;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A short crash drill in the suite: two SIGKILLs under load and restarts of the packaged hub, on PostgreSQL and
 * on the embedded H2 default (whose commits reach the file before the answer only with {@code WRITE_DELAY=0}).
 */
class CrashDrillTest {

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "h2"})
    void everyAnsweredExchangeSurvivesSigkillAndTheChainResumes(String database) throws Exception {
        CrashDrill.Result result = CrashDrill.run(PackagedHub.jar(), database, 2, Duration.ofSeconds(4), 8,
                Path.of("target/crash-drill-" + database));

        assertThat(result.rounds()).hasSize(2).allSatisfy(round -> {
            assertThat(round.okReceived()).as("the hub served before it was killed").isPositive();
            assertThat(round.lost()).as("200s without an access-log record").isZero();
        });
        // the final restart's 200s are looked up like the killed rounds' (and count in the totals)
        assertThat(result.finalRestart().okReceived()).as("the hub serves after the last restart").isPositive();
        assertThat(result.finalRestart().lost()).as("200s after the last restart without a record").isZero();
        assertThat(result.lost()).isZero();
        assertThat(result.chainsResumed()).as("each restart continues the node's chain from its last record").isTrue();
        assertThat(result.logVerifies()).as(result.verifyReport()).isTrue();
        assertThat(result.records()).isGreaterThanOrEqualTo(result.okReceived());
    }
}
