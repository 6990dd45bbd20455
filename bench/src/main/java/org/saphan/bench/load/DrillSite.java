package org.saphan.bench.load;

import org.saphan.simulators.AgencySimulators;
import org.saphan.simulators.population.Person;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where a reliability drill runs: a PostgreSQL, the DOPA simulator as the provider, one data directory that all
 * its hub nodes share (the signing keystore and subject-hash key, as nodes behind a load balancer share them),
 * and a folder for the nodes' logs.
 */
final class DrillSite implements AutoCloseable {

    /** A drill's command line: {@code --hub-jar}, {@code --<count>} (rounds or nodes), {@code --seconds}, {@code --concurrency}, {@code --logs}. */
    record Options(Path jar, int count, Duration seconds, int concurrency, Path logs) {
        static Options parse(String[] args, String countName, int count, int seconds, int concurrency, String logs) {
            Map<String, String> options = ExchangeLoadBenchmark.parse(args);
            return new Options(Path.of(options.getOrDefault("hub-jar", "hub/target/saphan-hub.jar")),
                    Integer.parseInt(options.getOrDefault(countName, String.valueOf(count))),
                    Duration.ofSeconds(Long.parseLong(options.getOrDefault("seconds", String.valueOf(seconds)))),
                    Integer.parseInt(options.getOrDefault("concurrency", String.valueOf(concurrency))),
                    Path.of(options.getOrDefault("logs", logs)));
        }
    }

    final DrillDatabase db;
    final List<String> citizens;
    private final AgencySimulators provider;
    private final Path jar;
    private final Path dataDir;
    private final Path logs;
    private final List<HubProcess> nodes = new ArrayList<>();

    private DrillSite(DrillDatabase db, AgencySimulators provider, Path jar, Path dataDir, Path logs) {
        this.db = db;
        this.provider = provider;
        this.citizens = provider.population().all().stream().map(Person::citizenId).toList();
        this.jar = jar;
        this.dataDir = dataDir;
        this.logs = logs;
    }

    /** A site on PostgreSQL, the database several nodes share. */
    static DrillSite open(Path jar, Path logs) throws IOException {
        return open(jar, logs, "postgres");
    }

    /** @param database {@code postgres}, or {@code h2}: the hub's embedded default, one node at a time */
    static DrillSite open(Path jar, Path logs, String database) throws IOException {
        Files.createDirectories(logs);
        Path dataDir = HubProcess.scratchDataDir("saphan-drill");
        DrillDatabase db = switch (database) {
            case "postgres" -> DrillDatabase.postgres();
            case "h2" -> DrillDatabase.h2(dataDir);
            default -> throw new IllegalArgumentException("--database is postgres or h2, not " + database);
        };
        try {
            return new DrillSite(db, AgencySimulators.start(0), jar, dataDir, logs);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** Starts the packaged hub as node {@code nodeId} on this site's database; its log goes to {@code <logName>.log}. */
    HubProcess startNode(String nodeId, String logName, String... extraArguments) throws IOException, InterruptedException {
        List<String> arguments = new ArrayList<>(db.hubArguments());
        arguments.add("--saphan.node-id=" + nodeId);
        arguments.addAll(List.of(extraArguments));
        HubProcess node = HubProcess.start(jar, dataDir, provider.dopa().baseUrl(), List.of(), arguments, logs.resolve(logName + ".log"));
        nodes.add(node);
        return node;
    }

    /** Stops the nodes still running (gracefully: SIGTERM), then the provider and the database. */
    @Override
    public void close() throws IOException, InterruptedException {
        try {
            for (HubProcess node : nodes) {
                node.close();
            }
        } finally {
            try {
                provider.close();
            } finally {
                db.close();
            }
        }
    }
}
