package org.saphan.bench.load;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * Crash consistency (issue 10): a hub under load is killed with SIGKILL, restarted on the same database, and
 * killed again, round after round, on PostgreSQL or on the hub's embedded H2 file. After each kill, every 200 the
 * client received must have its access-log record; after each restart, the node's chain must continue from its
 * last record before the kill. A final restart serves once more: its 200s are looked up too, its chain must resume, and the whole log must
 * verify. {@code ops/crash-test.sh} runs it; {@code CrashDrillTest} runs a short one.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar org.saphan.bench.load.CrashDrill [--rounds=5] [--seconds=6] [--concurrency=16]
 *      [--database=postgres|h2]
 * </pre>
 */
public final class CrashDrill {

    static final String NODE = "crash-node";

    /**
     * One life of the node: the 200s the client received, how many of them the log holds, and whether the chain
     * resumed from the previous life's last record. {@code lastSeq} is the chain's end when the life ended (at the
     * kill, or after the final restart's load).
     */
    record Round(int round, long okReceived, long noAnswer, long okAudited, long lastSeq, boolean resumedChain) {
        long lost() {
            return okReceived - okAudited;
        }
    }

    /** Every killed round, then the final restart (not killed): all count in the totals, the final one too. */
    record Result(List<Round> rounds, Round finalRestart, long records, boolean logVerifies, String verifyReport) {
        long okReceived() {
            return lives().mapToLong(Round::okReceived).sum();
        }

        long lost() {
            return lives().mapToLong(Round::lost).sum();
        }

        boolean chainsResumed() {
            return lives().allMatch(Round::resumedChain);
        }

        private Stream<Round> lives() {
            return Stream.concat(rounds.stream(), Stream.of(finalRestart));
        }
    }

    public static void main(String[] args) throws Exception {
        DrillSite.Options o = DrillSite.Options.parse(args, "rounds", 5, 6, 16, "target/crash-drill");
        String database = ExchangeLoadBenchmark.parse(args).getOrDefault("database", "postgres");
        Result result = run(o.jar(), database, o.count(), o.seconds(), o.concurrency(), o.logs());
        boolean held = result.lost() == 0 && result.logVerifies() && result.chainsResumed();
        System.out.println(result.verifyReport());
        System.out.printf("crash drill: %d SIGKILLs survived, %d 200s received (final restart included), %d audited, %d lost, "
                        + "chain resumed after every restart: %s, access log verifies: %s (%d records)%n%s%n",
                result.rounds().size(), result.okReceived(),
                result.okReceived() - result.lost(), result.lost(), result.chainsResumed(), result.logVerifies(),
                result.records(), held ? "HELD" : "FAILED");
        System.exit(held ? 0 : 1);
    }

    static Result run(Path jar, String database, int rounds, Duration loadBeforeKill, int concurrency, Path logs) throws Exception {
        List<Round> done = new ArrayList<>();
        try (DrillSite site = DrillSite.open(jar, logs, database)) {
            DrillDatabase db = site.db;
            long seqBefore = -1; // the node's last record before the previous kill; -1 on the first start
            for (int r = 1; r <= rounds; r++) {
                HubProcess hub = site.startNode(NODE, "hub-" + r);
                AuditedCalls calls = loadThenKill(hub, site.citizens, concurrency, loadBeforeKill);
                Set<String> audited = db.permittedExchangeIds();
                long okAudited = calls.okExchangeIds.stream().filter(audited::contains).count();
                boolean resumed = seqBefore <= 0 || db.linksOn(NODE, seqBefore);
                long seqAtKill = db.lastSeq(NODE);
                Round round = new Round(r, calls.ok(), calls.noAnswer.get(), okAudited, seqAtKill, resumed);
                System.out.printf("round %d: SIGKILL after %d s of load: %d 200s received, %d audited, %d lost, %d calls cut off; "
                                + "chain at seq %d, resumed from seq %d: %s%n", r, loadBeforeKill.toSeconds(), round.okReceived(),
                        okAudited, round.lost(), round.noAnswer(), seqAtKill, seqBefore, resumed);
                done.add(round);
                seqBefore = seqAtKill;
            }
            // one last start: the node must serve and resume its chain once more, every 200 it gave must be in the
            // log like those of the killed rounds, and the whole log must verify. The log is read after the node has
            // stopped (an H2 file is locked while a hub has it open); its answers were committed before they were sent.
            AuditedCalls after;
            JsonNode report;
            try (HubProcess hub = site.startNode(NODE, "hub-final")) {
                after = serveAfterRestart(hub, site.citizens);
                report = DrillApi.verifyAccessLog(hub.baseUrl());
            }
            Set<String> audited = db.permittedExchangeIds();
            long okAudited = after.okExchangeIds.stream().filter(audited::contains).count();
            boolean resumed = db.linksOn(NODE, seqBefore);
            Round last = new Round(rounds + 1, after.ok(), after.noAnswer.get(), okAudited, db.lastSeq(NODE), resumed);
            System.out.printf("after the last restart: %d 200s received, %d audited, %d lost; chain resumed from seq %d: %s%n",
                    last.okReceived(), okAudited, last.lost(), seqBefore, resumed);
            return new Result(List.copyOf(done), last, db.records(), report.path("valid").asBoolean(), report.toString());
        }
    }

    /**
     * Two callers for at least 2 s, and on until 20 200s or 15 s: a node just started on a busy machine may answer
     * its first calls slowly, and the drill must see it serve, not only start.
     */
    private static AuditedCalls serveAfterRestart(HubProcess hub, List<String> citizens) throws Exception {
        String token = ExchangeLoadBenchmark.token(hub.baseUrl());
        long start = System.nanoTime();
        return AuditedCalls.runWhile(List.of(hub.baseUrl()), token, citizens, 2, calls -> {
            long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
            return elapsedMillis < 2_000 || (calls.ok() < 20 && elapsedMillis < 15_000);
        });
    }

    private static AuditedCalls loadThenKill(HubProcess hub, List<String> citizens, int concurrency, Duration loadBeforeKill)
            throws Exception {
        String token = ExchangeLoadBenchmark.token(hub.baseUrl());
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService background = Executors.newSingleThreadExecutor();
        try {
            Future<AuditedCalls> load = background.submit(() -> AuditedCalls.run(List.of(hub.baseUrl()), token, citizens, concurrency, stop));
            Thread.sleep(loadBeforeKill.toMillis());
            hub.kill(); // mid-load: requests in flight, records queued, batches half committed
            Thread.sleep(200);
            stop.set(true);
            return load.get(2, TimeUnit.MINUTES);
        } finally {
            background.shutdownNow();
        }
    }
}
