package org.saphan.exchange.consent;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The consent registry and migration V3 on both databases the hub supports: H2 and a real PostgreSQL. */
class JdbcConsentRegistryTest {

    private static final Instant GIVEN = Instant.parse("2026-06-01T03:00:00Z");
    private static EmbeddedPostgres postgres;
    private static DataSource h2;

    @BeforeAll
    static void databases() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:consents;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        h2 = ds;
        Flyway.configure().dataSource(h2).locations("classpath:db/migration").load().migrate();
        Flyway.configure().dataSource(postgres.getPostgresDatabase()).locations("classpath:db/migration").load().migrate();
    }

    @AfterAll
    static void stop() throws IOException {
        postgres.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void givesFindsCountsWithdrawsAndKeepsHistory(String database) {
        DataSource ds = "h2".equals(database) ? h2 : postgres.getPostgresDatabase();
        JdbcConsentRegistry registry = registry(ds);
        String id = "c-" + database + "-" + System.nanoTime();
        ConsentRecord record = new ConsentRecord(id, "a".repeat(64), "MSDHS", Set.of("welfare-eligibility"),
                Set.of("MSDHS/disability-status/v1"), Set.of("disability", "identity"), true, GIVEN,
                GIVEN.plus(365, ChronoUnit.DAYS), ConsentStatus.GIVEN, null, "citizen-portal-web",
                "https://portal.example/privacy", "2026-01", 0);

        registry.give(record, "DGA/citizen-portal");
        assertThat(registry.find(id)).contains(record);
        registry.recordUse(id);
        registry.recordUse(id);
        assertThat(registry.find(id).orElseThrow().useCount()).isEqualTo(2);

        assertThat(registry.withdraw(id, GIVEN.plusSeconds(60), "DGA/citizen-portal")).isTrue();
        assertThat(registry.withdraw(id, GIVEN.plusSeconds(120), "DGA/citizen-portal")).as("only once").isFalse();
        ConsentRecord withdrawn = registry.find(id).orElseThrow();
        assertThat(withdrawn.storedStatus()).isEqualTo(ConsentStatus.WITHDRAWN);
        assertThat(withdrawn.withdrawnAt()).isEqualTo(GIVEN.plusSeconds(60));
        assertThat(withdrawn.dataCategories()).containsExactlyInAnyOrder("disability", "identity");
        assertThat(registry.history(id)).extracting(ConsentEvent::event).containsExactly("given", "withdrawn");
        assertThat(registry.find("no-such-id")).isEmpty();
    }

    @Test
    void anUnreachableStoreIsReportedNotMistakenForAbsence() {
        JdbcDataSource nowhere = new JdbcDataSource();
        nowhere.setURL("jdbc:h2:mem:never-migrated;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE");
        JdbcConsentRegistry registry = registry(nowhere);
        assertThatThrownBy(() -> registry.find("c-1")).isInstanceOf(ConsentStoreUnavailableException.class);
        assertThatThrownBy(() -> registry.recordUse("c-1")).isInstanceOf(ConsentStoreUnavailableException.class);
    }

    private static JdbcConsentRegistry registry(DataSource ds) {
        return new JdbcConsentRegistry(new JdbcTemplate(ds), new TransactionTemplate(new DataSourceTransactionManager(ds)));
    }
}
