package org.saphan.ops;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.saphan.exchange.catalog.ClientSystem;
import org.saphan.exchange.catalog.Role;
import org.saphan.exchange.web.RoleGuard;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.security.Principal;

/**
 * Lets an operator see which health component is down, while load balancers and strangers see only the status.
 * The hub has no Spring Security, so the actuator's {@code show-components}/{@code show-details: when-authorized}
 * with {@code roles: operator} (application.yml) would never match anyone: Boot asks the servlet request for its
 * principal and roles. This filter, on the health paths only, checks the caller's bearer token or client
 * certificate like every guarded API ({@link RoleGuard}) and, for an operator, answers those two questions.
 * A caller without credentials, with bad ones, without the role, or whose token cannot be checked right now
 * (database down) gets the anonymous view; health never refuses a probe.
 */
@Configuration(proxyBeanMethods = false)
public class OperatorHealthView {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> operatorHealthPrincipal(RoleGuard guard, WebEndpointProperties endpoints) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                ClientSystem operator = presentsCredentials(request) ? operatorOrNull(guard, request) : null;
                chain.doFilter(operator == null ? request : new OperatorRequest(request, operator), response);
            }
        });
        String health = endpoints.getBasePath() + "/health";
        registration.addUrlPatterns(health, health + "/*");
        return registration;
    }

    private static boolean presentsCredentials(HttpServletRequest request) {
        return request.getHeader(HttpHeaders.AUTHORIZATION) != null || RoleGuard.clientCertificates(request) != null;
    }

    private static ClientSystem operatorOrNull(RoleGuard guard, HttpServletRequest request) {
        try {
            return guard.require(request, Role.OPERATOR);
        } catch (RuntimeException notAnOperatorOrNotCheckableNow) {
            return null;
        }
    }

    /** The request as Boot's health endpoint reads it: the operator's client id as principal, and its roles. */
    private static final class OperatorRequest extends HttpServletRequestWrapper {
        private final ClientSystem client;

        OperatorRequest(HttpServletRequest request, ClientSystem client) {
            super(request);
            this.client = client;
        }

        @Override
        public Principal getUserPrincipal() {
            return client.id()::toString;
        }

        @Override
        public boolean isUserInRole(String role) {
            return client.roles().stream().anyMatch(r -> r.code().equals(role));
        }
    }
}
