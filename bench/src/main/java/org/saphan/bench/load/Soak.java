package org.saphan.bench.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.saphan.simulators.AgencySimulators;
import org.saphan.simulators.population.Person;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The soak run: one constant rate through the hub for a long time (10 minutes by the issue), sampling every
 * 10 s the hub's heap in use, its heap right after a full collection and its RSS. A leak shows as a rising
 * heap after full collection: the run prints first, last and largest sample and the least-squares slope in MiB per minute, and
 * writes them to soak-DB.{json,md} beside the benchmark results (one pair per database).
 */
final class Soak {

    private static final Duration SAMPLE_EVERY = Duration.ofSeconds(10);
    private static final double MIB = 1024 * 1024;

    private Soak() {
    }

    /**
     * @param warmUp as long as the benchmark's: a cold hub (JIT still compiling) cannot hold a rate a warm one
     *               holds, and the soak is about the steady state
     */
    static void run(Path jar, String db, Duration length, double rate, Duration warmUp, List<String> hubJvmArgs,
            List<String> extraHubArgs, Path out) throws Exception {
        Path dataDir = HubProcess.scratchDataDir("saphan-soak-" + db);
        List<String> hubArgs = new ArrayList<>(extraHubArgs);
        try (AgencySimulators provider = AgencySimulators.start(0);
             EmbeddedPostgres postgres = db.equals("postgres") ? ExchangeLoadBenchmark.durablePostgres() : null;
             HubProcess hub = HubProcess.start(jar, dataDir, provider.dopa().baseUrl(), hubJvmArgs,
                     withDatabase(db, dataDir, postgres, hubArgs), out.resolve("hub-soak-" + db + ".log"))) {
            List<String> citizens = provider.population().all().stream().map(Person::citizenId).toList();
            String token = ExchangeLoadBenchmark.token(hub.baseUrl());
            LoadGenerator load = new LoadGenerator();
            System.out.printf("== soak (%s): %.0f exchanges/s for %s, heap sampled every %ss%n", db, rate, length,
                    SAMPLE_EVERY.toSeconds());
            load.closedLoop("warm-up hub", () -> ExchangeLoadBenchmark.exchangeRequest(hub.baseUrl(), token,
                    ExchangeLoadBenchmark.pick(citizens)), 16, warmUp);

            long cpuBefore = hub.cpuMillis();
            CompletableFuture<LoadGenerator.Result> run = CompletableFuture.supplyAsync(() -> {
                try {
                    return load.fixedRate("soak", () -> ExchangeLoadBenchmark.exchangeRequest(hub.baseUrl(), token,
                            ExchangeLoadBenchmark.pick(citizens)), rate, length, 512);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            });
            long started = System.nanoTime();
            List<Map<String, Object>> samples = new ArrayList<>();
            while (!run.isDone()) {
                double minutes = (System.nanoTime() - started) / 60e9;
                Map<String, Object> sample = new LinkedHashMap<>();
                sample.put("minute", ExchangeLoadBenchmark.round(minutes));
                sample.put("heapUsedMiB", ExchangeLoadBenchmark.round(hub.heapUsedBytes() / MIB));
                sample.put("heapAfterFullGcMiB", ExchangeLoadBenchmark.round(hub.heapAfterFullGcBytes() / MIB));
                sample.put("rssMiB", ExchangeLoadBenchmark.round(hub.rssBytes() / MIB));
                samples.add(sample);
                System.out.printf("t=%5.1f min  heap after full GC %7.1f MiB  heap used before it %7.1f MiB  RSS %7.1f MiB%n", minutes,
                        sample.get("heapAfterFullGcMiB"), sample.get("heapUsedMiB"), sample.get("rssMiB"));
                try {
                    run.get(SAMPLE_EVERY.toMillis(), TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.TimeoutException stillRunning) {
                    // next sample
                }
            }
            LoadGenerator.Result result = run.get();
            double cpuPerExchange = (hub.cpuMillis() - cpuBefore) / (double) Math.max(1, result.requests());

            Map<String, Object> report = new LinkedHashMap<>();
            report.put("measuredAt", Instant.now().toString());
            report.put("machine", Machine.describe());
            report.put("database", db);
            report.put("ratePerSecond", rate);
            report.put("seconds", length.toSeconds());
            report.put("hub", ExchangeLoadBenchmark.figures(result));
            report.put("hubCpuMsPerExchange", ExchangeLoadBenchmark.round(cpuPerExchange));
            report.put("heapAfterFullGc", trend(samples, "heapAfterFullGcMiB"));
            report.put("heapUsed", trend(samples, "heapUsedMiB"));
            report.put("rss", trend(samples, "rssMiB"));
            report.put("samples", samples);
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.resolve("soak-" + db + ".json").toFile(), report);
            String md = markdown(report);
            Files.writeString(out.resolve("soak-" + db + ".md"), md);
            System.out.println();
            System.out.println(md);
        }
    }

    private static List<String> withDatabase(String db, Path dataDir, EmbeddedPostgres postgres, List<String> hubArgs) {
        ExchangeLoadBenchmark.database(db, dataDir, postgres, hubArgs);
        return hubArgs;
    }

    /** First, last and largest sample, and the least-squares slope in MiB per minute. */
    static Map<String, Object> trend(List<Map<String, Object>> samples, String key) {
        int n = samples.size();
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        double max = 0;
        for (Map<String, Object> s : samples) {
            double x = (double) s.get("minute");
            double y = (double) s.get(key);
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
            max = Math.max(max, y);
        }
        double denominator = n * sxx - sx * sx;
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("firstMiB", n == 0 ? 0 : samples.get(0).get(key));
        t.put("lastMiB", n == 0 ? 0 : samples.get(n - 1).get(key));
        t.put("maxMiB", ExchangeLoadBenchmark.round(max));
        t.put("slopeMiBPerMinute", n < 2 || denominator == 0 ? 0 : ExchangeLoadBenchmark.round((n * sxy - sx * sy) / denominator));
        return t;
    }

    @SuppressWarnings("unchecked")
    private static String markdown(Map<String, Object> report) {
        Map<String, Object> hub = (Map<String, Object>) report.get("hub");
        StringBuilder md = new StringBuilder();
        md.append("Soak measured ").append(report.get("measuredAt")).append(" (").append(report.get("database"))
                .append("): ").append(report.get("ratePerSecond")).append(" exchanges/s for ").append(report.get("seconds"))
                .append(" s; ").append(hub.get("ok")).append(" answered 200, ").append(hub.get("failed")).append(" failed ")
                .append(hub.get("failures")).append("; p50 ").append(hub.get("p50Ms")).append(" ms, p99 ")
                .append(hub.get("p99Ms")).append(" ms; hub CPU ").append(report.get("hubCpuMsPerExchange"))
                .append(" ms per exchange.\n\n");
        md.append("| hub memory | first MiB | last MiB | max MiB | slope MiB/min |\n|---|---:|---:|---:|---:|\n");
        for (String key : List.of("heapAfterFullGc", "heapUsed", "rss")) {
            Map<String, Object> t = (Map<String, Object>) report.get(key);
            md.append("| ").append(key).append(" | ").append(t.get("firstMiB")).append(" | ").append(t.get("lastMiB"))
                    .append(" | ").append(t.get("maxMiB")).append(" | ").append(t.get("slopeMiBPerMinute")).append(" |\n");
        }
        return md.toString();
    }
}
