package org.saphan.bench.load;

import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The hub under test, as a separate JVM started from the built jar, so its heap and RSS are its own. */
final class HubProcess implements AutoCloseable {

    /** USER_HZ, 100 on every Linux this runs on (getconf CLK_TCK). */
    private static final long CLOCK_TICKS_PER_SECOND = 100;

    private final Process process;
    private final int port;
    private final HttpClient http = HttpClient.newHttpClient();

    private HubProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * A data directory for a hub under test, deleted when this JVM ends: a benchmark's H2 file reaches gigabytes
     * (H2 writes every commit, about 25 KB of file per exchange under sustained load), and repeated runs filled
     * the disk of the machine they ran on.
     */
    static Path scratchDataDir(String prefix) throws IOException {
        Path dir = Files.createTempDirectory(prefix);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                FileSystemUtils.deleteRecursively(dir);
            } catch (IOException ignored) {
                // best effort: the JVM is ending
            }
        }));
        return dir;
    }

    static HubProcess start(Path jar, Path dataDir, String providerUrl, List<String> jvmArgs, List<String> extraArgs, Path log)
            throws IOException, InterruptedException {
        return start(Path.of(System.getProperty("java.home")), jar, dataDir, providerUrl, jvmArgs, extraArgs, log);
    }

    /** As above, on the JDK at {@code javaHome} (e.g. a newer one, to measure what it gives). */
    static HubProcess start(Path javaHome, Path jar, Path dataDir, String providerUrl, List<String> jvmArgs, List<String> extraArgs,
                            Path log) throws IOException, InterruptedException {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(javaHome.resolve("bin").resolve("java").toString(), "-Xmx1g"));
        command.addAll(jvmArgs); // e.g. a flight recording of the hot path
        command.addAll(List.of("-jar", jar.toString(),
                "--server.port=" + port,
                "--saphan.simulators.enabled=false",
                "--saphan.providers.dopa.base-url=" + providerUrl,
                "--saphan.data-dir=" + dataDir,
                "--logging.level.root=WARN",
                // the benchmark measures the pipeline, not the demo agreement's quota
                "--saphan.demo.portal-dopa-quota-per-minute=100000000",
                "--saphan.demo.portal-dopa-quota-per-day=1000000000"));
        command.addAll(extraArgs);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        // a benchmark stopped with Ctrl-C or SIGTERM must not leave its hub running (SIGTERM: it stops gracefully)
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
        HubProcess hub = new HubProcess(process, port);
        try {
            hub.awaitHealthy(Duration.ofSeconds(300), log);
        } catch (RuntimeException | InterruptedException | IOException notStarted) {
            process.destroyForcibly(); // never leave a half-started hub behind
            throw notStarted;
        }
        return hub;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Resident set size of the hub process, from /proc (Linux). */
    long rssBytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        return -1;
    }

    /**
     * CPU time the hub process has used so far (user + system, from /proc/PID/stat, in milliseconds). The
     * difference over a phase divided by its exchanges is the hub's CPU cost per exchange, a figure that other
     * work on a shared machine disturbs much less than throughput.
     */
    long cpuMillis() throws IOException {
        String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
        // fields after the command name, which is in parentheses and may hold spaces: state is field 3, utime 14, stime 15
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return ticks * 1000 / CLOCK_TICKS_PER_SECOND;
    }

    long pid() {
        return process.pid();
    }

    /** Heap in use, summed over the heap pools the hub reports to Prometheus. */
    long heapUsedBytes() throws IOException, InterruptedException {
        return (long) scrapeSum("jvm_memory_used_bytes", "area=\"heap\"");
    }

    /**
     * The heap the hub really keeps: a full collection is asked for (jcmd GC.run), then Micrometer's
     * jvm.gc.live.data.size is read, which that collection sets to what survived it. The figure does not
     * depend on how long the scrape takes after the collection (heap in use would count new garbage), and it
     * grows when something leaks. Micrometer leaves it at 0 under G1 until an old-generation collection runs,
     * which a healthy run may never trigger: hence the forced one. Each call costs the hub one full collection
     * (a pause of tens of ms), which shows in the soak's p99.
     */
    long heapAfterFullGcBytes() throws IOException, InterruptedException {
        jcmd("GC.run");
        return (long) scrapeSum("jvm_gc_live_data_size_bytes", null);
    }

    /** A diagnostic command to the hub's JVM (a collection, a flight recording): the JDK's jcmd beside this JVM's java. */
    void jcmd(String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(process.pid())));
        line.addAll(List.of(command));
        Process p = new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("jcmd " + String.join(" ", command) + " failed");
        }
    }

    /**
     * Figures of the hub's own cost that contention hardly moves, read from its Prometheus scrape: database
     * connection checkouts (JdbcTemplate takes one per statement outside a transaction, so about one per round
     * trip) and bytes allocated on the heap. Differences over a phase, divided by its exchanges.
     */
    Costs costs() throws IOException, InterruptedException {
        return new Costs(cpuMillis(), scrapeSum("hikaricp_connections_usage_seconds_count", null),
                scrapeSum("jvm_gc_memory_allocated_bytes_total", null),
                scrapeSum("saphan_audit_batch_commit_seconds_count", null));
    }

    record Costs(long cpuMillis, double dbCheckouts, double allocatedBytes, double auditBatches) {
        /**
         * Per exchange since {@code before}: CPU ms, database checkouts, KiB allocated; and access-log records per
         * group-commit batch (each exchange writes one record), the figure the batch size is judged by.
         */
        double[] perExchangeSince(Costs before, long exchanges) {
            double n = Math.max(1, exchanges);
            return new double[] {(cpuMillis - before.cpuMillis) / n, (dbCheckouts - before.dbCheckouts) / n,
                    (allocatedBytes - before.allocatedBytes) / 1024 / n, n / Math.max(1, auditBatches - before.auditBatches)};
        }
    }

    private double scrapeSum(String metric, String labelContains) throws IOException, InterruptedException {
        String scrape = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        double sum = 0;
        for (String line : scrape.split("\n")) {
            if ((line.startsWith(metric + "{") || line.startsWith(metric + " "))
                    && (labelContains == null || line.contains(labelContains))) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    private void awaitHealthy(Duration limit, Path log) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("hub exited during start-up; see " + log);
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("UP")) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("hub not healthy after " + limit + "; see " + log);
    }

    /** SIGKILL (Process.destroyForcibly on Linux): no shutdown hook, no flush; what a crash or the OOM killer does. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy(); // SIGTERM: the hub shuts down gracefully and flushes its access log
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
