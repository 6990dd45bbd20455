package org.saphan.exchange.soap;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.xml.ws.Endpoint;
import org.apache.camel.ProducerTemplate;
import org.apache.cxf.Bus;
import org.apache.cxf.jaxws.EndpointImpl;
import org.saphan.exchange.soap.contract.ExchangeService;
import org.saphan.exchange.web.HubProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/**
 * Publishes the SOAP face at {@code /services/exchange} on CXF's servlet (the CXF Spring Boot starter maps it
 * to {@code cxf.path}, {@code /services}), with the WSDL it was generated from served at {@code ?wsdl}.
 */
@Configuration(proxyBeanMethods = false)
public class SoapFaceConfiguration {

    /** Where the face answers, below CXF's servlet path. */
    public static final String ADDRESS = "/exchange";
    static final String WSDL = "classpath:wsdl/saphan-exchange.wsdl";

    @Bean
    Endpoint soapExchangeFace(Bus bus, ProducerTemplate camel, ObjectMapper json, Clock clock, HubProperties properties) {
        return publish(bus, new SoapExchangeFace(camel, json, clock), properties.exchange().maxBodyBytes());
    }

    /** The face with its WSDL, its envelope limit and its faults, on a CXF bus whose transport serves {@link #ADDRESS}. */
    public static Endpoint publish(Bus bus, SoapExchangeFace face, int maxEnvelopeBytes) {
        EndpointImpl endpoint = new EndpointImpl(bus, face);
        endpoint.setWsdlLocation(WSDL);
        endpoint.setServiceName(ExchangeService.SERVICE);
        endpoint.setEndpointName(ExchangeService.ExchangePort);
        endpoint.getInInterceptors().add(new EnvelopeLimit(maxEnvelopeBytes));
        endpoint.getOutFaultInterceptors().add(new SoapRefusals());
        endpoint.publish(ADDRESS);
        return endpoint;
    }

    /**
     * Any other path below {@code /services} is the hub's {@code not-found} in problem+json (through the
     * container's error page, {@code HubErrorController}), not CXF's HTML "No service was found.".
     */
    @Bean
    FilterRegistrationBean<Filter> soapFaceOnly(@Value("${cxf.path:/services}") String cxfPath) {
        String face = cxfPath + ADDRESS;
        Filter onlyTheFace = (request, response, chain) -> {
            if (request instanceof HttpServletRequest http && response instanceof HttpServletResponse out
                    && !face.equals(http.getRequestURI().substring(http.getContextPath().length()))) {
                out.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            chain.doFilter(request, response);
        };
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(onlyTheFace);
        registration.addUrlPatterns(cxfPath + "/*", cxfPath);
        return registration;
    }
}
