package org.saphan.ops;

import org.saphan.exchange.catalog.Catalog;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/** Readiness: the catalog is loaded and offers at least one service. */
@Component("catalogHealthIndicator")
public class CatalogHealth implements HealthIndicator {

    private final Catalog catalog;

    public CatalogHealth(Catalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public Health health() {
        int services = catalog.services().size();
        return (services > 0 ? Health.up() : Health.outOfService())
                .withDetail("services", services)
                .withDetail("agreements", catalog.agreements().size())
                .build();
    }
}
