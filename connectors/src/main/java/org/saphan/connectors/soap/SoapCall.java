package org.saphan.connectors.soap;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.xml.ws.WebServiceException;
import jakarta.xml.ws.soap.SOAPFaultException;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.frontend.ClientProxy;
import org.apache.cxf.jaxws.JaxWsProxyFactoryBean;
import org.apache.cxf.transport.http.HTTPConduit;
import org.apache.cxf.configuration.jsse.TLSClientParameters;
import org.apache.cxf.transports.http.configuration.HTTPClientPolicy;
import org.saphan.exchange.route.ExchangeRefusal;
import org.saphan.schemas.ProblemCode;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.security.GeneralSecurityException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Calls the provider's SOAP operation through the generated CXF client. In: the standard request; out: the
 * answer as a JSON tree, with {@link #FAULT} set when it is a declared fault's detail. A SOAP fault that the WSDL
 * does not declare ({@code soap:Server}) is a {@code provider-error}; a call that never got an answer is thrown
 * on, so the circuit breaker counts it. Reads are retried on a lost connection, with backoff, when the policy says.
 */
final class SoapCall implements Processor {

    /** Exchange property: true when the body is a declared SOAP fault's detail. */
    static final String FAULT = "saphan.soapFault";

    private final SoapServiceSpec spec;
    private final Object port;

    SoapCall(SoapServiceSpec spec) throws IOException, GeneralSecurityException {
        this.spec = spec;
        JaxWsProxyFactoryBean factory = new JaxWsProxyFactoryBean();
        factory.setServiceClass(spec.operation().port());
        factory.setAddress(spec.address());
        this.port = factory.create();
        Client client = ClientProxy.getClient(port);
        HTTPConduit conduit = (HTTPConduit) client.getConduit();
        HTTPClientPolicy policy = new HTTPClientPolicy();
        long timeoutMs = spec.timeout().toMillis();
        policy.setConnectionTimeout(Math.min(timeoutMs, 2000));
        policy.setReceiveTimeout(timeoutMs);
        policy.setAllowChunking(false);
        conduit.setClient(policy);
        if (spec.tls().isPresent()) {
            TLSClientParameters tls = new TLSClientParameters();
            tls.setSslContext(spec.tls().get().sslContext());
            conduit.setTlsClientParameters(tls);
        }
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        JsonNode request = exchange.getMessage().getBody(JsonNode.class);
        Map<String, String> nativeRequest = new LinkedHashMap<>();
        spec.request().forEach((nativeField, field) -> {
            JsonNode value = request == null ? null : request.get(field);
            if (value != null && value.isValueNode()) {
                nativeRequest.put(nativeField, value.asText());
            }
        });
        exchange.getMessage().removeHeaders("*"); // nothing of the consumer's call travels on
        for (int attempt = 0; ; attempt++) {
            try {
                Object answer = invoke(nativeRequest);
                exchange.getMessage().setBody(XmlTree.of(answer));
                exchange.setProperty(FAULT, false);
                return;
            } catch (DeclaredFault f) {
                exchange.getMessage().setBody(XmlTree.of(f.info));
                exchange.setProperty(FAULT, true);
                return;
            } catch (WebServiceException e) {
                if (isSoapFault(e)) {
                    throw new ExchangeRefusal(ProblemCode.PROVIDER_ERROR, "The provider answered with a SOAP fault.");
                }
                if (attempt >= spec.policy().retries() || !spec.policy().idempotent() || isTimeout(e)) {
                    throw e;
                }
                Thread.sleep(spec.policy().backoffBefore(attempt + 1).toMillis());
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Object invoke(Map<String, String> request) throws Exception {
        try {
            return ((SoapOperation) spec.operation()).call(port, request);
        } catch (WebServiceException e) {
            throw e;
        } catch (Exception e) {
            Object info = faultInfo(e);
            if (info != null) {
                throw new DeclaredFault(info);
            }
            throw e;
        }
    }

    /** The detail of a fault declared in the WSDL: generated fault exceptions carry it as {@code getFaultInfo()}. */
    private static Object faultInfo(Exception e) {
        try {
            Method m = e.getClass().getMethod("getFaultInfo");
            return m.invoke(e);
        } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException ex) {
            return null;
        }
    }

    private static boolean isSoapFault(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SOAPFaultException || t instanceof SoapFault) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTimeout(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getClass().getSimpleName().contains("Timeout")) {
                return true;
            }
        }
        return false;
    }

    private static final class DeclaredFault extends Exception {
        final transient Object info;

        DeclaredFault(Object info) {
            super(null, null, false, false);
            this.info = info;
        }
    }
}
