package org.saphan.exchange.audit;

import org.saphan.exchange.audit.chain.CanonicalForm;
import org.saphan.exchange.audit.chain.ChainEntry;
import org.saphan.exchange.route.ExchangeEntry;
import org.slf4j.Logger;
import org.slf4j.MDC;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The access log as one hash chain per hub node, written by group commit: requests put their record
 * on a bounded queue, one writer thread takes whatever is waiting, links it to the chain and commits
 * it in one transaction, then releases each waiting request. A request waits only for the batch that
 * holds its record; a full queue or a slow database fails the request at once or after
 * {@code writeTimeout}, never blocks it forever (fail closed: no record, no data).
 */
public final class ChainedAuditLog implements AuditLog, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChainedAuditLog.class);

    private final DataSource dataSource;
    private final String node;
    private final BlockingQueue<Pending> queue;
    private volatile java.util.function.Consumer<Duration> commitListener = d -> { };
    private final int maxBatch;
    private final Duration writeTimeout;
    private final Thread writer;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private volatile Head head;
    private final java.util.concurrent.atomic.AtomicLong batches = new java.util.concurrent.atomic.AtomicLong();

    /** The last committed record of this node's chain. */
    public record Head(long seq, String hash) {
    }

    private static final class Pending {
        final AuditRecord record;
        final CompletableFuture<Void> done = new CompletableFuture<>();
        /** 0 waiting, 1 taken by the writer, 2 given up by the request: a given-up record is never written. */
        final AtomicInteger state = new AtomicInteger();

        Pending(AuditRecord record) {
            this.record = record;
        }
    }

    public ChainedAuditLog(DataSource dataSource, String node, int queueCapacity, int maxBatch, Duration writeTimeout) {
        this.dataSource = dataSource;
        this.node = node;
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.maxBatch = maxBatch;
        this.writeTimeout = writeTimeout;
        this.head = readHead(dataSource, node);
        this.writer = new Thread(this::drain, "audit-writer-" + node);
        this.writer.setDaemon(true);
        this.writer.start();
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
        return queue.size();
    }

    public int queueCapacity() {
        return queue.size() + queue.remainingCapacity();
    }

    /** Told how long each committed batch took (for the batch-commit timer). */
    public void onBatchCommitted(java.util.function.Consumer<Duration> listener) {
        this.commitListener = listener;
    }

    public String node() {
        return node;
    }

    @Override
    public void record(AuditRecord record) {
        if (!running.get()) {
            throw new AuditUnavailableException("the access log is closed", null);
        }
        if (!node.equals(record.hubNode())) {
            throw new AuditUnavailableException("record of another hub node: each node writes only its own chain", null);
        }
        Pending p = new Pending(withStorableTime(record));
        if (!queue.offer(p)) {
            throw new AuditUnavailableException("the access-log queue is full", null);
        }
        try {
            p.done.get(writeTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            if (p.state.compareAndSet(0, 2)) {
                throw new AuditUnavailableException("the access log did not commit in time", e);
            }
            // the writer already holds it: wait for its batch, which is bounded by the database's own timeouts
            awaitTaken(p);
        } catch (ExecutionException e) {
            throw new AuditUnavailableException("the access-log record could not be committed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.state.compareAndSet(0, 2);
            throw new AuditUnavailableException("interrupted while the access log was committing", e);
        }
    }

    private void awaitTaken(Pending p) {
        try {
            p.done.get(writeTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            throw new AuditUnavailableException("the access log did not commit in time", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuditUnavailableException("interrupted while the access log was committing", e);
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
    private static MDC.MDCCloseable namingExchanges(List<Pending> batch) {
        StringBuilder ids = new StringBuilder();
        for (Pending p : batch) {
            ids.append(ids.isEmpty() ? "" : ",").append(p.record.exchangeId());
        }
        return MDC.putCloseable(ExchangeEntry.MDC_EXCHANGE_ID, ids.toString());
    }

    private void drain() {
        List<Pending> batch = new ArrayList<>(maxBatch);
        while (running.get() || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                commit(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) {
                // the class only: a driver's message can quote the batch's values
                try (MDC.MDCCloseable ids = namingExchanges(batch)) {
                    LOG.error("access-log writer failed on a batch: {}", e.getClass().getName());
                }
                batch.forEach(p -> p.done.completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
        Pending left;
        while ((left = queue.poll()) != null) {
            left.done.completeExceptionally(new IllegalStateException("the access log closed"));
        }
    }

    private void commit(List<Pending> batch) {
        List<Pending> taken = new ArrayList<>(batch.size());
        for (Pending p : batch) {
            if (p.state.compareAndSet(0, 1)) {
                taken.add(p);
            }
        }
        if (taken.isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        Head before = head;
        long seq = before.seq();
        String prev = before.hash();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(AuditRows.INSERT)) {
                for (Pending p : taken) {
                    ChainEntry e = ChainEntry.link(p.record, ++seq, prev);
                    AuditRows.bind(ps, e);
                    ps.addBatch();
                    prev = e.recordHash();
                }
                ps.executeBatch();
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
            head = new Head(seq, prev);
            batches.incrementAndGet();
            commitListener.accept(Duration.ofNanos(System.nanoTime() - started));
            taken.forEach(p -> p.done.complete(null));
        } catch (SQLException | RuntimeException e) {
            // no message with record content: the failure may concern a subject's row
            try (MDC.MDCCloseable ids = namingExchanges(taken)) {
                LOG.warn("access-log batch of {} records not committed: {}", taken.size(), e.getClass().getSimpleName());
            }
            taken.forEach(p -> p.done.completeExceptionally(e));
            try {
                head = readHead(dataSource, node); // the commit may have landed before the error
            } catch (RuntimeException again) {
                head = before;
            }
        }
    }

    /** Writes what is queued, then stops. Idempotent. */
    @Override
    public void close() {
        if (running.compareAndSet(true, false)) {
            try {
                writer.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
