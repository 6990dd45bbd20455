package org.saphan.exchange;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.saphan.exchange.audit.AuditLog;
import org.saphan.exchange.audit.AuditProperties;
import org.saphan.exchange.audit.ChainedAuditLog;
import org.saphan.exchange.auth.AccessTokens;
import org.saphan.exchange.auth.ClientAuthenticator;
import org.saphan.exchange.auth.TokenIssuer;
import org.saphan.exchange.catalog.Catalog;
import org.saphan.exchange.catalog.CatalogSource;
import org.saphan.exchange.metering.ExchangeMeter;
import org.saphan.exchange.metering.QuotaCounters;
import org.saphan.exchange.metering.UsageReport;
import org.saphan.exchange.provider.ConnectorKind;
import org.saphan.exchange.route.AdmitRequest;
import org.saphan.exchange.route.AnswerRefusal;
import org.saphan.exchange.route.AuditTrail;
import org.saphan.exchange.route.Authenticate;
import org.saphan.exchange.route.DecidePolicy;
import org.saphan.exchange.route.EnforceQuota;
import org.saphan.exchange.route.ComposeAnswer;
import org.saphan.exchange.route.CountExchange;
import org.saphan.exchange.route.ExchangeIdLogging;
import org.saphan.exchange.route.ExchangeRoute;
import org.saphan.exchange.route.ExchangeStepSet;
import org.saphan.exchange.route.FindAgreement;
import org.saphan.exchange.route.FindService;
import org.saphan.exchange.route.RecordAudit;
import org.saphan.exchange.route.RefuseReplay;
import org.saphan.exchange.route.ReleaseAgreedFields;
import org.saphan.exchange.route.SignAnswer;
import org.saphan.exchange.route.ValidateAnswer;
import org.saphan.exchange.route.ValidateRequest;
import org.saphan.exchange.web.HubProperties;
import org.saphan.exchange.web.OpenApiDocument;
import org.saphan.security.secrets.ClientSecretHasher;
import org.saphan.security.secrets.SubjectReferences;
import org.saphan.security.signing.ResponseSigner;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

/** Wires the exchange: catalog, authentication, the route's steps, audit and metering. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HubProperties.class)
public class ExchangeCoreConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    Catalog catalog(HubProperties properties, ResourceLoader resources, Environment environment,
                    List<ConnectorKind> connectorKinds) {
        return new CatalogSource(resources, environment::resolveRequiredPlaceholders, connectorKinds)
                .load(properties.catalog().location());
    }

    @Bean
    Supplier<Catalog> catalogSupplier(Catalog catalog) {
        return () -> catalog;
    }

    @Bean
    ClientSecretHasher clientSecretHasher() {
        return new ClientSecretHasher();
    }

    @Bean
    AccessTokens accessTokens(JdbcTemplate jdbc, Clock clock, HubProperties properties) {
        return new AccessTokens(jdbc, clock, properties.auth().tokenLifetime());
    }

    @Bean
    TokenIssuer tokenIssuer(Supplier<Catalog> catalog, ClientSecretHasher hasher, AccessTokens tokens) {
        return new TokenIssuer(catalog, hasher, tokens);
    }

    @Bean
    SubjectReferences subjectReferences(HubProperties properties) {
        return SubjectReferences.fromKeyFile(properties.subjectKeyFile());
    }

    /** The chained, group-committed access log; it writes what is queued before the hub stops. */
    @Bean(destroyMethod = "close")
    @DependsOnDatabaseInitialization
    AuditLog auditLog(DataSource dataSource, HubProperties properties, AuditProperties audit) {
        return new ChainedAuditLog(dataSource, properties.nodeId(), audit.queueCapacity(), audit.maxBatch(),
                audit.writeTimeout());
    }

    @Bean
    AuditTrail auditTrail(AuditLog log, SubjectReferences subjects, Clock clock, HubProperties properties) {
        return new AuditTrail(log, subjects, clock, properties.nodeId());
    }

    @Bean
    ExchangeMeter exchangeMeter(ObjectProvider<MeterRegistry> registry, Clock clock) {
        return new ExchangeMeter(registry.getIfAvailable(SimpleMeterRegistry::new), clock);
    }

    @Bean
    ExchangeStepSet exchangeSteps(ClientAuthenticator authenticator, ObjectMapper json, Supplier<Catalog> catalog,
                                  Clock clock, AuditTrail trail, ExchangeMeter meter, ResponseSigner signer,
                                  RefuseReplay refuseReplay, DecidePolicy decidePolicy, EnforceQuota enforceQuota) {
        CountExchange count = new CountExchange(meter);
        SignAnswer sign = new SignAnswer(meter.timedSigning(signer));
        return new ExchangeStepSet(
                new Authenticate(authenticator),
                new AdmitRequest(json),
                refuseReplay,
                new FindService(catalog),
                new FindAgreement(catalog, clock),
                enforceQuota,
                new ValidateRequest(),
                decidePolicy,
                new ValidateAnswer(),
                new ReleaseAgreedFields(),
                new ComposeAnswer(json, clock),
                sign,
                new RecordAudit(trail),
                count,
                new AnswerRefusal(trail, count, sign));
    }

    /** Agreement quotas, counted in the shared database (docs/metering.md); closed with the hub. */
    @Bean
    QuotaCounters quotaCounters(JdbcTemplate jdbc, Clock clock) {
        return new QuotaCounters(jdbc, clock);
    }

    @Bean
    EnforceQuota enforceQuota(QuotaCounters counters, Clock clock, ExchangeMeter meter) {
        return new EnforceQuota(counters, clock, meter::quotaUsed);
    }

    /** Usage per agency for a period, from the access log (docs/metering.md). */
    @Bean
    UsageReport usageReport(JdbcTemplate jdbc) {
        return new UsageReport(jdbc);
    }

    @Bean
    ExchangeRoute exchangeRoute(ExchangeStepSet steps) {
        return new ExchangeRoute(steps);
    }

    /** Every route's log lines name their exchange, on any thread (docs/metering.md, Logs). */
    @Bean
    CamelContextConfiguration exchangeIdLogging() {
        return new CamelContextConfiguration() {
            @Override
            public void beforeApplicationStart(CamelContext camel) {
                camel.getCamelContextExtension().addInterceptStrategy(new ExchangeIdLogging());
            }

            @Override
            public void afterApplicationStart(CamelContext camel) {
                // nothing after start
            }
        };
    }

    @Bean
    OpenApiDocument openApiDocument(ObjectMapper json) {
        return new OpenApiDocument(json);
    }
}
