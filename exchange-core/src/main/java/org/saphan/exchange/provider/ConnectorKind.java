package org.saphan.exchange.provider;

import org.saphan.exchange.catalog.ServiceDefinition;

import java.util.List;
import java.util.Map;

/**
 * A kind of connector (REST, SOAP, composite...) that a connector module provides. The core knows no
 * particular agency: it only asks each kind to check its settings when the catalog loads, and calls
 * the provider through the Camel endpoint the kind builds for each service ({@link ProviderEndpoints}).
 */
public interface ConnectorKind {

    /** The name used in the catalog's {@code connector.kind}. */
    String kind();

    /**
     * Checks a service's connector settings, adding one clear message per problem to {@code problems}
     * (the service id is added by the caller).
     */
    void check(String serviceId, Map<String, Object> settings, List<String> problems);

    /** Builds what the kind needs for a service once the catalog is valid (routes, clients). */
    default void prepare(ServiceDefinition service) {
    }
}
