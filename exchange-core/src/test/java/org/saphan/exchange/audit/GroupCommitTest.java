package org.saphan.exchange.audit;

import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.lang.reflect.Proxy;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The writer fails closed: a full queue, a slow or a broken database refuse the request, never hang it. */
class GroupCommitTest {

    static final Instant T = Instant.parse("2026-02-01T00:00:00Z");

    @Test
    void aFullQueueRefusesAtOnce() throws Exception {
        DataSource real = AuditDatabases.fresh("h2");
        CountDownLatch writerInside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        DataSource held = gated(real, writerInside, release);
        try (ChainedAuditLog log = new ChainedAuditLog(held, AuditChainTest.NODE, 1, 10, Duration.ofSeconds(30))) {
            writerInside.countDown(); // the head was read; from now on the writer blocks on its connection
            CompletableFuture<Void> first = CompletableFuture.runAsync(() -> log.record(AuditChainTest.record(1, T)));
            awaitUntil(() -> log.queued() == 0 && !first.isDone() && gate.entered);
            CompletableFuture<Void> second = CompletableFuture.runAsync(() -> log.record(AuditChainTest.record(2, T)));
            awaitUntil(() -> log.queued() == 1);

            long start = System.nanoTime();
            assertThatThrownBy(() -> log.record(AuditChainTest.record(3, T)))
                    .isInstanceOf(AuditLog.AuditUnavailableException.class).hasMessageContaining("queue is full");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));

            release.countDown();
            first.get(10, TimeUnit.SECONDS);
            second.get(10, TimeUnit.SECONDS);
            assertThat(log.head().seq()).isEqualTo(2);
        }
    }

    @Test
    void aSlowDatabaseRefusesAfterTheWriteTimeoutAndTheRecordIsNotWrittenLater() throws Exception {
        DataSource real = AuditDatabases.fresh("h2");
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch open = new CountDownLatch(1);
        try (ChainedAuditLog log = new ChainedAuditLog(gated(real, open, release), AuditChainTest.NODE, 10, 10,
                Duration.ofMillis(300))) {
            open.countDown();
            CompletableFuture<Void> taken = CompletableFuture.runAsync(() -> log.record(AuditChainTest.record(1, T)));
            awaitUntil(() -> gate.entered);
            // the writer holds record 1; record 2 waits in the queue and gives up
            assertThatThrownBy(() -> log.record(AuditChainTest.record(2, T)))
                    .isInstanceOf(AuditLog.AuditUnavailableException.class).hasMessageContaining("in time");
            assertThatThrownBy(taken::join).hasCauseInstanceOf(AuditLog.AuditUnavailableException.class);
            release.countDown();
            log.record(AuditChainTest.record(3, T));
            assertThat(new org.springframework.jdbc.core.JdbcTemplate(real)
                    .queryForList("SELECT request_id FROM audit_record ORDER BY node_seq", String.class))
                    .containsExactly("req-1", "req-3");
        }
    }

    @Test
    void aBrokenDatabaseRefusesAndTheChainContinuesWhenItIsBack() {
        DataSource real = AuditDatabases.fresh("h2");
        boolean[] down = {false};
        DataSource flaky = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getConnection") && down[0]) {
                        throw new SQLTransientConnectionException("database down");
                    }
                    return method.invoke(real, args);
                });
        try (ChainedAuditLog log = new ChainedAuditLog(flaky, AuditChainTest.NODE, 10, 10, Duration.ofSeconds(5))) {
            log.record(AuditChainTest.record(1, T));
            down[0] = true;
            assertThatThrownBy(() -> log.record(AuditChainTest.record(2, T)))
                    .isInstanceOf(AuditLog.AuditUnavailableException.class);
            down[0] = false;
            log.record(AuditChainTest.record(3, T));
            assertThat(log.head().seq()).isEqualTo(2);
        }
        assertThat(new AuditStore(real).verify(AuditChainTest.KEYS.jwks()).ok()).isTrue();
    }

    // --- a data source whose getConnection can be held, to stand for a slow database

    static volatile Gate gate = new Gate();

    static final class Gate {
        volatile boolean entered;
    }

    private static DataSource gated(DataSource real, CountDownLatch armed, CountDownLatch release) {
        gate = new Gate();
        return (DataSource) Proxy.newProxyInstance(GroupCommitTest.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getConnection") && armed.getCount() == 0) {
                        gate.entered = true;
                        release.await(30, TimeUnit.SECONDS);
                    }
                    return method.invoke(real, args);
                });
    }

    private static void awaitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached in 10 s");
            }
            Thread.onSpinWait();
            Thread.sleep(1);
        }
    }
}
