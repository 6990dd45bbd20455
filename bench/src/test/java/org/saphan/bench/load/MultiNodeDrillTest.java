package org.saphan.bench.load;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Two packaged hub nodes on one PostgreSQL, in the suite ({@code ops/multi-node.sh} runs three). */
class MultiNodeDrillTest {

    @Test
    void twoNodesShareTokensReplayProtectionQuotaAndTheAccessLog() throws Exception {
        MultiNodeDrill.Result r = MultiNodeDrill.run(Path.of("../hub/target/saphan-hub.jar"), 2, Duration.ofSeconds(4), 8,
                Path.of("target/multi-node-drill"));

        assertThat(r.tokenAcrossNodes()).as("a token issued by node-1 is accepted by node-2").isTrue();
        assertThat(r.replayStatusOnOtherNode()).as("a request id used on node-1 is a replay on node-2").isEqualTo(409);
        // docs/metering.md: never more than the quota in a minute; refused early by at most the calls in flight
        assertThat(r.quotaAdmitted()).isBetween((long) MultiNodeDrill.QUOTA_PER_MINUTE - MultiNodeDrill.QUOTA_CALLERS,
                (long) MultiNodeDrill.QUOTA_PER_MINUTE);
        assertThat(r.quotaRefused()).isPositive();
        assertThat(r.okReceived()).isPositive();
        assertThat(r.lost()).as("200s without an access-log record").isZero();
        assertThat(r.recordsByNode()).as("each node writes its own chain").containsOnlyKeys("node-1", "node-2");
        assertThat(r.usageCalls()).as("the usage report on one node counts every node's calls").isEqualTo(r.recordsInDatabase());
        assertThat(r.nodesInAuditQuery()).as("an audit query on one node sees every node").containsExactly("node-1", "node-2");
        assertThat(r.logVerifies()).isTrue();
        assertThat(r.nodesVerified()).as("verification covers every node's chain").isEqualTo(2);
    }
}
