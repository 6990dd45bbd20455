package org.saphan.exchange.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.saphan.exchange.audit.chain.Checkpoint;
import org.saphan.security.signing.JwsReceipts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Signs this node's chain head with the hub key at intervals (only when there are new records) and
 * on shutdown, after the log has written what was queued.
 */
public final class AuditCheckpoints implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AuditCheckpoints.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ChainedAuditLog log;
    private final DataSource dataSource;
    private final JwsReceipts receipts;
    private final Clock clock;
    private final ScheduledExecutorService timer;
    private long lastSignedSeq = -1;

    public AuditCheckpoints(ChainedAuditLog log, DataSource dataSource, JwsReceipts receipts, Clock clock, Duration interval) {
        this.log = log;
        this.dataSource = dataSource;
        this.receipts = receipts;
        this.clock = clock;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "audit-checkpoints");
            t.setDaemon(true);
            return t;
        });
        long millis = interval.toMillis();
        timer.scheduleWithFixedDelay(this::signQuietly, millis, millis, TimeUnit.MILLISECONDS);
    }

    private void signQuietly() {
        try {
            signHead();
        } catch (RuntimeException e) {
            LOG.warn("audit checkpoint not signed: {}", e.getClass().getSimpleName());
        }
    }

    /** Signs and stores the current head unless it is already signed. */
    public synchronized Optional<Checkpoint> signHead() {
        ChainedAuditLog.Head head = log.head();
        if (head.seq() == 0 || head.seq() == lastSignedSeq) {
            return Optional.empty();
        }
        Instant at = clock.instant();
        ObjectNode payload = JSON.createObjectNode()
                .put("node", log.node()).put("seq", head.seq()).put("hash", head.hash()).put("at", at.toString());
        String jws = receipts.signCompact(payload.toString().getBytes(StandardCharsets.UTF_8), Checkpoint.TYP);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO audit_checkpoint (hub_node, node_seq, record_hash, signed_at, jws) VALUES (?, ?, ?, ?, ?)",
                new String[] {"id"})) {
            ps.setString(1, log.node());
            ps.setLong(2, head.seq());
            ps.setString(3, head.hash());
            ps.setObject(4, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
            ps.setString(5, jws);
            ps.executeUpdate();
            long id = -1;
            try (var keys = ps.getGeneratedKeys()) {
                if (keys.next()) {
                    id = keys.getLong(1);
                }
            }
            lastSignedSeq = head.seq();
            return Optional.of(new Checkpoint(id, log.node(), head.seq(), head.hash(), jws));
        } catch (SQLException e) {
            throw new IllegalStateException("audit checkpoint cannot be stored", e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        log.close();
        signQuietly();
    }
}
