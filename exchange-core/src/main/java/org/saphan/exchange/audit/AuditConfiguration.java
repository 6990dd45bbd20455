package org.saphan.exchange.audit;

import org.saphan.exchange.web.HubProperties;
import org.saphan.security.signing.JwsReceipts;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.time.Clock;

/**
 * The access log's beans besides the log itself (which ExchangeCoreConfiguration makes): signed
 * checkpoints, reading for auditors, and retention.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuditProperties.class)
public class AuditConfiguration {

    @Bean(destroyMethod = "close")
    @DependsOnDatabaseInitialization
    AuditCheckpoints auditCheckpoints(AuditLog log, DataSource dataSource, JwsReceipts receipts, Clock clock,
                                      AuditProperties audit) {
        return new AuditCheckpoints((ChainedAuditLog) log, dataSource, receipts, clock, audit.checkpointInterval());
    }

    @Bean
    @DependsOnDatabaseInitialization
    AuditStore auditStore(DataSource dataSource) {
        return new AuditStore(dataSource);
    }

    @Bean
    @DependsOnDatabaseInitialization
    AuditArchive auditArchive(DataSource dataSource, JwsReceipts receipts, HubProperties hub, Clock clock) {
        return new AuditArchive(dataSource, receipts, hub.dataDir().resolve("archive"), clock);
    }

    @Bean(destroyMethod = "close")
    AuditRetention auditRetention(AuditArchive archive, Clock clock, AuditProperties audit) {
        return new AuditRetention(archive, clock, audit.retention(), audit.archiveInterval());
    }
}
