package org.saphan.exchange.audit;

import org.saphan.exchange.audit.chain.CanonicalForm;
import org.saphan.exchange.audit.chain.ChainEntry;
import org.saphan.exchange.route.ExchangeEntry;
import org.saphan.exchange.store.GroupCommit;
import org.saphan.exchange.store.Transaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The access log as one hash chain per hub node, written by group commit ({@link GroupCommit}): requests put
 * their record on a bounded queue, one writer thread takes whatever is waiting, links it to the chain and
 * commits it in one transaction, then releases each waiting request. A request waits only for the batch that
 * holds its record; a full queue or a slow database fails the request at once or after {@code writeTimeout},
 * never blocks it forever (fail closed: no record, no data).
 */
public final class ChainedAuditLog implements AuditLog, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChainedAuditLog.class);

    private final DataSource dataSource;
    private final String node;
    private final GroupCommit<AuditRecord, Void> writer;
    private volatile Consumer<Duration> commitListener = d -> { };
    /** Written by the writer thread only; read by anyone. */
    private volatile Head head;
    private final AtomicLong batches = new AtomicLong();

    /** The last committed record of this node's chain. */
    public record Head(long seq, String hash) {
    }

    public ChainedAuditLog(DataSource dataSource, String node, int queueCapacity, int maxBatch, Duration writeTimeout) {
        this.dataSource = dataSource;
        this.node = node;
        this.head = readHead(dataSource, node);
        this.writer = new GroupCommit<>("access-log", queueCapacity, maxBatch, writeTimeout, this::commit);
    }

    /** Resumes a node's chain after a restart: its last record, else its archive anchor, else genesis. */
    public static Head readHead(DataSource dataSource, String node) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT node_seq, record_hash FROM audit_record WHERE hub_node = ? AND node_seq IS NOT NULL "
                            + "ORDER BY node_seq DESC LIMIT 1")) {
                ps.setString(1, node);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return new Head(rs.getLong(1), rs.getString(2));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT node_seq, record_hash FROM audit_anchor WHERE hub_node = ?")) {
                ps.setString(1, node);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return new Head(rs.getLong(1), rs.getString(2));
                    }
                }
            }
            return new Head(0, CanonicalForm.GENESIS);
        } catch (SQLException e) {
            throw new IllegalStateException("the access log's chain head cannot be read", e);
        }
    }

    public Head head() {
        return head;
    }

    /** Transactions committed so far (each holds one or more records). */
    public long batchesCommitted() {
        return batches.get();
    }

    /** Records waiting for the writer (the audit-queue gauge; near capacity means requests will soon fail). */
    public int queued() {
        return writer.queued();
    }

    public int queueCapacity() {
        return writer.capacity();
    }

    /** Told how long each committed batch took (for the batch-commit timer). */
    public void onBatchCommitted(Consumer<Duration> listener) {
        this.commitListener = listener;
    }

    public String node() {
        return node;
    }

    @Override
    public void record(AuditRecord record) {
        if (!node.equals(record.hubNode())) {
            throw new AuditUnavailableException("record of another hub node: each node writes only its own chain", null);
        }
        try {
            writer.submit(withStorableTime(record));
        } catch (GroupCommit.Unavailable e) {
            throw new AuditUnavailableException(e.getMessage(), e.getCause());
        }
    }

    private static AuditRecord withStorableTime(AuditRecord r) {
        return new AuditRecord(r.exchangeId(), r.requestId(), ChainEntry.storable(r.recordedAt()), r.hubNode(),
                r.consumer(), r.officer(), r.service(), r.subjectRef(), r.purpose(), r.legalBasis(), r.legalReference(),
                r.consentId(), r.decision(), r.reasonCode(), r.httpStatus(), List.copyOf(r.fieldsReleased()),
                r.providerLatencyMs(), r.correlationId());
    }

    /**
     * The writer's lines concern a whole batch: its MDC {@code exchangeId} lists every exchange of the batch
     * (comma-separated), so a search for one exchange id finds them too.
     */
    private static MDC.MDCCloseable namingExchanges(List<AuditRecord> batch) {
        StringBuilder ids = new StringBuilder();
        for (AuditRecord r : batch) {
            ids.append(ids.isEmpty() ? "" : ",").append(r.exchangeId());
        }
        return MDC.putCloseable(ExchangeEntry.MDC_EXCHANGE_ID, ids.toString());
    }

    /** One batch (the writer thread): link the records to the chain, commit them in one transaction. */
    private List<Void> commit(List<AuditRecord> records) throws SQLException {
        long started = System.nanoTime();
        Head before = head;
        Head after;
        try (Connection c = dataSource.getConnection()) {
            after = Transaction.run(c, transaction -> insertLinked(transaction, records, before));
        } catch (SQLException | RuntimeException e) {
            // no message with record content: the failure may concern a subject's row
            try (MDC.MDCCloseable ids = namingExchanges(records)) {
                LOG.warn("access-log batch of {} records not committed: {}", records.size(), e.getClass().getSimpleName());
            }
            try {
                head = readHead(dataSource, node); // the commit may have landed before the error
            } catch (RuntimeException again) {
                head = before;
            }
            throw e;
        }
        head = after;
        batches.incrementAndGet();
        commitListener.accept(Duration.ofNanos(System.nanoTime() - started));
        return Arrays.asList(new Void[records.size()]);
    }

    /** Inserts the records linked to the chain after {@code before}; answers the chain's new head. */
    private static Head insertLinked(Connection c, List<AuditRecord> records, Head before) throws SQLException {
        long seq = before.seq();
        String prev = before.hash();
        try (PreparedStatement ps = c.prepareStatement(AuditRows.INSERT)) {
            for (AuditRecord r : records) {
                ChainEntry e = ChainEntry.link(r, ++seq, prev);
                AuditRows.bind(ps, e);
                ps.addBatch();
                prev = e.recordHash();
            }
            ps.executeBatch();
        }
        return new Head(seq, prev);
    }

    /** Writes what is queued, then stops. Idempotent. */
    @Override
    public void close() {
        writer.close();
    }
}
