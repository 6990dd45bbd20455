package org.saphan.connectors.rest;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.hc.client5.http.impl.DefaultHttpRequestRetryStrategy;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.util.TimeValue;
import org.saphan.exchange.catalog.Catalog;
import org.saphan.exchange.catalog.ServiceDefinition;
import org.saphan.exchange.provider.ProviderEndpoints;

/**
 * One Camel route per REST service of the catalog: build the native request, call the provider with
 * Camel's HTTP component (pooled connections, the service's timeout), map the native answer.
 */
public final class RestConnectorRoutes extends RouteBuilder {

    /**
     * The HTTP client's default retries a 503 or 429 after waiting as long as the provider's Retry-After asks,
     * beyond the service's timeout; a provider's status is final here. A request whose connection dropped is
     * still retried once, at once.
     */
    static final HttpClientConfigurer NO_STATUS_RETRIES = builder -> builder.setRetryStrategy(
            new DefaultHttpRequestRetryStrategy(1, TimeValue.ZERO_MILLISECONDS) {
                @Override
                public boolean retryRequest(HttpResponse response, int execCount, HttpContext context) {
                    return false;
                }
            });

    private final Catalog catalog;
    private final RestConnector connector;

    public RestConnectorRoutes(Catalog catalog, RestConnector connector) {
        this.catalog = catalog;
        this.connector = connector;
    }

    @Override
    public void configure() {
        // refusals must reach the exchange route's handler, which answers, audits and counts them
        errorHandler(noErrorHandler());
        bindToRegistry("restConnectorHttpClient", NO_STATUS_RETRIES);
        for (ServiceDefinition service : catalog.services()) {
            if (!RestConnector.KIND.equals(service.connector().kind())) {
                continue;
            }
            RestServiceSpec spec = connector.spec(service.id().toString()).orElseThrow();
            long timeoutMs = spec.timeout().toMillis();
            String uri = spec.baseUrl() + spec.path()
                    + "?throwExceptionOnFailure=false"
                    + "&httpClientConfigurer=#restConnectorHttpClient"
                    + "&connectTimeout=" + Math.min(timeoutMs, 2000)
                    + "&connectionRequestTimeout=" + timeoutMs
                    + "&responseTimeout=" + timeoutMs
                    + "&soTimeout=" + timeoutMs;

            from(ProviderEndpoints.of(service.id())).routeId(ProviderEndpoints.routeId(service.id()))
                    .process(new NativeRequest(spec)).id("native-request-" + service.id())
                    .doTry()
                        .to(uri).id("http-" + service.id())
                    .doCatch(Exception.class)
                        .process(ex -> {
                            throw ProviderFailures.refusalFor(ex.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class));
                        })
                    .end()
                    .process(new NativeAnswer(spec)).id("map-answer-" + service.id());
        }
    }
}
