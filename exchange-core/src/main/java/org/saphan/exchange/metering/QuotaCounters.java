package org.saphan.exchange.metering;

import org.saphan.exchange.catalog.Agreement;
import org.saphan.exchange.route.EnforceQuota;
import org.saphan.exchange.route.EnforceQuota.Window;
import org.saphan.exchange.store.CarriedByTheAccessLog;
import org.saphan.exchange.store.GroupCommit;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Quota counters in the shared database, one row per agreement and window, written by group commit: the calls
 * waiting at one moment are counted in one transaction, with one atomic {@code uses = uses + n} per window that
 * also answers the new count (PostgreSQL's {@code RETURNING}, H2's {@code FINAL TABLE}). The calls of a batch
 * take the counts {@code total - n + 1 .. total} in their order, so each caller still sees the count including
 * its own call, and no call is lost or counted twice between nodes. The count may include other nodes' calls
 * made in between, so at the edge of a quota a call can be refused slightly early, never admitted over it.
 *
 * <p>The first call of a window inserts the row; a node that loses that race updates instead. Rows are locked
 * in one order (minute windows before day windows, then by agreement), so two nodes' batches cannot deadlock.
 * Windows older than two days are purged, at most once an hour per node.
 */
public final class QuotaCounters implements EnforceQuota.QuotaUse, AutoCloseable {

    private static final long PURGE_EVERY_MILLIS = 3_600_000;
    private static final Duration KEEP = Duration.ofDays(2);

    private static final String INCREMENT = "UPDATE quota_use SET uses = uses + ? WHERE agreement_id = ? AND window_kind = ? AND window_start = ?";
    private static final String INSERT = "INSERT INTO quota_use (agreement_id, window_kind, window_start, uses) VALUES (?, ?, ?, ?) "
            + "ON CONFLICT DO NOTHING";

    /** One call waiting to be counted. */
    private record Call(String agreementId, Agreement.Quota quota, Instant at) {
    }

    /** One counter row: an agreement's window. Ordered, so every batch locks rows in the same order. */
    private record Counter(String agreementId, Window window, Instant start) implements Comparable<Counter> {
        @Override
        public int compareTo(Counter o) {
            int c = window.compareTo(o.window);
            c = c != 0 ? c : agreementId.compareTo(o.agreementId);
            return c != 0 ? c : start.compareTo(o.start);
        }
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final AtomicLong lastPurge = new AtomicLong();
    /** The increment in the database's own words for "and answer the new count". */
    private final String incrementAndCount;
    private final GroupCommit<Call, EnforceQuota.Uses> counting;
    private final CarriedByTheAccessLog commits;

    public QuotaCounters(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.commits = new CarriedByTheAccessLog(jdbc);
        this.clock = clock;
        String database = jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName());
        this.incrementAndCount = "PostgreSQL".equalsIgnoreCase(database)
                ? INCREMENT + " RETURNING uses"
                : "SELECT uses FROM FINAL TABLE (" + INCREMENT + ")"; // H2
        this.counting = new GroupCommit<>("quota counter", 10_000, 500, Duration.ofSeconds(2), this::count);
    }

    @Override
    public EnforceQuota.Uses countCall(String agreementId, Agreement.Quota quota, Instant at) {
        try {
            return counting.submit(new Call(agreementId, quota, at));
        } catch (GroupCommit.Unavailable e) {
            throw new IllegalStateException(e.getMessage(), e.getCause());
        }
    }

    /** One batch (the writer thread), in one transaction. */
    private List<EnforceQuota.Uses> count(List<Call> calls) throws SQLException {
        purgeNowAndThen();
        long[] minute = new long[calls.size()];
        long[] day = new long[calls.size()];
        DataSource dataSource = jdbc.getDataSource();
        try (Connection c = dataSource.getConnection()) {
            commits.inTransaction(c, transaction -> {
                Map<Counter, List<Integer>> minutes = new TreeMap<>();
                for (int i = 0; i < calls.size(); i++) {
                    Call call = calls.get(i);
                    if (call.quota().perMinute() != null) {
                        minutes.computeIfAbsent(counter(call, Window.MINUTE), k -> new ArrayList<>()).add(i);
                    }
                }
                countIn(transaction, minutes, minute);
                Map<Counter, List<Integer>> days = new TreeMap<>();
                for (int i = 0; i < calls.size(); i++) {
                    Call call = calls.get(i);
                    Integer perMinute = call.quota().perMinute();
                    if (call.quota().perDay() != null && (perMinute == null || minute[i] <= perMinute)) {
                        days.computeIfAbsent(counter(call, Window.DAY), k -> new ArrayList<>()).add(i);
                    }
                }
                countIn(transaction, days, day);
                return null;
            });
        }
        List<EnforceQuota.Uses> uses = new ArrayList<>(calls.size());
        for (int i = 0; i < calls.size(); i++) {
            uses.add(new EnforceQuota.Uses(minute[i], day[i]));
        }
        return uses;
    }

    private static Counter counter(Call call, Window window) {
        return new Counter(call.agreementId(), window, window.start(call.at()));
    }

    /** Adds each counter's calls to its row; the calls, in order, take the last counts up to the new total. */
    private void countIn(Connection c, Map<Counter, List<Integer>> counters, long[] counts) throws SQLException {
        for (Map.Entry<Counter, List<Integer>> e : counters.entrySet()) {
            List<Integer> calls = e.getValue();
            long total = add(c, e.getKey(), calls.size());
            for (int k = 0; k < calls.size(); k++) {
                counts[calls.get(k)] = total - calls.size() + 1 + k;
            }
        }
    }

    /** The counter's total after adding {@code n}. */
    private long add(Connection c, Counter counter, int n) throws SQLException {
        OptionalLong total = increment(c, counter, n);
        if (total.isPresent()) {
            return total.getAsLong();
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            ps.setString(1, counter.agreementId());
            ps.setString(2, counter.window().code());
            ps.setTimestamp(3, Timestamp.from(counter.start()));
            ps.setLong(4, n);
            if (ps.executeUpdate() == 1) {
                return n;
            }
        }
        // another node inserted the row first
        return increment(c, counter, n).orElseThrow(() -> new SQLException("quota counter row vanished"));
    }

    private OptionalLong increment(Connection c, Counter counter, int n) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(incrementAndCount)) {
            ps.setLong(1, n);
            ps.setString(2, counter.agreementId());
            ps.setString(3, counter.window().code());
            ps.setTimestamp(4, Timestamp.from(counter.start()));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
            }
        }
    }

    private void purgeNowAndThen() {
        long now = clock.millis();
        long last = lastPurge.get();
        if (now - last >= PURGE_EVERY_MILLIS && lastPurge.compareAndSet(last, now)) {
            jdbc.update("DELETE FROM quota_use WHERE window_start < ?", Timestamp.from(clock.instant().minus(KEEP)));
        }
    }

    @Override
    public void close() {
        counting.close();
    }
}
