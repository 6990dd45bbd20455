package org.saphan.exchange.store;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * For the writes an exchange makes before its access-log record (the replay register, the quota counters): on
 * PostgreSQL their commits need not wait for the disk. Every exchange, allowed or refused, is answered only after
 * its access-log record has committed with {@code synchronous_commit} on, later than these writes, and PostgreSQL
 * flushes its write-ahead log in order: that flush makes them durable too. A database crash can lose only the
 * rows of exchanges that were never answered. One disk flush per exchange instead of three. (H2 has no such
 * setting per transaction; the hub's H2 URL makes every commit write its file.)
 */
public final class CarriedByTheAccessLog {

    private final boolean postgres;

    public CarriedByTheAccessLog(JdbcTemplate jdbc) {
        String database = jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName());
        this.postgres = "PostgreSQL".equalsIgnoreCase(database);
    }

    /** Runs the work in one transaction whose commit, on PostgreSQL, returns without waiting for the disk. */
    public <T> T inTransaction(Connection c, Transaction.Work<T> work) throws SQLException {
        return Transaction.run(c, transaction -> {
            if (postgres) {
                try (Statement s = transaction.createStatement()) {
                    s.execute("SET LOCAL synchronous_commit TO OFF"); // ends with this transaction
                }
            }
            return work.on(transaction);
        });
    }

    /** Whether commits are relaxed on this database (PostgreSQL). */
    public boolean relaxes() {
        return postgres;
    }
}
