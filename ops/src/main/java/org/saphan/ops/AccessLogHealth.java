package org.saphan.ops;

import org.saphan.exchange.audit.AuditLog;
import org.saphan.exchange.audit.ChainedAuditLog;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Readiness: the access-log queue is below 90% of its capacity. A full queue refuses every exchange
 * ({@code hub-unavailable}), so a node near it should be taken out of the load balancer first.
 */
@Component("accessLogHealthIndicator")
public class AccessLogHealth implements HealthIndicator {

    static final double SATURATED = 0.9;

    private final AuditLog log;

    public AccessLogHealth(AuditLog log) {
        this.log = log;
    }

    @Override
    public Health health() {
        if (!(log instanceof ChainedAuditLog chained)) {
            return Health.up().build();
        }
        int queued = chained.queued();
        int capacity = chained.queueCapacity();
        return (queued < SATURATED * capacity ? Health.up() : Health.outOfService())
                .withDetail("queued", queued).withDetail("capacity", capacity).build();
    }
}
