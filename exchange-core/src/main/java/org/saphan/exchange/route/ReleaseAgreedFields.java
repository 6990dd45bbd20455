package org.saphan.exchange.route;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Step 9: only the fields the agreement names leave the hub; everything else is removed here. */
public final class ReleaseAgreedFields implements Processor {

    /** One compiled release rule per agreement, built on first use (agreements are few and immutable). */
    private final Map<String, FieldRelease> rules = new ConcurrentHashMap<>();

    @Override
    public void process(Exchange exchange) {
        ExchangeState state = ExchangeSteps.state(exchange);
        FieldRelease rule = rules.computeIfAbsent(state.agreement().id(), id -> new FieldRelease(state.agreement().releasedFields()));
        FieldRelease.Released released = rule.apply(state.providerData());
        state.providerData = released.data();
        state.releasedFields = released.fields();
    }
}
