package org.saphan.exchange.audit;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.saphan.exchange.audit.chain.CanonicalForm;
import org.saphan.exchange.audit.chain.ChainBreak;
import org.saphan.exchange.audit.chain.ChainEntry;
import org.saphan.exchange.audit.chain.ChainVerifier;
import org.saphan.exchange.audit.chain.Checkpoint;
import org.saphan.exchange.audit.chain.VerifyAuditCommand;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chained access log on H2 and on a real PostgreSQL: it chains, resumes after a restart, and
 * every kind of tampering done directly in the database is found at its exact place.
 */
class AuditChainTest {

    static final String NODE = "node-t";
    static final Instant T0 = Instant.parse("2026-01-10T08:00:00.123456789Z");
    static final AuditTestKeys KEYS = new AuditTestKeys();

    @TempDir
    Path tmp;

    static AuditRecord record(int i, Instant at) {
        return new AuditRecord(UUID.randomUUID().toString(), "req-" + i, at, NODE, "MSDHS/welfare-portal", "3100600123450",
                "DOPA/citizen-profile/v1", "ab".repeat(32), "welfare-eligibility", "pdpa-24-4",
                "Social Welfare Promotion Act, s.4", null, i % 3 == 0 ? AuditRecord.DENY : AuditRecord.PERMIT,
                i % 3 == 0 ? "purpose-not-allowed" : AuditRecord.OK, i % 3 == 0 ? 403 : 200,
                i % 3 == 0 ? List.of() : List.of("birthDate", "address.province"), i % 3 == 0 ? -1 : 12, null);
    }

    static ChainedAuditLog log(DataSource ds) {
        return new ChainedAuditLog(ds, NODE, 100, 50, Duration.ofSeconds(5));
    }

    /** Writes n records (a minute apart), signs a checkpoint at the head, and returns the closed log's data source. */
    static void fill(DataSource ds, int n, Instant start) {
        try (ChainedAuditLog log = log(ds)) {
            for (int i = 1; i <= n; i++) {
                log.record(record(i, start.plusSeconds(60L * i)));
            }
            new AuditCheckpoints(log, ds, KEYS.receipts, Clock.systemUTC(), Duration.ofHours(1)).signHead();
        }
    }

    static ChainVerifier.Report verify(DataSource ds) {
        return new AuditStore(ds).verify(KEYS.jwks());
    }

