package org.saphan.exchange.audit;

import com.nimbusds.jose.jwk.JWKSet;
import org.saphan.exchange.audit.chain.AuditNdjson;
import org.saphan.exchange.audit.chain.ChainEntry;
import org.saphan.exchange.audit.chain.ChainVerifier;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the access log for auditors: filtered newest-first pages, streaming exports, and chain
 * verification. Exports and verification stream rows with a JDBC fetch size inside a read-only
 * transaction (PostgreSQL only streams with auto-commit off), so a month of records is never in memory.
 */
public final class AuditStore {

    private static final int FETCH = 1000;

    private final DataSource dataSource;

    public AuditStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A stored record and its row id (the row id orders records written in the same microsecond). */
    public record Row(long rowId, ChainEntry entry) {
    }

    public record Page(List<Row> rows, AuditCursor next) {
    }

    public Page search(AuditQuery q, AuditCursor after, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + AuditRows.COLUMNS + " FROM audit_record WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        where(sql, args, "subject_ref = ?", q.subjectRef());
        where(sql, args, "consumer = ?", q.consumer());
        where(sql, args, "service = ?", q.service());
        where(sql, args, "officer = ?", q.officer());
        where(sql, args, "decision = ?", q.decision());
        where(sql, args, "legal_basis = ?", q.legalBasis());
        where(sql, args, "recorded_at >= ?", time(q.from()));
        where(sql, args, "recorded_at < ?", time(q.to()));
        if (after != null) {
            sql.append(" AND (recorded_at < ? OR (recorded_at = ? AND seq < ?))");
            args.add(time(after.recordedAt()));
            args.add(time(after.recordedAt()));
            args.add(after.rowId());
        }
        sql.append(" ORDER BY recorded_at DESC, seq DESC LIMIT ?");
        args.add(limit + 1);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getLong("seq"), AuditRows.entry(rs)));
                }
            }
            AuditCursor next = null;
            if (rows.size() > limit) {
                rows = rows.subList(0, limit);
                Row last = rows.get(limit - 1);
                next = new AuditCursor(last.entry().record().recordedAt(), last.rowId());
            }
            return new Page(List.copyOf(rows), next);
        } catch (SQLException e) {
            throw new AuditLog.AuditUnavailableException("the access log cannot be read", e);
        }
    }

    private static void where(StringBuilder sql, List<Object> args, String condition, Object value) {
        if (value != null) {
            sql.append(" AND ").append(condition);
            args.add(value);
        }
    }

    private static OffsetDateTime time(Instant at) {
        return at == null ? null : OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    /**
     * Visits the records in [from, to) (either may be null), per node in chain order. For a range,
     * each node's contiguous run of seqs from its first to its last record in the range: records are
     * timed before they queue, so neighbours in the chain can be a few microseconds out of time
     * order, and a range must not cut a hole in the chain at its edges.
     */
    public void forEach(Instant from, Instant to, RowVisitor visitor) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.setReadOnly(true);
            try {
                if (from == null && to == null) {
                    stream(c, "SELECT " + AuditRows.COLUMNS + " FROM audit_record WHERE node_seq IS NOT NULL "
                            + "ORDER BY hub_node, node_seq", List.of(), visitor);
                    return;
                }
                // each node's seq run first (a small grouped query on the time index), then an index range scan per node
                List<Object[]> runs = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT hub_node, MIN(node_seq), MAX(node_seq) FROM audit_record "
                        + "WHERE node_seq IS NOT NULL" + (from != null ? " AND recorded_at >= ?" : "")
                        + (to != null ? " AND recorded_at < ?" : "") + " GROUP BY hub_node ORDER BY hub_node")) {
                    int i = 1;
                    if (from != null) {
                        ps.setObject(i++, time(from));
                    }
                    if (to != null) {
                        ps.setObject(i, time(to));
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            runs.add(new Object[] {rs.getString(1), rs.getLong(2), rs.getLong(3)});
                        }
                    }
                }
                for (Object[] run : runs) {
                    stream(c, "SELECT " + AuditRows.COLUMNS + " FROM audit_record WHERE hub_node = ? "
                            + "AND node_seq BETWEEN ? AND ? ORDER BY node_seq", List.of(run[0], run[1], run[2]), visitor);
                }
            } finally {
                c.rollback();
                c.setReadOnly(false);
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new AuditLog.AuditUnavailableException("the access log cannot be read", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void stream(Connection c, String sql, List<Object> args, RowVisitor visitor) throws SQLException, IOException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setFetchSize(FETCH);
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    visitor.visit(AuditRows.entry(rs));
                }
            }
        }
    }

    @FunctionalInterface
    public interface RowVisitor {
        void visit(ChainEntry entry) throws IOException;
    }

    /** Writes an NDJSON export; without a range it holds whole chains, with their anchors. */
    public void exportNdjson(Instant from, Instant to, OutputStream out) throws IOException {
        AuditNdjson ndjson = AuditNdjson.on(out);
        boolean range = from != null || to != null;
        ndjson.header(from, to, range);
        try (Connection c = dataSource.getConnection()) {
            for (var a : AuditRows.anchors(c)) {
                ndjson.anchor(a);
            }
            for (var cp : AuditRows.checkpoints(c)) {
                ndjson.checkpoint(cp);
            }
        } catch (SQLException e) {
            throw new AuditLog.AuditUnavailableException("the access log cannot be read", e);
        }
        forEach(from, to, ndjson::record);
        ndjson.flush();
    }

    public static final String CSV_HEADER = AuditCsv.HEADER;

    public static void csvRow(java.io.Writer out, ChainEntry e) throws IOException {
        AuditCsv.row(out, e);
    }

    /** Recomputes every chain in the database and checks every checkpoint against {@code jwks}. */
    public ChainVerifier.Report verify(JWKSet jwks) {
        ChainVerifier verifier = new ChainVerifier(jwks, false);
        try (Connection c = dataSource.getConnection()) {
            AuditRows.anchors(c).forEach(verifier::anchor);
            AuditRows.checkpoints(c).forEach(verifier::checkpoint);
        } catch (SQLException e) {
            throw new AuditLog.AuditUnavailableException("the access log cannot be read", e);
        }
        forEach(null, null, verifier::accept);
        return verifier.finish();
    }
}
