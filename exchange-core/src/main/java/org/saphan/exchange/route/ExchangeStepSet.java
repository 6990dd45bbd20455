package org.saphan.exchange.route;

/** The steps of the exchange route, in the order the route runs them; tests swap single steps. */
public record ExchangeStepSet(
        Authenticate authenticate,
        AdmitRequest admitRequest,
        RefuseReplay refuseReplay,
        FindService findService,
        FindAgreement findAgreement,
        EnforceQuota enforceQuota,
        ValidateRequest validateRequest,
        DecidePolicy decidePolicy,
        ValidateAnswer validateAnswer,
        ReleaseAgreedFields releaseAgreedFields,
        ComposeAnswer composeAnswer,
        SignAnswer signAnswer,
        RecordAudit recordAudit,
        CountExchange countExchange,
        AnswerRefusal answerRefusal) {
}
