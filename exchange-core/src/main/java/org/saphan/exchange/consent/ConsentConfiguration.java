package org.saphan.exchange.consent;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.saphan.exchange.metering.ExchangeMeter;
import org.saphan.exchange.policy.PolicyEngine;
import org.saphan.security.signing.JwsReceipts;
import org.saphan.exchange.route.DecidePolicy;
import org.saphan.security.secrets.SubjectReferences;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;

/** Wires the consent registry and the PDPA decision step of the exchange route. */
@Configuration(proxyBeanMethods = false)
public class ConsentConfiguration {

    @Bean
    ConsentRegistry consentRegistry(JdbcTemplate jdbc, TransactionTemplate transactions) {
        return new JdbcConsentRegistry(jdbc, transactions);
    }

    @Bean
    ConsentReceipts consentReceipts(JwsReceipts receipts, ObjectMapper json) {
        return new ConsentReceipts(receipts, json);
    }

    @Bean
    PolicyEngine policyEngine() {
        return new PolicyEngine();
    }

    @Bean
    DecidePolicy decidePolicy(PolicyEngine engine, ConsentRegistry consents, SubjectReferences subjects, Clock clock,
                              ExchangeMeter meter) {
        return new DecidePolicy(engine, consents, subjects, clock, meter);
    }
}
