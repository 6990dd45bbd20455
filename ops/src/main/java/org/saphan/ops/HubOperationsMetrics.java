package org.saphan.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.saphan.exchange.audit.AuditLog;
import org.saphan.exchange.audit.ChainedAuditLog;
import org.saphan.security.signing.HubSigningKeys;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/**
 * The hub's own health as metrics: the access-log queue (a backlog means the database is slow and requests
 * will soon be refused), its batch commit time, and the active signing key's age (rotation is due well before
 * relying parties stop trusting it). No labels beyond fixed names.
 */
@Configuration(proxyBeanMethods = false)
public class HubOperationsMetrics {

    public static final String AUDIT_QUEUE_DEPTH = "saphan.audit.queue.depth";
    public static final String AUDIT_QUEUE_CAPACITY = "saphan.audit.queue.capacity";
    public static final String AUDIT_BATCH_COMMIT = "saphan.audit.batch.commit";
    public static final String SIGNING_KEY_AGE = "saphan.signing.key.age.seconds";

    @Bean
    MeterBinder accessLogMetrics(AuditLog log) {
        return registry -> {
            if (log instanceof ChainedAuditLog chained) {
                Gauge.builder(AUDIT_QUEUE_DEPTH, chained, ChainedAuditLog::queued)
                        .description("Access-log records waiting for the writer").register(registry);
                Gauge.builder(AUDIT_QUEUE_CAPACITY, chained, ChainedAuditLog::queueCapacity)
                        .description("Records the access-log queue holds before requests are refused").register(registry);
                Timer commits = Timer.builder(AUDIT_BATCH_COMMIT).description("Time to commit one access-log batch")
                        .publishPercentileHistogram().register(registry);
                chained.onBatchCommitted(commits::record);
            }
        };
    }

    @Bean
    MeterBinder signingKeyMetrics(HubSigningKeys keys) {
        return registry -> Gauge.builder(SIGNING_KEY_AGE, keys,
                        k -> Duration.between(k.active().createdAt(), k.clock().instant()).toSeconds())
                .description("Age of the active answer-signing key").register(registry);
    }
}
