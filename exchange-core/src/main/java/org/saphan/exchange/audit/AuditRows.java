package org.saphan.exchange.audit;

import org.saphan.exchange.audit.chain.ChainAnchor;
import org.saphan.exchange.audit.chain.ChainEntry;
import org.saphan.exchange.audit.chain.Checkpoint;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reading and writing access-log rows with plain JDBC, the same way on H2 and PostgreSQL. */
public final class AuditRows {

    public static final String COLUMNS = "seq, exchange_id, request_id, recorded_at, hub_node, consumer, officer, service, "
            + "subject_ref, purpose, legal_basis, legal_reference, consent_id, decision, reason_code, http_status, "
            + "fields_released, provider_latency_ms, correlation_id, node_seq, prev_hash, record_hash";

    static final String INSERT = """
            INSERT INTO audit_record (exchange_id, request_id, recorded_at, hub_node, consumer, officer, service,
              subject_ref, purpose, legal_basis, legal_reference, consent_id, decision, reason_code, http_status,
              fields_released, provider_latency_ms, correlation_id, node_seq, prev_hash, record_hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private AuditRows() {
    }

    static void bind(PreparedStatement ps, ChainEntry e) throws SQLException {
        AuditRecord r = e.record();
        ps.setString(1, r.exchangeId());
        ps.setString(2, r.requestId());
        ps.setObject(3, OffsetDateTime.ofInstant(r.recordedAt(), ZoneOffset.UTC));
        ps.setString(4, r.hubNode());
        ps.setString(5, r.consumer());
        ps.setString(6, r.officer());
        ps.setString(7, r.service());
        ps.setString(8, r.subjectRef());
        ps.setString(9, r.purpose());
        ps.setString(10, r.legalBasis());
        ps.setString(11, r.legalReference());
        ps.setString(12, r.consentId());
        ps.setString(13, r.decision());
        ps.setString(14, r.reasonCode());
        ps.setInt(15, r.httpStatus());
        ps.setString(16, String.join(",", r.fieldsReleased()));
        ps.setInt(17, r.providerLatencyMs());
        ps.setString(18, r.correlationId());
        ps.setLong(19, e.nodeSeq());
        ps.setString(20, e.prevHash());
        ps.setString(21, e.recordHash());
    }

    /** A row selected with {@link #COLUMNS}. */
    public static ChainEntry entry(ResultSet rs) throws SQLException {
        String fields = rs.getString("fields_released");
        AuditRecord r = new AuditRecord(rs.getString("exchange_id"), rs.getString("request_id"),
                rs.getObject("recorded_at", OffsetDateTime.class).toInstant(), rs.getString("hub_node"),
                rs.getString("consumer"), rs.getString("officer"), rs.getString("service"), rs.getString("subject_ref"),
                rs.getString("purpose"), rs.getString("legal_basis"), rs.getString("legal_reference"),
                rs.getString("consent_id"), rs.getString("decision"), rs.getString("reason_code"),
                rs.getInt("http_status"),
                fields == null || fields.isEmpty() ? List.of() : List.copyOf(Arrays.asList(fields.split(","))),
                rs.getInt("provider_latency_ms"), rs.getString("correlation_id"));
        long nodeSeq = rs.getLong("node_seq");
        return new ChainEntry(r, rs.wasNull() ? 0 : nodeSeq, rs.getString("prev_hash"), rs.getString("record_hash"));
    }

    public static List<Checkpoint> checkpoints(Connection c) throws SQLException {
        List<Checkpoint> list = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, hub_node, node_seq, record_hash, jws FROM audit_checkpoint ORDER BY hub_node, node_seq, id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                list.add(new Checkpoint(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5)));
            }
        }
        return list;
    }

    public static List<ChainAnchor> anchors(Connection c) throws SQLException {
        List<ChainAnchor> list = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT hub_node, node_seq, record_hash, archive_file FROM audit_anchor ORDER BY hub_node");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                list.add(new ChainAnchor(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4)));
            }
        }
        return list;
    }
}
