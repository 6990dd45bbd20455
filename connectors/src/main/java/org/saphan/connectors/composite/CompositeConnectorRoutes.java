package org.saphan.connectors.composite;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.builder.RouteBuilder;
import org.saphan.exchange.catalog.Catalog;
import org.saphan.exchange.catalog.ServiceDefinition;
import org.saphan.exchange.provider.ProviderEndpoints;
import org.saphan.schemas.ServiceId;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;

/** One Camel route per composite service of the catalog: run its parts as parallel sub-exchanges and compose. */
public final class CompositeConnectorRoutes extends RouteBuilder {

    /**
     * Every part must be a catalog service reached through a provider, not another composite: a composite
     * of composites would take the parts' thread pool from under itself and end in timeouts.
     */
    public static List<String> partProblems(Catalog catalog, List<ServiceId> parts) {
        List<String> problems = new ArrayList<>();
        for (ServiceId part : parts) {
            catalog.service(part).ifPresentOrElse(s -> {
                if (CompositeConnector.KIND.equals(s.connector().kind())) {
                    problems.add("part " + part + " is itself a composite service");
                }
            }, () -> problems.add("part " + part + " is not in the catalog"));
        }
        return problems;
    }

    private final Catalog catalog;
    private final Supplier<Catalog> catalogs;
    private final ObjectMapper json;
    private final Clock clock;

    public CompositeConnectorRoutes(Catalog catalog, Supplier<Catalog> catalogs, ObjectMapper json, Clock clock) {
        this.catalog = catalog;
        this.catalogs = catalogs;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public void configure() {
        // refusals must reach the exchange route's handler, which answers, audits and counts them
        errorHandler(noErrorHandler());
        ExecutorService pool = null;
        for (ServiceDefinition service : catalog.services()) {
            if (!CompositeConnector.KIND.equals(service.connector().kind())) {
                continue;
            }
            if (pool == null) {
                // parts wait on providers; a bounded pool of its own keeps composites off the callers' threads
                pool = getContext().getExecutorServiceManager().newThreadPool(this, "composite-parts", 8, 64);
            }
            List<String> problems = new ArrayList<>();
            List<ServiceId> parts = CompositeConnector.parts(service.connector().settings(), problems);
            problems.addAll(partProblems(catalog, parts));
            if (!problems.isEmpty()) {
                throw new IllegalStateException("composite service " + service.id() + ": " + String.join("; ", problems));
            }
            from(ProviderEndpoints.of(service.id())).routeId(ProviderEndpoints.routeId(service.id()))
                    .process(new CompositeCall(parts, new WelfareEligibility(), service.connector().timeout(), catalogs,
                            getContext().createProducerTemplate(), pool, json, clock))
                    .id("composite-" + service.id());
        }
    }
}
