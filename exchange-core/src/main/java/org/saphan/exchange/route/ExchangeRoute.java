package org.saphan.exchange.route;

import org.apache.camel.builder.RouteBuilder;

/**
 * The exchange, as one Camel route whose steps read like the exchange itself. Each step is one class;
 * the provider call goes to the connector route of the service (see ProviderEndpoints). Any refusal
 * or failure jumps to {@link AnswerRefusal}, which answers, audits and counts it.
 */
public final class ExchangeRoute extends RouteBuilder {

    /** The endpoint every face (REST, GDX, SOAP) sends an exchange to. */
    public static final String ENTRY = "direct:exchange";
    public static final String ROUTE_ID = "exchange";

    private final ExchangeStepSet steps;

    public ExchangeRoute(ExchangeStepSet steps) {
        this.steps = steps;
    }

    @Override
    public void configure() {
        onException(Throwable.class)
                .handled(true)
                .process(steps.answerRefusal()).id("answer-refusal");

        from(ENTRY).routeId(ROUTE_ID)
                .process(steps.authenticate()).id("authenticate")
                .process(steps.admitRequest()).id("admit-request")
                .process(steps.refuseReplay()).id("refuse-replay")
                .process(steps.findService()).id("find-service")
                .process(steps.findAgreement()).id("find-agreement")
                .process(steps.enforceQuota()).id("enforce-quota")
                .process(steps.validateRequest()).id("validate-request")
                .process(steps.decidePolicy()).id("decide-policy")
                .process(CallProvider::start).id("call-provider-start")
                .toD("${exchangeProperty." + FindService.PROVIDER_ENDPOINT + "}", 64).id("call-provider")
                .process(CallProvider::finish).id("call-provider-finish")
                .process(steps.validateAnswer()).id("validate-answer")
                .process(steps.releaseAgreedFields()).id("release-agreed-fields")
                .process(steps.composeAnswer()).id("compose-answer")
                .process(steps.signAnswer()).id("sign-answer")
                .process(steps.recordAudit()).id("record-audit")
                .process(steps.countExchange()).id("count-exchange");
    }
}
