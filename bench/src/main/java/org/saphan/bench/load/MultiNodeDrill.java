package org.saphan.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import org.saphan.exchange.auth.AccessTokens;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Several hub nodes on one PostgreSQL (issue 10): each node is its own JVM on its own port with its own node id,
 * and they share the database and the key files (signing keystore, subject-hash key), as nodes behind a load
 * balancer do. The drill checks that a token from one node works on another, that a token revoked on one node is
 * refused on another within the token cache's window ({@link AccessTokens#VERIFIED_FOR}), that a request id used
 * (and answered 200) on one node is a replay on another, that an agreement's quota holds across nodes, that load spread over the nodes
 * leaves every 200 audited with one chain per node, and that usage reports, audit queries and verification on
 * any node see every node. {@code ops/multi-node.sh} runs it; {@code MultiNodeDrillTest} runs it with two nodes.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar org.saphan.bench.load.MultiNodeDrill [--nodes=3] [--seconds=10] [--concurrency=12]
 * </pre>
 */
public final class MultiNodeDrill {

    /** The elderly-allowance system's DOPA quota for the drill (600 a minute in the demo catalog): small, so it is reached fast. */
    static final int QUOTA_PER_MINUTE = 40;
    /** Callers of the quota burst: the most calls that can be in flight, so the most that may be refused early. */
    static final int QUOTA_CALLERS = 4;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /**
     * {@code okReceived} counts every 200 the drill received: the load's, and the single calls of the token,
     * revocation and replay checks; {@code okAudited} how many of them the access log holds.
     */
    record Result(int nodes, boolean tokenAcrossNodes, Revocation revocation, int replayFirstUseStatus,
                  int replayStatusOnOtherNode, long quotaAdmitted, long quotaRefused,
                  long okReceived, long okAudited, Map<String, Long> recordsByNode, long usageCalls, long recordsInDatabase,
                  Set<String> nodesInAuditQuery, boolean logVerifies, int nodesVerified) {
        long lost() {
            return okReceived - okAudited;
        }
    }

    /**
     * A token used on node-2 (so node-2 trusts it from memory), then revoked on node-1. {@code issuerStatus}: node-1's
     * answer right after the revocation; {@code refusedOnOther}: node-2 refused it (401) before the drill gave up,
     * {@code refusedAfterMillis} after the revocation was answered; {@code acceptedAfterWindow}: calls node-2 still
     * answered 200 although they were sent more than {@code VERIFIED_FOR} after the revocation (must be 0).
     */
    record Revocation(int usedOnOtherBefore, int issuerStatus, boolean refusedOnOther, long refusedAfterMillis,
                      int acceptedAfterWindow) {
        boolean held() {
            return usedOnOtherBefore == 200 && issuerStatus == 401 && refusedOnOther && acceptedAfterWindow == 0;
        }
    }

    public static void main(String[] args) throws Exception {
        DrillSite.Options o = DrillSite.Options.parse(args, "nodes", 3, 10, 12, "target/multi-node-drill");
        Result r = run(o.jar(), o.count(), o.seconds(), o.concurrency(), o.logs());
        boolean held = r.tokenAcrossNodes() && r.revocation().held() && r.replayFirstUseStatus() == 200
                && r.replayStatusOnOtherNode() == 409 && r.quotaAdmitted() <= QUOTA_PER_MINUTE
                && r.lost() == 0 && r.recordsByNode().size() == r.nodes() && r.usageCalls() == r.recordsInDatabase()
                && r.nodesInAuditQuery().size() == r.nodes() && r.logVerifies() && r.nodesVerified() == r.nodes();
        System.out.println(r);
        System.out.println(held ? "HELD" : "FAILED");
        System.exit(held ? 0 : 1);
    }

