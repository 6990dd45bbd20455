package org.saphan.exchange.route;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.saphan.exchange.catalog.Agreement;
import org.saphan.exchange.catalog.Catalog;
import org.saphan.schemas.ProblemCode;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;

/** Step 4: the data sharing agreement that lets this consumer use this service today. No agreement, no access. */
public final class FindAgreement implements Processor {

    private final Supplier<Catalog> catalog;
    private final Clock clock;

    public FindAgreement(Supplier<Catalog> catalog, Clock clock) {
        this.catalog = catalog;
        this.clock = clock;
    }

    @Override
    public void process(Exchange exchange) {
        ExchangeState state = ExchangeSteps.state(exchange);
        List<Agreement> agreements = catalog.get().agreementsFor(state.client().id().toString(), state.service().id());
        if (agreements.isEmpty()) {
            throw new ExchangeRefusal(ProblemCode.ACCESS_DENIED,
                    "No data sharing agreement binds this client system to this service.");
        }
        LocalDate today = LocalDate.now(clock);
        state.agreement = agreements.stream().filter(a -> a.inForceOn(today)).findFirst()
                .orElseThrow(() -> new ExchangeRefusal(ProblemCode.ACCESS_DENIED,
                        "The data sharing agreement for this service is not in force today."));
    }
}
