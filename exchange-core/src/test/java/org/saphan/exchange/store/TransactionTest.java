package org.saphan.exchange.store;

import org.junit.jupiter.api.Test;
import org.saphan.exchange.audit.AuditDatabases;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Work that returns is committed, work that throws leaves nothing behind; auto-commit is back either way. */
class TransactionTest {

    @Test
    void commitsWhatReturnsAndRollsBackWhatThrows() throws SQLException {
        try (Connection c = AuditDatabases.fresh("h2").getConnection()) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE t (id INT)");
            }
            Transaction.run(c, tx -> insert(tx, 1));
            assertThatThrownBy(() -> Transaction.run(c, tx -> {
                insert(tx, 2);
                throw new IllegalStateException("fails after its insert");
            })).isInstanceOf(IllegalStateException.class);
            assertThat(c.getAutoCommit()).isTrue();
            try (Statement s = c.createStatement(); var rs = s.executeQuery("SELECT id FROM t")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(1);
                assertThat(rs.next()).as("the failed work's row was rolled back").isFalse();
            }
        }
    }

    private static int insert(Connection c, int id) throws SQLException {
        try (Statement s = c.createStatement()) {
            return s.executeUpdate("INSERT INTO t VALUES (" + id + ")");
        }
    }
}
