package org.saphan.exchange.route;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.saphan.exchange.catalog.Catalog;
import org.saphan.exchange.provider.ProviderEndpoints;
import org.saphan.schemas.ProblemCode;
import org.saphan.schemas.ServiceId;

import java.util.function.Supplier;

/** Step 3: which catalog service is asked for. */
public final class FindService implements Processor {

    /** The Camel exchange property naming the provider endpoint for {@code toD}. */
    public static final String PROVIDER_ENDPOINT = "saphan.providerEndpoint";

    private final Supplier<Catalog> catalog;

    public FindService(Supplier<Catalog> catalog) {
        this.catalog = catalog;
    }

    @Override
    public void process(Exchange exchange) {
        ExchangeState state = ExchangeSteps.state(exchange);
        ServiceId id;
        try {
            id = ServiceId.parse(state.inbound().servicePath());
        } catch (IllegalArgumentException e) {
            throw unknown();
        }
        state.service = catalog.get().service(id).orElseThrow(FindService::unknown);
        exchange.setProperty(PROVIDER_ENDPOINT, ProviderEndpoints.of(id));
    }

    private static ExchangeRefusal unknown() {
        return new ExchangeRefusal(ProblemCode.UNKNOWN_SERVICE, "No such service in the catalog; see GET /api/v1/catalog.");
    }
}
