package org.saphan.connectors.rest;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.hc.client5.http.impl.DefaultHttpRequestRetryStrategy;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.util.TimeValue;
import org.saphan.connectors.resilience.CallPolicy;
import org.saphan.connectors.resilience.ProviderBreakers;
import org.saphan.connectors.resilience.ProviderTls;
import org.saphan.exchange.catalog.Catalog;
import org.saphan.exchange.catalog.ServiceDefinition;
import org.saphan.exchange.provider.ProviderEndpoints;
import org.saphan.exchange.route.ExchangeRefusal;
import org.saphan.schemas.ProblemCode;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.util.List;

/**
 * One Camel route per REST service of the catalog: build the native request, call the provider with
 * Camel's HTTP component (a pool of connections per service, the service's timeout and TLS trust) inside the
 * provider's circuit breaker and the service's bulkhead, and map the native answer.
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
    private final ProviderBreakers breakers;

    public RestConnectorRoutes(Catalog catalog, RestConnector connector, ProviderBreakers breakers) {
        this.catalog = catalog;
        this.connector = connector;
        this.breakers = breakers;
    }

    @Override
    public void configure() throws Exception {
        // refusals must reach the exchange route's handler, which answers, audits and counts them
        errorHandler(noErrorHandler());
        for (ServiceDefinition service : catalog.services()) {
            if (!RestConnector.KIND.equals(service.connector().kind())) {
                continue;
            }
            RestServiceSpec spec = connector.spec(service.id().toString()).orElseThrow();
            String routeId = ProviderEndpoints.routeId(service.id());
            bindToRegistry(routeId + "-httpClient", retries(spec.policy()));
            long timeoutMs = spec.timeout().toMillis();
            String uri = spec.baseUrl() + spec.path()
                    + "?throwExceptionOnFailure=false"
                    + "&httpClientConfigurer=#" + routeId + "-httpClient"
                    + "&maxTotalConnections=" + spec.poolSize()
                    + "&connectionsPerRoute=" + spec.poolSize()
                    + "&connectTimeout=" + Math.min(timeoutMs, 2000)
                    + "&connectionRequestTimeout=" + timeoutMs
                    + "&responseTimeout=" + timeoutMs
                    + "&soTimeout=" + timeoutMs;
            if (spec.tls().isPresent()) {
                bindToRegistry(routeId + "-tls", sslParameters(spec.tls().get()));
                uri += "&sslContextParameters=#" + routeId + "-tls";
            }
            from(ProviderEndpoints.of(service.id())).routeId(routeId)
                    .process(new NativeRequest(spec)).id("native-request-" + service.id())
                    .doTry()
                        .circuitBreaker()
                            .resilience4jConfiguration(breakers.guard(getContext(), service.id().provider(),
                                    spec.policy().maxConcurrentCalls()))
                            .to(uri).id("http-" + service.id())
                            .process(RestConnectorRoutes::failOnServerError).id("server-errors-" + service.id())
                        .endCircuitBreaker()
                    .endDoTry()
                    .doCatch(Exception.class)
                        .process(ProviderFailures::rethrowAsRefusal)
                    .end()
                    .process(new NativeAnswer(spec)).id("map-answer-" + service.id());
        }
    }

    /** A 5xx counts against the provider's circuit breaker; its code is kept for the consumer. */
    static void failOnServerError(Exchange exchange) {
        Integer status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        if (status == null || status < 500) {
            return;
        }
        if (status == 503) {
            throw new ExchangeRefusal(ProblemCode.PROVIDER_UNAVAILABLE, "The provider is unavailable.");
        }
        if (status == 504) {
            throw new ExchangeRefusal(ProblemCode.PROVIDER_TIMEOUT, "The provider's own back end timed out.");
        }
        throw new ExchangeRefusal(ProblemCode.PROVIDER_ERROR, "The provider answered with an error.");
    }

    /**
     * Retries with exponential backoff for idempotent reads: a dropped or refused connection, or a 502/503/504.
     * A timed-out attempt is not retried, its time is spent. The HTTP client itself never retries a POST.
     */
    static HttpClientConfigurer retries(CallPolicy policy) {
        if (policy.retries() == 0) {
            return NO_STATUS_RETRIES;
        }
        return builder -> builder.setRetryStrategy(new BackoffRetries(policy));
    }

    private static final class BackoffRetries extends DefaultHttpRequestRetryStrategy {

        private final CallPolicy policy;

        BackoffRetries(CallPolicy policy) {
            super(policy.retries(), TimeValue.ofMilliseconds(policy.retryBackoff().toMillis()),
                    List.of(InterruptedIOException.class, UnknownHostException.class, SSLException.class),
                    List.of(502, 503, 504));
            this.policy = policy;
        }

        @Override
        public TimeValue getRetryInterval(HttpRequest request, IOException exception, int execCount, HttpContext context) {
            return TimeValue.ofMilliseconds(policy.backoffBefore(execCount).toMillis());
        }

        @Override
        public TimeValue getRetryInterval(HttpResponse response, int execCount, HttpContext context) {
            return TimeValue.ofMilliseconds(policy.backoffBefore(execCount).toMillis());
        }
    }

    private static SSLContextParameters sslParameters(ProviderTls tls) throws IOException, GeneralSecurityException {
        SSLContext context = tls.sslContext();
        return new SSLContextParameters() {
            @Override
            public SSLContext createSSLContext(CamelContext camelContext) {
                return context;
            }
        };
    }
}
