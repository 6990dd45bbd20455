package org.saphan.exchange.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.saphan.exchange.audit.chain.AuditNdjson;
import org.saphan.exchange.audit.chain.ChainAnchor;
import org.saphan.exchange.audit.chain.ChainEntry;
import org.saphan.exchange.audit.chain.Checkpoint;
import org.saphan.exchange.audit.chain.VerifyAuditCommand;
import org.saphan.security.signing.JwsReceipts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Retention: moves each node's records older than the cut-off into a signed NDJSON archive file and
 * removes them from the database. Only a prefix of each chain is archived (up to the last record
 * before the first one still kept), and the last archived hash is stored as the node's anchor, so
 * the remaining rows verify from it and the archive verifies on its own (from genesis or from the
 * previous anchor, which the file carries).
 */
public final class AuditArchive {

    private static final Logger LOG = LoggerFactory.getLogger(AuditArchive.class);
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final DataSource dataSource;
    private final JwsReceipts receipts;
    private final Path directory;
    private final Clock clock;

    public AuditArchive(DataSource dataSource, JwsReceipts receipts, Path directory, Clock clock) {
        this.dataSource = dataSource;
        this.receipts = receipts;
        this.directory = directory;
        this.clock = clock;
    }

    /** The archive written: the NDJSON file and its signature file beside it ({@code .jws}). */
    public record Archived(Path file, Path signature, long records, Map<String, ChainAnchor> anchors) {
    }

    /** Archives every record recorded before {@code cutoff} that can be cut as a chain prefix. */
    public synchronized Optional<Archived> archiveBefore(Instant cutoff) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Optional<Archived> done = archive(c, cutoff);
                c.commit();
                return done;
            } catch (SQLException | IOException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("audit archive failed", e);
        } catch (IOException e) {
            throw new UncheckedIOException("audit archive file cannot be written", e);
        }
    }

    private Optional<Archived> archive(Connection c, Instant cutoff) throws SQLException, IOException {
        Map<String, Long> lastSeq = cutPoints(c, cutoff);
        if (lastSeq.isEmpty()) {
            return Optional.empty();
        }
        Map<String, ChainAnchor> previous = new LinkedHashMap<>();
        AuditRows.anchors(c).forEach(a -> previous.put(a.node(), a));
        Files.createDirectories(directory);
        String stem = "audit-" + FILE_TIME.format(clock.instant());
        String name = stem + ".ndjson";
        for (int n = 2; Files.exists(directory.resolve(name)); n++) {
            name = stem + "-" + n + ".ndjson"; // never overwrite an earlier archive
        }
        Path file = directory.resolve(name);
        Path partial = directory.resolve(name + ".partial");
        long count = 0;
        Map<String, ChainAnchor> anchors = new LinkedHashMap<>();
        try (OutputStream out = Files.newOutputStream(partial)) {
            AuditNdjson ndjson = AuditNdjson.on(out);
            ndjson.header(null, cutoff, false);
            for (String node : lastSeq.keySet()) {
                if (previous.containsKey(node)) {
                    ndjson.anchor(previous.get(node));
                }
            }
            for (Checkpoint cp : AuditRows.checkpoints(c)) {
                Long last = lastSeq.get(cp.node());
                if (last != null && cp.seq() <= last) {
                    ndjson.checkpoint(cp);
                }
            }
            for (Map.Entry<String, Long> cut : lastSeq.entrySet()) {
                try (PreparedStatement ps = c.prepareStatement("SELECT " + AuditRows.COLUMNS
                        + " FROM audit_record WHERE hub_node = ? AND node_seq <= ? ORDER BY node_seq")) {
                    ps.setFetchSize(1000);
                    ps.setString(1, cut.getKey());
                    ps.setLong(2, cut.getValue());
                    try (ResultSet rs = ps.executeQuery()) {
                        ChainEntry last = null;
                        while (rs.next()) {
                            last = AuditRows.entry(rs);
                            ndjson.record(last);
                            count++;
                        }
                        if (last != null) {
                            anchors.put(cut.getKey(), new ChainAnchor(cut.getKey(), last.nodeSeq(), last.recordHash(), name));
                        }
                    }
                }
            }
            ndjson.flush();
        }
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
        String sha256 = VerifyAuditCommand.sha256(file);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("file", name);
        payload.put("sha256", sha256);
        payload.put("records", count);
        payload.put("before", cutoff.toString());
        String jws = receipts.signCompact(new ObjectMapper().writeValueAsBytes(payload), VerifyAuditCommand.ARCHIVE_TYP);
        Path signature = directory.resolve(name + ".jws");
        Files.writeString(signature, jws + "\n", StandardCharsets.US_ASCII);

        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        for (ChainAnchor a : anchors.values()) {
            try (PreparedStatement del = c.prepareStatement("DELETE FROM audit_anchor WHERE hub_node = ?")) {
                del.setString(1, a.node());
                del.executeUpdate();
            }
            try (PreparedStatement ins = c.prepareStatement(
                    "INSERT INTO audit_anchor (hub_node, node_seq, record_hash, archive_file, archived_at) VALUES (?, ?, ?, ?, ?)")) {
                ins.setString(1, a.node());
                ins.setLong(2, a.seq());
                ins.setString(3, a.hash());
                ins.setString(4, a.archiveFile());
                ins.setObject(5, now);
                ins.executeUpdate();
            }
            for (String table : List.of("audit_record", "audit_checkpoint")) {
                try (PreparedStatement del = c.prepareStatement("DELETE FROM " + table + " WHERE hub_node = ? AND node_seq <= ?")) {
                    del.setString(1, a.node());
                    del.setLong(2, a.seq());
                    del.executeUpdate();
                }
            }
        }
        LOG.info("access log archived: {} records to {}", count, file);
        return Optional.of(new Archived(file, signature, count, anchors));
    }

    /** Per node, the last seq that can be archived: every record up to it is older than the cut-off. */
    private static Map<String, Long> cutPoints(Connection c, Instant cutoff) throws SQLException {
        Map<String, Long> cut = new LinkedHashMap<>();
        List<String> nodes = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT DISTINCT hub_node FROM audit_record WHERE recorded_at < ? AND node_seq IS NOT NULL ORDER BY hub_node")) {
            ps.setObject(1, OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    nodes.add(rs.getString(1));
                }
            }
        }
        for (String node : nodes) {
            Long firstKept = null;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT MIN(node_seq) FROM audit_record WHERE hub_node = ? AND recorded_at >= ?")) {
                ps.setString(1, node);
                ps.setObject(2, OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC));
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        long v = rs.getLong(1);
                        firstKept = rs.wasNull() ? null : v;
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement(firstKept == null
                    ? "SELECT MAX(node_seq) FROM audit_record WHERE hub_node = ?"
                    : "SELECT MAX(node_seq) FROM audit_record WHERE hub_node = ? AND node_seq < ?")) {
                ps.setString(1, node);
                if (firstKept != null) {
                    ps.setLong(2, firstKept);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        long v = rs.getLong(1);
                        if (!rs.wasNull()) {
                            cut.put(node, v);
                        }
                    }
                }
            }
        }
        return cut;
    }
}
