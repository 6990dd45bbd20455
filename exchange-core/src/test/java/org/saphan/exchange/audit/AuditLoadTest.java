package org.saphan.exchange.audit;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One million access-log rows in PostgreSQL: prints how long an auditor's subject query and a
 * one-day export take (figures for docs/audit.md; not a timed assertion). The rows are loaded with
 * one INSERT ... SELECT, so their chain is not valid; this measures the queries and indexes only.
 */
class AuditLoadTest {

    static final int ROWS = 1_000_000;

    @Test
    void aMillionRowsSubjectQueryAndOneDayExport() throws IOException {
        DataSource ds = AuditDatabases.fresh("postgres");
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        long t0 = System.nanoTime();
        // bulk load the way an operator would: no WAL for this scratch table, indexes built once afterwards
        // (from the migration's own definitions, read back from pg_indexes)
        jdbc.execute("ALTER TABLE audit_record SET UNLOGGED");
        var indexes = jdbc.queryForList("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'audit_record' "
                + "AND indexname NOT LIKE '%pkey' AND indexname NOT LIKE '%key'");
        indexes.forEach(i -> jdbc.execute("DROP INDEX " + i.get("indexname")));
        // 100 days of records (one every 8.64 s), 100,000 subjects, 5 consumers, 3 services
        jdbc.update("""
                INSERT INTO audit_record (exchange_id, request_id, recorded_at, hub_node, consumer, officer, service,
                  subject_ref, purpose, legal_basis, legal_reference, consent_id, decision, reason_code, http_status,
                  fields_released, provider_latency_ms, correlation_id, node_seq, prev_hash, record_hash)
                SELECT 'x-' || g, 'r-' || g, TIMESTAMPTZ '2026-01-01 00:00:00+00' + g * INTERVAL '8640 milliseconds', 'load',
                  'AG' || (g % 5) || '/system', lpad((g % 9973)::text, 13, '0'), 'DOPA/svc-' || (g % 3) || '/v1',
                  md5('subject-' || (g % 100000)) || md5('s' || (g % 100000)), 'welfare-eligibility', 'pdpa-24-4',
                  'Act, s.4', NULL, CASE WHEN g % 10 = 0 THEN 'deny' ELSE 'permit' END,
                  CASE WHEN g % 10 = 0 THEN 'access-denied' ELSE 'ok' END, CASE WHEN g % 10 = 0 THEN 403 ELSE 200 END,
                  'birthDate,address.province', 40, NULL, g, repeat('0', 64), md5('h' || g) || md5('i' || g)
                FROM generate_series(1, ?) AS g""", ROWS);
        jdbc.execute("SET maintenance_work_mem = '256MB'");
        indexes.forEach(i -> jdbc.execute((String) i.get("indexdef")));
        jdbc.execute("ANALYZE audit_record");
        Duration load = Duration.ofNanos(System.nanoTime() - t0);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_record", Long.class)).isEqualTo(ROWS);

        AuditStore store = new AuditStore(ds);
        String subject = jdbc.queryForObject("SELECT md5('subject-4242') || md5('s4242')", String.class);
        store.search(AuditQuery.bySubject(subject), null, 50); // warm-up
        long t1 = System.nanoTime();
        AuditStore.Page page = store.search(AuditQuery.bySubject(subject), null, 50);
        Duration subjectQuery = Duration.ofNanos(System.nanoTime() - t1);
        assertThat(page.rows()).hasSize(10);

        CountingStream out = new CountingStream();
        Instant day = Instant.parse("2026-02-01T00:00:00Z");
        long t2 = System.nanoTime();
        store.exportNdjson(day, day.plus(Duration.ofDays(1)), out);
        Duration export = Duration.ofNanos(System.nanoTime() - t2);
        assertThat(out.lines).isEqualTo(10_000 + 1);

        System.out.printf("AUDIT LOAD: %,d rows loaded in %d ms; subject query (10 of %,d rows) %.1f ms; "
                        + "one-day NDJSON export (%,d records, %,d bytes) %d ms%n",
                ROWS, load.toMillis(), ROWS, subjectQuery.toNanos() / 1e6, out.lines - 1, out.bytes, export.toMillis());
    }

    private static final class CountingStream extends OutputStream {
        long bytes;
        long lines;

        @Override
        public void write(int b) {
            bytes++;
            if (b == '\n') {
                lines++;
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
            for (int i = off; i < off + len; i++) {
                if (b[i] == '\n') {
                    lines++;
                }
            }
        }
    }
}
