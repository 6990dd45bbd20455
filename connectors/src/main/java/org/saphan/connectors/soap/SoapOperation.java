package org.saphan.connectors.soap;

import java.util.Map;

/**
 * One operation of a provider's WSDL, called through the client code CXF generates from that WSDL at build time.
 * The hub knows a fixed set of them ({@link SoapOperations}); a catalog service names the one it uses.
 *
 * @param <P> the generated JAX-WS port interface
 */
public interface SoapOperation<P> {

    /** The name the catalog uses, e.g. {@code DOPA/house-registration}. */
    String name();

    /** The generated port interface. */
    Class<P> port();

    /** The native request fields this operation reads, e.g. {@code PID}. */
    java.util.Set<String> requestFields();

    /**
     * Calls the provider. Returns the generated response object; a declared SOAP fault is thrown as the generated
     * fault exception, whose {@code getFaultInfo()} the connector reads.
     */
    Object call(P port, Map<String, String> request) throws Exception;
}
