package org.saphan.exchange.route;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.saphan.exchange.metering.ExchangeMeter;

import java.time.Duration;

/** Step 13 (and the last act of a refusal): the exchange is counted for operators and usage figures. */
public final class CountExchange implements Processor {

    private final ExchangeMeter meter;

    public CountExchange(ExchangeMeter meter) {
        this.meter = meter;
    }

    @Override
    public void process(Exchange exchange) {
        count(ExchangeSteps.state(exchange), "ok");
    }

    void count(ExchangeState s, String outcome) {
        meter.count(
                s.client() == null ? null : s.client().agency(),
                s.service() == null ? null : s.service().provider(),
                s.service() == null ? null : s.service().id().toString(),
                outcome,
                Duration.ofNanos(System.nanoTime() - s.startedNanos()),
                s.providerNanos() < 0 ? null : Duration.ofNanos(s.providerNanos()));
    }
}