    static Result run(Path jar, int nodeCount, Duration load, int concurrency, Path logs) throws Exception {
        try (DrillSite site = DrillSite.open(jar, logs)) {
            List<HubProcess> nodes = new ArrayList<>();
            DrillDatabase db = site.db;
            List<String> citizens = site.citizens;
            for (int i = 1; i <= nodeCount; i++) { // one after the other: the first creates the keys, the others load them
                nodes.add(site.startNode("node-" + i, "node-" + i, "--saphan.demo.elderly-dopa-quota-per-minute=" + QUOTA_PER_MINUTE));
            }
            List<String> hubs = nodes.stream().map(HubProcess::baseUrl).toList();
            String first = hubs.get(0);
            String other = hubs.get(1);
            String last = hubs.get(hubs.size() - 1);

            List<String> probesOk = new ArrayList<>(); // exchange ids of the single calls' 200s, looked up like the load's
            String token = ExchangeLoadBenchmark.token(first);
            HttpRequest onFirst = ExchangeLoadBenchmark.exchangeRequest(first, token, citizens.get(0));
            boolean tokenAcross = send(ExchangeLoadBenchmark.exchangeRequest(other, token, citizens.get(1)), probesOk) == 200;
            String requestId = UUID.randomUUID().toString();
            // the replay check means something only if the first use was admitted (a refusal may not use the id up)
            int firstUse = send(withRequestId(onFirst, requestId), probesOk);
            int replay = send(withRequestId(ExchangeLoadBenchmark.exchangeRequest(other, token, citizens.get(0)), requestId), probesOk);
            System.out.printf("token from node-1 on node-2: %s; request id used on node-1 (%d), again on node-2: %d%n",
                    tokenAcross ? "accepted" : "REFUSED", firstUse, replay);
            Revocation revocation = revocationAcrossNodes(first, other, citizens, probesOk);
            System.out.printf("token revoked on node-1: node-1 answers %d at once; node-2 (which had used it: %d) refuses it "
                            + "after %d ms (window %d ms); 200s on node-2 sent after the window: %d%n", revocation.issuerStatus(),
                    revocation.usedOnOtherBefore(), revocation.refusedAfterMillis(), AccessTokens.VERIFIED_FOR.toMillis(),
                    revocation.acceptedAfterWindow());

            long[] quota = quotaAcrossNodes(hubs, citizens, db);
            System.out.printf("quota %d/min over %d nodes: at most %d admitted in a minute, %d refused quota-exceeded%n",
                    QUOTA_PER_MINUTE, nodeCount, quota[0], quota[1]);

            AuditedCalls calls = AuditedCalls.runFor(hubs, token, citizens, concurrency, load);
            Set<String> audited = db.permittedExchangeIds();
            long okAudited = calls.okExchangeIds.stream().filter(audited::contains).count();
            long probesAudited = probesOk.stream().filter(audited::contains).count();
            System.out.printf("load over %d nodes for %d s: %d 200s, %d audited, statuses %s; single calls: %d 200s, %d audited%n",
                    nodeCount, load.toSeconds(), calls.ok(), okAudited, calls.statuses, probesOk.size(), probesAudited);

            long usageCalls = usageCalls(other);
            Set<String> queried = nodesInAuditQuery(last);
            JsonNode verify = DrillApi.verifyAccessLog(last);
            Result result = new Result(nodeCount, tokenAcross, revocation, firstUse, replay, quota[0], quota[1],
                    calls.ok() + probesOk.size(), okAudited + probesAudited,
                    db.recordsByNode(), usageCalls, db.records(), queried, verify.path("valid").asBoolean(),
                    verify.path("nodes").size());
            System.out.printf("records by node %s; usage report on node-2 counts %d calls, the database holds %d records; "
                            + "audit query on node-%d sees %s; verification on node-%d: valid=%s over %d node chains%n",
                    result.recordsByNode(), usageCalls, result.recordsInDatabase(), nodeCount, queried, nodeCount,
                    result.logVerifies(), result.nodesVerified());
            return result;
        }
    }

    /**
     * Calls as the elderly-allowance system through every node at once until its minute quota has refused 10 calls.
     * Returns the most calls admitted in one minute window (from the access log: the burst may straddle two
     * windows) and the refusals. docs/metering.md: never more than the quota; at most the calls in flight early.
     */
    private static long[] quotaAcrossNodes(List<String> hubs, List<String> citizens, DrillDatabase db) throws Exception {
        LocalTime now = LocalTime.now(ZoneOffset.UTC);
        if (now.getSecond() > 50) { // start the burst (a few seconds) early in a minute window
            Thread.sleep((61 - now.getSecond()) * 1000L);
        }
        String token = ExchangeLoadBenchmark.token(hubs.get(0), "MSDHS/elderly-allowance", "demo-elderly-allowance-secret");
        AtomicInteger sent = new AtomicInteger();
        AuditedCalls calls = AuditedCalls.runWhile(hubs, token, citizens, QUOTA_CALLERS, burst ->
                sent.incrementAndGet() <= 20 * QUOTA_PER_MINUTE && burst.statuses.getOrDefault(429, 0L) < 10);
        return new long[]{db.mostPermitsInAMinute("MSDHS/elderly-allowance"), calls.statuses.getOrDefault(429, 0L)};
    }

