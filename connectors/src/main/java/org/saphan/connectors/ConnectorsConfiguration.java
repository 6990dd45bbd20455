package org.saphan.connectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.saphan.connectors.composite.CompositeConnector;
import org.saphan.connectors.composite.CompositeConnectorRoutes;
import org.saphan.connectors.resilience.ProviderBreakers;
import org.saphan.connectors.rest.RestConnector;
import org.saphan.connectors.soap.SoapConnector;
import org.saphan.connectors.soap.SoapConnectorRoutes;
import org.saphan.connectors.rest.RestConnectorRoutes;
import org.saphan.exchange.catalog.Catalog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;

import java.time.Clock;
import java.util.function.Supplier;

/** The connector kinds this module provides, and their routes. */
@Configuration(proxyBeanMethods = false)
public class ConnectorsConfiguration {

    @Bean
    RestConnector restConnector(ResourceLoader resources) {
        return new RestConnector(resources);
    }

    @Bean
    SoapConnector soapConnector(ResourceLoader resources) {
        return new SoapConnector(resources);
    }

    @Bean
    SoapConnectorRoutes soapConnectorRoutes(Catalog catalog, SoapConnector connector, ProviderBreakers breakers) {
        return new SoapConnectorRoutes(catalog, connector, breakers);
    }

    @Bean
    ProviderBreakers providerBreakers() {
        return new ProviderBreakers();
    }

    @Bean
    RestConnectorRoutes restConnectorRoutes(Catalog catalog, RestConnector connector, ProviderBreakers breakers) {
        return new RestConnectorRoutes(catalog, connector, breakers);
    }

    @Bean
    CompositeConnector compositeConnector() {
        return new CompositeConnector();
    }

    @Bean
    CompositeConnectorRoutes compositeConnectorRoutes(Catalog catalog, Supplier<Catalog> catalogs, ObjectMapper json,
                                                      Clock clock) {
        return new CompositeConnectorRoutes(catalog, catalogs, json, clock);
    }
}
