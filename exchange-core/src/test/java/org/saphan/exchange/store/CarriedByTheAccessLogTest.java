package org.saphan.exchange.store;

import org.junit.jupiter.api.Test;
import org.saphan.exchange.audit.AuditDatabases;
import org.saphan.exchange.replay.SeenRequests;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Only the transactions that ask are relaxed, and only until they end: the access log's commits, on the same pooled
 * connections, must still wait for the disk.
 */
class CarriedByTheAccessLogTest {

    @Test
    void onPostgresTheRelaxedTransactionAloneSkipsTheDiskWait() throws SQLException {
        try (Connection c = AuditDatabases.fresh("postgres").getConnection()) {
            CarriedByTheAccessLog commits = new CarriedByTheAccessLog(new JdbcTemplate(new SingleConnectionDataSource(c, true)));
            assertThat(commits.relaxes()).isTrue();
            assertThat(synchronousCommit(c)).as("the server's setting, as in production").isEqualTo("on");

            String inside = commits.inTransaction(c, CarriedByTheAccessLogTest::synchronousCommit);
            assertThat(inside).isEqualTo("off");
            assertThat(c.getAutoCommit()).as("the connection goes back to auto-commit").isTrue();
            assertThat(synchronousCommit(c)).as("SET LOCAL ends with its transaction").isEqualTo("on");
        }
    }

    @Test
    void theReplayRegistersBatchLeavesItsConnectionCommittingDurably() throws SQLException {
        try (Connection c = AuditDatabases.fresh("postgres").getConnection()) {
            JdbcTemplate oneConnection = new JdbcTemplate(new SingleConnectionDataSource(c, true));
            try (SeenRequests seen = new SeenRequests(oneConnection, Clock.systemUTC(), Duration.ofMinutes(10))) {
                assertThat(seen.firstUse("MSDHS/welfare-portal", UUID.randomUUID().toString())).isTrue();
            }
            assertThat(synchronousCommit(c)).isEqualTo("on");
        }
    }

    @Test
    void onH2NothingIsRelaxed() throws SQLException {
        try (Connection c = AuditDatabases.fresh("h2").getConnection()) {
            CarriedByTheAccessLog commits = new CarriedByTheAccessLog(new JdbcTemplate(new SingleConnectionDataSource(c, true)));
            assertThat(commits.relaxes()).isFalse();
            // no PostgreSQL statement sent to H2: the work runs and commits
            int answered = commits.inTransaction(c, transaction -> 42);
            assertThat(answered).isEqualTo(42);
        }
    }

    private static String synchronousCommit(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW synchronous_commit")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
