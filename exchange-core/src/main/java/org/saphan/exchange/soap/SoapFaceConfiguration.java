package org.saphan.exchange.soap;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.xml.ws.Endpoint;
import org.apache.camel.ProducerTemplate;
import org.apache.cxf.Bus;
import org.apache.cxf.jaxws.EndpointImpl;
import org.saphan.exchange.soap.contract.ExchangeService;
import org.saphan.exchange.web.HubProperties;
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
        EndpointImpl endpoint = new EndpointImpl(bus, new SoapExchangeFace(camel, json, clock));
        endpoint.setWsdlLocation(WSDL);
        endpoint.setServiceName(ExchangeService.SERVICE);
        endpoint.setEndpointName(ExchangeService.ExchangePort);
        endpoint.getInInterceptors().add(new EnvelopeLimit(properties.exchange().maxBodyBytes()));
        endpoint.getOutFaultInterceptors().add(new SoapRefusals());
        endpoint.publish(ADDRESS);
        return endpoint;
    }
}
