package org.saphan.bench.load;

import org.junit.jupiter.api.Test;
import org.saphan.exchange.auth.AccessTokens;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Two packaged hub nodes on one PostgreSQL, in the suite ({@code ops/multi-node.sh} runs three). */
class MultiNodeDrillTest {

    @Test
    void twoNodesShareTokensReplayProtectionQuotaAndTheAccessLog() throws Exception {
        MultiNodeDrill.Result r = MultiNodeDrill.run(PackagedHub.jar(), 2, Duration.ofSeconds(4), 8,
                Path.of("target/multi-node-drill"));

        assertThat(r.tokenAcrossNodes()).as("a token issued by node-1 is accepted by node-2").isTrue();
        // revocation: at once on the node that made it, within the token cache's window on the other (README, AccessTokens)
        MultiNodeDrill.Revocation revocation = r.revocation();
        assertThat(revocation.usedOnOtherBefore()).as("node-2 had accepted (and so cached) the token").isEqualTo(200);
        assertThat(revocation.issuerStatus()).as("node-1 refuses a token it revoked at once").isEqualTo(401);
        assertThat(revocation.refusedOnOther()).as("node-2 refuses the revoked token").isTrue();
        // judged by each call's send time, not by when the refusal came back (round trips are slow on a busy machine)
        assertThat(revocation.acceptedAfterWindow()).as("200s on node-2 for calls sent more than %s after the revocation",
                AccessTokens.VERIFIED_FOR).isZero();
        // the replay check means something only if the first use was admitted
        assertThat(r.replayFirstUseStatus()).as("the request id's first use, on node-1").isEqualTo(200);
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
