package org.saphan.connectors.soap;

import org.apache.camel.builder.RouteBuilder;
import org.saphan.connectors.resilience.ProviderBreakers;
import org.saphan.connectors.rest.ProviderFailures;
import org.saphan.exchange.catalog.Catalog;
import org.saphan.exchange.catalog.ServiceDefinition;
import org.saphan.exchange.provider.ProviderEndpoints;

/**
 * One Camel route per SOAP service of the catalog: call the operation through the generated CXF client inside the
 * provider's circuit breaker and the service's bulkhead, then map the answer with the service's mapping file.
 */
public final class SoapConnectorRoutes extends RouteBuilder {

    private final Catalog catalog;
    private final SoapConnector connector;
    private final ProviderBreakers breakers;

    public SoapConnectorRoutes(Catalog catalog, SoapConnector connector, ProviderBreakers breakers) {
        this.catalog = catalog;
        this.connector = connector;
        this.breakers = breakers;
    }

    @Override
    public void configure() throws Exception {
        // refusals must reach the exchange route's handler, which answers, audits and counts them
        errorHandler(noErrorHandler());
        for (ServiceDefinition service : catalog.services()) {
            if (!SoapConnector.KIND.equals(service.connector().kind())) {
                continue;
            }
            SoapServiceSpec spec = connector.spec(service.id().toString()).orElseThrow();
            from(ProviderEndpoints.of(service.id())).routeId(ProviderEndpoints.routeId(service.id()))
                    .doTry()
                        .circuitBreaker()
                            .resilience4jConfiguration(breakers.guard(getContext(), service.id().provider(),
                                    spec.policy().maxConcurrentCalls()))
                            .process(new SoapCall(spec)).id("soap-" + service.id())
                        .endCircuitBreaker()
                    .endDoTry()
                    .doCatch(Exception.class)
                        .process(ProviderFailures::rethrowAsRefusal)
                    .end()
                    .process(new SoapAnswer(spec.mapping())).id("map-answer-" + service.id());
        }
    }
}
