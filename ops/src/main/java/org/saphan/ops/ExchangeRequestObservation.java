package org.saphan.ops;

import io.micrometer.observation.ObservationPredicate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.observation.ServerRequestObservationContext;

/**
 * Spring's {@code http.server.requests} observation stays on for every endpoint but the exchange faces (REST,
 * GDX services, SOAP). Their calls are measured by the hub's own {@code saphan_exchange_*} metrics, per consumer,
 * service and outcome; a second observation of each call cost about 3% of the hub's CPU at peak
 * (docs/performance.md) and told operators nothing more.
 */
@Configuration(proxyBeanMethods = false)
public class ExchangeRequestObservation {

    @Bean
    ObservationPredicate noSecondObservationOfExchanges() {
        return (name, context) -> !(context instanceof ServerRequestObservationContext server
                && isExchange(server.getCarrier().getRequestURI()));
    }

    static boolean isExchange(String path) {
        return path != null && (path.startsWith("/api/v1/exchange/") || path.startsWith("/services/exchange")
                || (path.startsWith("/ws/") && !path.startsWith("/ws/auth/")));
    }
}