    private static long usageCalls(String hub) throws IOException, InterruptedException {
        String operator = ExchangeLoadBenchmark.token(hub, "HUB/operator-console", "demo-operator-console-secret");
        JsonNode usage = DrillApi.get(hub, "/api/v1/usage?from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00Z&format=json", operator);
        long calls = 0;
        for (JsonNode line : usage.path("usage")) {
            calls += line.path("calls").asLong();
        }
        return calls;
    }

    private static Set<String> nodesInAuditQuery(String hub) throws IOException, InterruptedException {
        String auditor = ExchangeLoadBenchmark.token(hub, "HUB/audit-console", "demo-audit-console-secret");
        Set<String> seen = new TreeSet<>();
        for (JsonNode record : DrillApi.get(hub, "/api/v1/audit/records?consumer=MSDHS/welfare-portal&limit=500", auditor).path("records")) {
            seen.add(record.path("hubNode").asText());
        }
        return seen;
    }

    /**
     * A fresh token is used on {@code other} (which then trusts it from memory), revoked on {@code issuer} (RFC 7009,
     * with the client's own credentials), and offered to {@code other} every 100 ms until refused or until
     * {@code VERIFIED_FOR} + 5 s. Each call's send time is kept, so a 200 for a call sent after the window is
     * caught whatever the round trips cost on a busy machine.
     */
    private static Revocation revocationAcrossNodes(String issuer, String other, List<String> citizens, List<String> ok)
            throws IOException, InterruptedException {
        String token = ExchangeLoadBenchmark.token(issuer);
        int usedOnOther = send(ExchangeLoadBenchmark.exchangeRequest(other, token, citizens.get(2)), ok);
        HttpResponse<Void> revoked = HTTP.send(HttpRequest.newBuilder(URI.create(issuer + "/api/v1/auth/revoke"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + token
                        + "&client_id=MSDHS%2Fwelfare-portal&client_secret=demo-welfare-portal-secret")).build(),
                HttpResponse.BodyHandlers.discarding());
        if (revoked.statusCode() != 200) {
            throw new IllegalStateException("revocation answered " + revoked.statusCode());
        }
        long revokedAt = System.nanoTime(); // the revocation is committed: the answer came after the UPDATE
        int issuerStatus = send(ExchangeLoadBenchmark.exchangeRequest(issuer, token, citizens.get(2)), ok);
        long windowNanos = AccessTokens.VERIFIED_FOR.toNanos();
        long giveUp = revokedAt + windowNanos + Duration.ofSeconds(5).toNanos();
        int acceptedAfterWindow = 0;
        while (System.nanoTime() < giveUp) {
            long sentAt = System.nanoTime();
            int status = send(ExchangeLoadBenchmark.exchangeRequest(other, token, citizens.get(2)), ok);
            if (status == 401) {
                return new Revocation(usedOnOther, issuerStatus, true, (sentAt - revokedAt) / 1_000_000, acceptedAfterWindow);
            }
            if (status == 200 && sentAt - revokedAt > windowNanos) {
                acceptedAfterWindow++;
            }
            Thread.sleep(100);
        }
        return new Revocation(usedOnOther, issuerStatus, false, -1, acceptedAfterWindow);
    }

    private static HttpRequest withRequestId(HttpRequest request, String requestId) {
        return HttpRequest.newBuilder(request, (name, value) -> true).setHeader("X-Request-Id", requestId).build();
    }

    /** Sends one exchange; a 200's exchange id goes to {@code ok}, to be looked up in the access log. */
    private static int send(HttpRequest request, List<String> ok) throws IOException, InterruptedException {
        HttpResponse<Void> response = HTTP.send(request, HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 200) {
            ok.add(response.headers().firstValue("X-Exchange-Id").orElseThrow());
        }
        return response.statusCode();
    }
}
