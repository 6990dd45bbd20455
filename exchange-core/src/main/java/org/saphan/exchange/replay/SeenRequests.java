package org.saphan.exchange.replay;

import org.saphan.exchange.route.RefuseReplay;
import org.saphan.exchange.store.CarriedByTheAccessLog;
import org.saphan.exchange.store.GroupCommit;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Request ids seen per client, in the shared database: the unique key on (client, request id) makes the second
 * use fail on whichever node it arrives. The ids waiting at one moment are inserted in one transaction (group
 * commit) with {@code ON CONFLICT DO NOTHING}, whose row count says, per id, whether it was new: the check is
 * exact and made before the provider is called, at one round trip per batch instead of one per request. Rows
 * older than the window are purged a slice at a time, at most once a second per node.
 */
public final class SeenRequests implements RefuseReplay.RequestIds, AutoCloseable {

    /**
     * Expired ids are purged in small slices, often, between batches of the writer: one slice at a time keeps every
     * batch short. A minute's worth at once (tens of thousands of rows at a steady 550/s) held the writer for
     * seconds, and requests timed out as {@code hub-unavailable} at each minute (the H2 soak run of 30 November).
     */
    private static final long PURGE_EVERY_MILLIS = 1_000;
    static final int PURGE_SLICE = 2_000;
    /** The oldest expired ids, through the index on seen_at; each is then deleted by its key. */
    private static final String OLDEST_EXPIRED = "SELECT client_id, request_id FROM seen_request WHERE seen_at < ? "
            + "ORDER BY seen_at FETCH FIRST " + PURGE_SLICE + " ROWS ONLY";
    private static final String DELETE_ONE = "DELETE FROM seen_request WHERE client_id = ? AND request_id = ?";

    private static final String INSERT = "INSERT INTO seen_request (client_id, request_id, seen_at) VALUES (?, ?, ?) "
            + "ON CONFLICT DO NOTHING";
    /** A seen id outside the window (not yet purged) may be used again. */
    private static final String REUSE = "UPDATE seen_request SET seen_at = ? WHERE client_id = ? AND request_id = ? AND seen_at < ?";

    /** One use of a request id waiting to be registered. */
    private record Use(String clientId, String requestId, Instant at) {
    }

    /** Keys in one order, so two nodes' batches cannot deadlock on each other's rows. */
    private static final Comparator<Use> KEY_ORDER = Comparator.comparing(Use::clientId).thenComparing(Use::requestId);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration window;
    private final AtomicLong lastPurge = new AtomicLong();
    private final GroupCommit<Use, Boolean> register;
    private final CarriedByTheAccessLog commits;

    public SeenRequests(JdbcTemplate jdbc, Clock clock, Duration window) {
        this.jdbc = jdbc;
        this.commits = new CarriedByTheAccessLog(jdbc);
        this.clock = clock;
        this.window = window;
        this.register = new GroupCommit<>("replay register", 10_000, 500, Duration.ofSeconds(2), this::insert);
    }

    @Override
    public boolean firstUse(String clientId, String requestId) {
        try {
            return register.submit(new Use(clientId, requestId, clock.instant()));
        } catch (GroupCommit.Unavailable e) {
            throw new IllegalStateException(e.getMessage(), e.getCause());
        }
    }

    /** One batch (the writer thread), in one transaction: true for each use that is the first in the window. */
    private List<Boolean> insert(List<Use> uses) throws SQLException {
        purgeNowAndThen();
        List<Use> ordered = new ArrayList<>(uses);
        ordered.sort(KEY_ORDER);
        java.util.Map<Use, Boolean> first;
        try (Connection c = jdbc.getDataSource().getConnection()) {
            first = commits.inTransaction(c, transaction -> register(transaction, ordered));
        }
        List<Boolean> answers = new ArrayList<>(uses.size());
        for (Use u : uses) {
            answers.add(first.get(u));
        }
        return answers;
    }

    /** Inserts the ids (in key order); answers, per use, whether it is the first in the window. */
    private java.util.Map<Use, Boolean> register(Connection c, List<Use> ordered) throws SQLException {
        java.util.Map<Use, Boolean> first = new java.util.IdentityHashMap<>();
        int[] inserted;
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            for (Use u : ordered) {
                ps.setString(1, u.clientId());
                ps.setString(2, u.requestId());
                ps.setTimestamp(3, Timestamp.from(u.at()));
                ps.addBatch();
            }
            inserted = ps.executeBatch();
        }
        for (int i = 0; i < ordered.size(); i++) {
            Use u = ordered.get(i);
            if (inserted[i] == 1) {
                first.put(u, true);
            } else if (inserted[i] == 0) {
                // seen before, in the table or earlier in this batch (then it is inside the window)
                first.put(u, reuse(c, u));
            } else {
                throw new SQLException("the driver did not say whether a request id was new (" + inserted[i] + ")");
            }
        }
        return first;
    }

    private boolean reuse(Connection c, Use u) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(REUSE)) {
            ps.setTimestamp(1, Timestamp.from(u.at()));
            ps.setString(2, u.clientId());
            ps.setString(3, u.requestId());
            ps.setTimestamp(4, Timestamp.from(u.at().minus(window)));
            return ps.executeUpdate() == 1;
        }
    }

    /** Deletes every id outside the window, slice by slice; answers how many. */
    public int purge() {
        int purged = 0;
        int slice;
        do {
            slice = purgeSlice();
            purged += slice;
        } while (slice == PURGE_SLICE);
        return purged;
    }

    /**
     * One slice: a range read on the seen_at index, then deletes by primary key. A single DELETE with the slice as a
     * subquery read the whole table on H2 every second (a full scan of the window's rows).
     */
    private int purgeSlice() {
        try (Connection c = jdbc.getDataSource().getConnection()) {
            List<String[]> expired = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(OLDEST_EXPIRED)) {
                ps.setTimestamp(1, Timestamp.from(clock.instant().minus(window)));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        expired.add(new String[] {rs.getString(1), rs.getString(2)});
                    }
                }
            }
            if (expired.isEmpty()) {
                return 0;
            }
            // deleted in key order, the order of the insert batches, so writers on two nodes cannot deadlock
            expired.sort(Comparator.<String[], String>comparing(k -> k[0]).thenComparing(k -> k[1]));
            // one transaction for the slice: one commit, not one per id; a purge lost in a crash is purged again
            commits.inTransaction(c, transaction -> {
                try (PreparedStatement ps = transaction.prepareStatement(DELETE_ONE)) {
                    for (String[] key : expired) {
                        ps.setString(1, key[0]);
                        ps.setString(2, key[1]);
                        ps.addBatch();
                    }
                    return ps.executeBatch();
                }
            });
            return expired.size();
        } catch (SQLException e) {
            throw new IllegalStateException("the replay register could not purge expired request ids", e);
        }
    }

    /** At most one slice a second: at up to 2,000 new ids a second the table stays at the window's size. */
    private void purgeNowAndThen() {
        long now = clock.millis();
        long last = lastPurge.get();
        if (now - last >= PURGE_EVERY_MILLIS && lastPurge.compareAndSet(last, now)) {
            purgeSlice();
        }
    }

    @Override
    public void close() {
        register.close();
    }
}