    static ChainBreak onlyBreak(ChainVerifier.Report report) {
        assertThat(report.ok()).isFalse();
        assertThat(report.breaks()).hasSize(1);
        return report.breaks().get(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void chainsRecordsAndResumesAfterARestart(String db) {
        DataSource ds = AuditDatabases.fresh(db);
        fill(ds, 5, T0);
        try (ChainedAuditLog again = log(ds)) {
            assertThat(again.head().seq()).isEqualTo(5);
            again.record(record(6, T0.plusSeconds(3600)));
        }
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT node_seq, prev_hash, record_hash FROM audit_record WHERE hub_node = ? ORDER BY node_seq", NODE);
        assertThat(rows).extracting(r -> ((Number) r.get("node_seq")).longValue()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(rows.get(0).get("prev_hash")).isEqualTo(CanonicalForm.GENESIS);
        for (int i = 1; i < rows.size(); i++) {
            assertThat(rows.get(i).get("prev_hash")).isEqualTo(rows.get(i - 1).get("record_hash"));
        }
        ChainVerifier.Report report = verify(ds);
        assertThat(report.breaks()).isEmpty();
        assertThat(report.ok()).isTrue();
        assertThat(report.records()).isEqualTo(6);
        assertThat(report.checkpoints()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void manyConcurrentRequestsShareBatchesAndKeepOneChain(String db) throws Exception {
        DataSource ds = AuditDatabases.fresh(db);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try (ChainedAuditLog log = new ChainedAuditLog(ds, NODE, 1000, 100, Duration.ofSeconds(10))) {
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                int n = i;
                calls.add(pool.submit(() -> log.record(record(n, T0.plusMillis(n)))));
            }
            for (Future<?> f : calls) {
                f.get();
            }
            assertThat(log.head().seq()).isEqualTo(400);
            assertThat(log.batchesCommitted()).isLessThan(400);
        } finally {
            pool.shutdownNow();
        }
        assertThat(verify(ds).ok()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void anEditedFieldIsFoundAtItsRecord(String db) {
        DataSource ds = AuditDatabases.fresh(db);
        fill(ds, 6, T0);
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        String edited = jdbc.queryForObject("SELECT exchange_id FROM audit_record WHERE node_seq = 3", String.class);
        jdbc.update("UPDATE audit_record SET purpose = 'tax-administration' WHERE node_seq = 3");

        ChainBreak b = onlyBreak(verify(ds));
        assertThat(b.kind()).isEqualTo(ChainBreak.Kind.EDITED_RECORD);
        assertThat(b.node()).isEqualTo(NODE);
        assertThat(b.seq()).isEqualTo(3);
        assertThat(b.exchangeId()).isEqualTo(edited);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aDeletedRowIsFoundWhereItWas(String db) {
        DataSource ds = AuditDatabases.fresh(db);
        fill(ds, 6, T0);
        new JdbcTemplate(ds).update("DELETE FROM audit_record WHERE node_seq = 4");

        ChainBreak b = onlyBreak(verify(ds));
        assertThat(b.kind()).isEqualTo(ChainBreak.Kind.MISSING_RECORD);
        assertThat(b.seq()).isEqualTo(4);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aDeletedLastRowIsFoundThroughTheCheckpoint(String db) {
        DataSource ds = AuditDatabases.fresh(db);
        fill(ds, 6, T0);
        new JdbcTemplate(ds).update("DELETE FROM audit_record WHERE node_seq = 6");

        ChainBreak b = onlyBreak(verify(ds));
        assertThat(b.kind()).isEqualTo(ChainBreak.Kind.MISSING_RECORD);
        assertThat(b.seq()).isEqualTo(6);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void swappedRowsAreFoundAtTheFirstMovedOne(String db) {
        DataSource ds = AuditDatabases.fresh(db);
        fill(ds, 6, T0);
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        // swap records 3 and 4, and give each a self-consistent hash at its new place
        jdbc.update("UPDATE audit_record SET node_seq = -3 WHERE node_seq = 3");
        jdbc.update("UPDATE audit_record SET node_seq = 3 WHERE node_seq = 4");
        jdbc.update("UPDATE audit_record SET node_seq = 4 WHERE node_seq = -3");
        rehash(jdbc, 3);
        rehash(jdbc, 4);

        ChainBreak b = onlyBreak(verify(ds));
        assertThat(b.kind()).isEqualTo(ChainBreak.Kind.BROKEN_LINK);
        assertThat(b.seq()).isEqualTo(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aWhollyRewrittenChainIsFoundByItsSignedCheckpoint(String db) {
        DataSource ds = AuditDatabases.fresh(db);
        fill(ds, 6, T0);
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        // an insider who knows the canonical form edits record 2 and re-links every later record
        jdbc.update("UPDATE audit_record SET officer = '1111111111119' WHERE node_seq = 2");
        for (int seq = 2; seq <= 6; seq++) {
            String prev = jdbc.queryForObject("SELECT record_hash FROM audit_record WHERE node_seq = ?", String.class, seq - 1);
            jdbc.update("UPDATE audit_record SET prev_hash = ? WHERE node_seq = ?", prev, seq);
            rehash(jdbc, seq);
        }
        Long checkpoint = jdbc.queryForObject("SELECT id FROM audit_checkpoint", Long.class);

        ChainBreak b = onlyBreak(verify(ds));
        assertThat(b.kind()).isEqualTo(ChainBreak.Kind.CHECKPOINT_MISMATCH);
        assertThat(b.seq()).isEqualTo(6);
        assertThat(b.checkpointId()).isEqualTo(checkpoint);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aForgedCheckpointIsFound(String db) {
        DataSource ds = AuditDatabases.fresh(db);
        fill(ds, 4, T0);
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        // signed by a key that is not the hub's
        AuditTestKeys other = new AuditTestKeys();
        String head = jdbc.queryForObject("SELECT record_hash FROM audit_record WHERE node_seq = 4", String.class);
        String payload = "{\"node\":\"" + NODE + "\",\"seq\":4,\"hash\":\"" + head + "\",\"at\":\"2026-01-10T09:00:00Z\"}";
        String forged = other.receipts.signCompact(payload.getBytes(StandardCharsets.UTF_8), Checkpoint.TYP);
        jdbc.update("UPDATE audit_checkpoint SET jws = ?", forged);
        Long id = jdbc.queryForObject("SELECT id FROM audit_checkpoint", Long.class);

        ChainBreak b = onlyBreak(verify(ds));
        assertThat(b.kind()).isEqualTo(ChainBreak.Kind.FORGED_CHECKPOINT);
        assertThat(b.checkpointId()).isEqualTo(id);
        assertThat(b.detail()).contains("unknown-kid");

        // a genuine checkpoint whose columns were moved to another place
        jdbc.update("DELETE FROM audit_checkpoint");
        try (ChainedAuditLog log = log(ds)) {
            new AuditCheckpoints(log, ds, KEYS.receipts, Clock.systemUTC(), Duration.ofHours(1)).signHead();
        }
        jdbc.update("UPDATE audit_checkpoint SET node_seq = 2");
        ChainBreak moved = onlyBreak(verify(ds));
        assertThat(moved.kind()).isEqualTo(ChainBreak.Kind.FORGED_CHECKPOINT);
        assertThat(moved.seq()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void anExportVerifiesOfflineAndAnEditedExportDoesNot(String db) throws Exception {
        DataSource ds = AuditDatabases.fresh(db);
        fill(ds, 5, T0);
        Path export = tmp.resolve("export.ndjson");
        try (OutputStream out = Files.newOutputStream(export)) {
            new AuditStore(ds).exportNdjson(null, null, out);
        }
        Path jwks = tmp.resolve("jwks.json");
        Files.writeString(jwks, KEYS.keys.jwksJson());

        assertThat(cli("--export", export.toString(), "--jwks", jwks.toString())).startsWith("0").contains("valid: 5 records, 1 checkpoints");

        List<String> lines = new ArrayList<>(Files.readAllLines(export));
        int third = lines.size() - 3; // the record at seq 3
        assertThat(lines.get(third)).contains("\"nodeSeq\":3");
        lines.set(third, lines.get(third).replace("\"consumer\":\"MSDHS/welfare-portal\"", "\"consumer\":\"RD/tax-audit\""));
        Files.write(export, lines);
        assertThat(cli("--export", export.toString(), "--jwks", jwks.toString()))
                .startsWith("1").contains("break: edited-record node=node-t seq=3");

        // a one-day range export verifies from its first record
        Path day = tmp.resolve("day.ndjson");
        try (OutputStream out = Files.newOutputStream(day)) {
            new AuditStore(ds).exportNdjson(T0.plusSeconds(150), T0.plusSeconds(280), out);
        }
        assertThat(cli("--export", day.toString(), "--jwks", jwks.toString())).startsWith("0").contains("valid: 2 records");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void retentionArchivesToASignedFileAndTheRestStillVerifies(String db) throws Exception {
        DataSource ds = AuditDatabases.fresh(db);
        Instant old = Instant.parse("2025-01-01T00:00:00Z");
        fill(ds, 4, old);                       // seq 1..4, January 2025
        try (ChainedAuditLog log = log(ds)) {   // seq 5..7, now
            for (int i = 5; i <= 7; i++) {
                log.record(record(i, T0.plusSeconds(i)));
            }
            new AuditCheckpoints(log, ds, KEYS.receipts, Clock.systemUTC(), Duration.ofHours(1)).signHead();
        }
        AuditArchive archive = new AuditArchive(ds, KEYS.receipts, tmp.resolve("archive"), Clock.systemUTC());
        AuditArchive.Archived done = archive.archiveBefore(Instant.parse("2025-06-01T00:00:00Z")).orElseThrow();

        assertThat(done.records()).isEqualTo(4);
        assertThat(done.anchors().get(NODE).seq()).isEqualTo(4);
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        assertThat(jdbc.queryForObject("SELECT MIN(node_seq) FROM audit_record", Long.class)).isEqualTo(5);
        Path jwks = tmp.resolve("jwks.json");
        Files.writeString(jwks, KEYS.keys.jwksJson());
        assertThat(cli("--export", done.file().toString(), "--jwks", jwks.toString(), "--signature", done.signature().toString()))
                .startsWith("0").contains("archive signature valid").contains("valid: 4 records");
        ChainVerifier.Report rest = verify(ds);
        assertThat(rest.breaks()).isEmpty();
        assertThat(rest.nodes().get(NODE).fromSeq()).isEqualTo(5);

        // the chain resumes from the remaining rows, and from the anchor once everything is archived
        try (ChainedAuditLog log = log(ds)) {
            log.record(record(8, T0.plusSeconds(8)));
        }
        assertThat(archive.archiveBefore(T0.plusSeconds(3600))).isPresent();
        try (ChainedAuditLog log = log(ds)) {
            assertThat(log.head().seq()).isEqualTo(8);
            log.record(record(9, T0.plusSeconds(7200)));
            log.record(record(10, T0.plusSeconds(7300)));
        }
        assertThat(verify(ds).breaks()).isEmpty();
        // a row deleted right after the cut is still found
        jdbc.update("DELETE FROM audit_record WHERE node_seq = 9");
        ChainBreak b = onlyBreak(verify(ds));
        assertThat(b.kind()).isEqualTo(ChainBreak.Kind.MISSING_RECORD);
        assertThat(b.seq()).isEqualTo(9);

        // an archive edited after signing is refused
        Files.writeString(done.file(), Files.readString(done.file()).replace("req-2", "req-X"));
        assertThat(cli("--export", done.file().toString(), "--jwks", jwks.toString(), "--signature", done.signature().toString()))
                .startsWith("1").contains("invalid: archive signature");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aRangeExportKeepsRecordsTimedSlightlyOutOfOrderSoItsChainHasNoHole(String db) throws Exception {
        DataSource ds = AuditDatabases.fresh(db);
        try (ChainedAuditLog log = log(ds)) {
            log.record(record(1, T0.plusSeconds(10)));
            log.record(record(2, T0.plusSeconds(5)));   // timed before seq 1, queued after it
            log.record(record(3, T0.plusSeconds(20)));
            log.record(record(4, T0.plusSeconds(40)));
        }
        Path range = tmp.resolve("range.ndjson");
        try (OutputStream out = Files.newOutputStream(range)) {
            new AuditStore(ds).exportNdjson(T0.plusSeconds(7), T0.plusSeconds(30), out);
        }
        Path jwks = tmp.resolve("jwks.json");
        Files.writeString(jwks, KEYS.keys.jwksJson());
        assertThat(cli("--export", range.toString(), "--jwks", jwks.toString()))
                .startsWith("0").contains("seq 1..3").contains("valid: 3 records");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void theHeadIsSignedOnShutdownAfterTheQueueIsWritten(String db) {
        DataSource ds = AuditDatabases.fresh(db);
        ChainedAuditLog log = log(ds);
        AuditCheckpoints checkpoints = new AuditCheckpoints(log, ds, KEYS.receipts, Clock.systemUTC(), Duration.ofHours(1));
        log.record(record(1, T0));
        log.record(record(2, T0.plusSeconds(1)));
        assertThat(checkpoints.signHead()).isPresent();
        assertThat(checkpoints.signHead()).as("nothing new to sign").isEmpty();
        log.record(record(3, T0.plusSeconds(2)));
        checkpoints.close();

        JdbcTemplate jdbc = new JdbcTemplate(ds);
        assertThat(jdbc.queryForList("SELECT node_seq FROM audit_checkpoint ORDER BY node_seq", Long.class)).containsExactly(2L, 3L);
        assertThat(verify(ds).ok()).isTrue();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> log.record(record(4, T0)))
                .isInstanceOf(AuditLog.AuditUnavailableException.class);
    }

    private static void rehash(JdbcTemplate jdbc, long seq) {
        ChainEntry e = jdbc.query("SELECT " + AuditRows.COLUMNS + " FROM audit_record WHERE node_seq = ?",
                rs -> rs.next() ? AuditRows.entry(rs) : null, seq);
        jdbc.update("UPDATE audit_record SET record_hash = ? WHERE node_seq = ?",
                CanonicalForm.hash(e.record(), seq, e.prevHash()), seq);
    }

    private static String cli(String... args) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        int status = VerifyAuditCommand.run(args, new PrintStream(buffer, true, StandardCharsets.UTF_8));
        return status + "\n" + buffer.toString(StandardCharsets.UTF_8);
    }
}
