package org.saphan.exchange.provider;

import org.saphan.schemas.ServiceId;

/**
 * The contract between the exchange route and the connectors. For each catalog service a connector
 * provides a Camel route consuming from {@link #of(ServiceId)}.
 *
 * <p>In: the body is the validated request ({@code JsonNode}) and the {@link org.saphan.exchange.route.ExchangeState}
 * property is set. Out: the body is the provider's answer mapped to the standard's data set
 * ({@code JsonNode}), not yet validated or minimised. Failures are thrown as
 * {@link org.saphan.exchange.route.ExchangeRefusal} with a provider code ({@code provider-error},
 * {@code provider-unavailable}, {@code provider-timeout}, {@code subject-not-found}).
 */
public final class ProviderEndpoints {

    private ProviderEndpoints() {
    }

    /** {@code direct:provider-DOPA-citizen-profile-v1}: a fixed, catalog-bounded set of names. */
    public static String of(ServiceId service) {
        return "direct:" + routeId(service);
    }

    /** The route id a connector gives its provider route, so route metrics read as the service. */
    public static String routeId(ServiceId service) {
        return "provider-" + service.provider() + "-" + service.code() + "-" + service.version();
    }
}
