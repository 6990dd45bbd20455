package org.saphan.bench.load;

import org.saphan.simulators.AgencySimulators;
import org.saphan.simulators.population.Person;

import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Before/after on a busy machine: two hub builds run side by side against one provider, and short load phases
 * alternate between them (A B B A A B ...), so both see the same contention from whatever else the machine is
 * doing. Prints each phase and the medians of each build: throughput, p50, and per exchange the hub's CPU ms,
 * database checkouts and KiB allocated (the last two hardly move with contention).
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar org.saphan.bench.load.CompareHubs --before=old.jar --after=hub/target/saphan-hub.jar \
 *      [--rounds=4] [--seconds=6] [--concurrency=16] [--warmup=240]
 *      [--before-args="--saphan.signing.algorithm=ES256"] [--after-args="..."]   (hub arguments, e.g. to compare settings of one build)
 *      [--before-java=/usr/lib/jvm/java-17-openjdk-amd64] [--after-java=/usr/lib/jvm/temurin-25-jdk-amd64]   (the hubs' JDKs)
 * </pre>
 */
public final class CompareHubs {

    private CompareHubs() {
    }

    public static void main(String[] args) throws Exception {
        var options = ExchangeLoadBenchmark.parse(args);
        List<Path> jars = List.of(Path.of(options.get("before")), Path.of(options.get("after")));
        int rounds = Integer.parseInt(options.getOrDefault("rounds", "4"));
        Duration phase = Duration.ofSeconds(Long.parseLong(options.getOrDefault("seconds", "6")));
        int concurrency = Integer.parseInt(options.getOrDefault("concurrency", "16"));
        // the JIT keeps compiling the hub's hot path for about three minutes on 2 cores: shorter, and the first
        // rounds measure the compiler (throughput still rose round by round after a 60 s warm-up)
        Duration warmUp = Duration.ofSeconds(Long.parseLong(options.getOrDefault("warmup", "240")));
        Path logs = Files.createDirectories(Path.of(options.getOrDefault("out", "target/compare")));

        try (AgencySimulators provider = AgencySimulators.start(0)) {
            List<String> citizens = provider.population().all().stream().map(Person::citizenId).toList();
            List<HubProcess> hubs = new ArrayList<>();
            try {
                List<String> argOptions = List.of("before-args", "after-args");
                List<String> javaOptions = List.of("before-java", "after-java");
                for (int i = 0; i < jars.size(); i++) {
                    Path javaHome = Path.of(options.getOrDefault(javaOptions.get(i), System.getProperty("java.home")));
                    hubs.add(HubProcess.start(javaHome, jars.get(i), HubProcess.scratchDataDir("saphan-compare-" + i),
                            provider.dopa().baseUrl(), List.of(), ExchangeLoadBenchmark.words(options.get(argOptions.get(i))),
                            logs.resolve("hub-" + i + ".log")));
                }
                List<Supplier<HttpRequest>> requests = new ArrayList<>();
                for (HubProcess hub : hubs) {
                    String token = ExchangeLoadBenchmark.token(hub.baseUrl());
                    requests.add(() -> ExchangeLoadBenchmark.exchangeRequest(hub.baseUrl(), token,
                            ExchangeLoadBenchmark.pick(citizens)));
                }
                LoadGenerator load = new LoadGenerator();
                // in 10 s turns, so neither hub sits idle long enough to lose compiled code to the sweeper
                for (long done = 0; done < warmUp.toSeconds(); done += 10) {
                    for (int i = 0; i < hubs.size(); i++) {
                        load.closedLoop("warm-up", requests.get(i), concurrency, Duration.ofSeconds(10));
                    }
                }
                List<List<double[]>> figures = List.of(new ArrayList<>(), new ArrayList<>());
                for (int round = 0; round < rounds; round++) {
                    for (int k = 0; k < 2; k++) {
                        int i = (round % 2 == 0) == (k == 0) ? 0 : 1; // A B, B A, A B, ...
                        HubProcess hub = hubs.get(i);
                        HubProcess.Costs before = hub.costs();
                        LoadGenerator.Result r = load.closedLoop(i == 0 ? "before" : "after", requests.get(i), concurrency, phase);
                        double[] per = hub.costs().perExchangeSince(before, r.ok() + r.failed());
                        figures.get(i).add(new double[] {r.throughput(), r.percentileMillis(50), per[0], per[1], per[2]});
                        System.out.printf("round %d %-6s %7.0f/s p50 %6.2f ms | per exchange: hub CPU %5.2f ms, %4.1f DB checkouts, %6.1f KiB allocated | failed %d %s%n",
                                round + 1, i == 0 ? "before" : "after", r.throughput(), r.percentileMillis(50), per[0], per[1], per[2],
                                r.failed(), r.failures());
                    }
                }
                for (int i = 0; i < 2; i++) {
                    System.out.printf("%-6s median: %7.0f/s  p50 %6.2f ms | per exchange: hub CPU %5.2f ms, %4.1f DB checkouts, %6.1f KiB allocated (%s)%n",
                            i == 0 ? "before" : "after", median(figures.get(i), 0), median(figures.get(i), 1),
                            median(figures.get(i), 2), median(figures.get(i), 3), median(figures.get(i), 4), jars.get(i));
                }
            } finally {
                for (HubProcess hub : hubs) {
                    hub.close();
                }
            }
        }
    }

    private static double median(List<double[]> rows, int column) {
        double[] values = rows.stream().mapToDouble(r -> r[column]).sorted().toArray();
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }
}
