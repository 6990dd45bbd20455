package org.saphan.exchange.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * One database transaction on a connection the caller holds: committed when the work returns, rolled back when it
 * throws, and the connection back in auto-commit either way (it returns to the pool after).
 */
public final class Transaction {

    /** What runs inside the transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T on(Connection transaction) throws SQLException;
    }

    private Transaction() {
    }

    public static <T> T run(Connection c, Work<T> work) throws SQLException {
        c.setAutoCommit(false);
        try {
            T result = work.on(c);
            c.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }
}
