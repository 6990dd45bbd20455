package org.saphan.exchange.identity;

import org.saphan.exchange.auth.AccessTokens;
import org.saphan.exchange.auth.AuthAttempts;
import org.saphan.exchange.auth.BearerTokenAuthenticator;
import org.saphan.exchange.auth.CertificateAuthenticator;
import org.saphan.exchange.auth.ClientAuthenticator;
import org.saphan.exchange.auth.ClientCredentials;
import org.saphan.exchange.catalog.Catalog;
import org.saphan.exchange.gdx.GdxTokenAuthenticator;
import org.saphan.exchange.gdx.GdxTokens;
import org.saphan.exchange.replay.SeenRequests;
import org.saphan.exchange.route.RefuseReplay;
import org.saphan.exchange.tls.TlsConnector;
import org.saphan.exchange.tls.TlsProperties;
import org.saphan.exchange.web.HubProperties;
import org.saphan.security.pki.ClientCertificateCheck;
import org.saphan.security.pki.PemFiles;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Supplier;

/** Wires identity: who a caller is (certificate, GDX token, bearer token), failed-attempt limits, replay, TLS. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({IdentityProperties.class, TlsProperties.class})
public class IdentityConfiguration {

    @Bean
    ClientAuthenticator clientAuthenticator(AccessTokens tokens, GdxTokens gdxTokens, Supplier<Catalog> catalog,
                                            HubProperties hub, TlsProperties tls, Clock clock) {
        return new ClientCredentials(new CertificateAuthenticator(clientCertificateCheck(hub, tls, clock), catalog),
                new GdxTokenAuthenticator(gdxTokens, catalog), new BearerTokenAuthenticator(tokens, catalog));
    }

    @Bean
    AuthAttempts authAttempts(JdbcTemplate jdbc, Clock clock, IdentityProperties identity) {
        IdentityProperties.Attempts a = identity.attempts();
        return new AuthAttempts(jdbc, clock, a.maxPerClient(), a.maxPerAddress(), a.window());
    }

    @Bean
    GdxTokens gdxTokens(JdbcTemplate jdbc, Clock clock, IdentityProperties identity) {
        return new GdxTokens(jdbc, clock, identity.gdx().tokenIdle());
    }

    @Bean
    SeenRequests seenRequests(JdbcTemplate jdbc, Clock clock, IdentityProperties identity) {
        return new SeenRequests(jdbc, clock, identity.replayWindow());
    }

    @Bean
    RefuseReplay refuseReplay(SeenRequests seen) {
        return new RefuseReplay(seen);
    }

    @Bean
    @ConditionalOnProperty(name = "saphan.tls.enabled", havingValue = "true")
    TlsConnector tlsConnector(TlsProperties tls, HubProperties hub) {
        return new TlsConnector(tls.port(), tls.certificateOr(hub.dataDir()), tls.privateKeyOr(hub.dataDir()));
    }

    /**
     * The client CA check; null (no certificate is ever accepted) when TLS is off and no CA file exists.
     * With TLS on, a missing CA stops the start: the hub fails closed rather than trusting nobody silently.
     */
    private static ClientCertificateCheck clientCertificateCheck(HubProperties hub, TlsProperties tls, Clock clock) {
        Path ca = tls.clientCaOr(hub.dataDir());
        if (!Files.isReadable(ca)) {
            if (tls.enabled()) {
                throw new IllegalStateException("saphan.tls.enabled is true but the client CA " + ca
                        + " is missing; run `java -jar saphan-hub.jar dev-pki` for development certificates");
            }
            return null;
        }
        try {
            return new ClientCertificateCheck(PemFiles.readCertificates(ca), clock);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
