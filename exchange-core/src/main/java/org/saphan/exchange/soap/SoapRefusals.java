package org.saphan.exchange.soap;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.SoapVersion;
import org.apache.cxf.binding.soap.Soap11;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.jaxws.interceptors.WebFaultOutInterceptor;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.saphan.exchange.soap.contract.ExchangeRefusal;
import org.saphan.exchange.soap.contract.ExchangeRefusalFault;
import org.saphan.schemas.ProblemCode;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

/**
 * Every fault of the SOAP face carries the standard's problem code in {@code exchangeRefusal}, answers with
 * the problem's HTTP status (never 500 for bad input), and says Client for the caller's errors, Server for
 * the hub's or a provider's. A fault CXF raised itself (an envelope it could not read) is replaced whole:
 * its text can quote the envelope, which may hold a citizen ID, and it has no stable code.
 */
public final class SoapRefusals extends AbstractPhaseInterceptor<Message> {

    private static final JAXBContext CONTRACT = contract();

    public SoapRefusals() {
        super(Phase.PRE_PROTOCOL);
        addAfter(WebFaultOutInterceptor.class.getName()); // which has put an ExchangeRefusalFault's detail in place
    }

    @Override
    public void handleMessage(Message message) {
        if (!(message.getContent(Exception.class) instanceof Fault fault)) {
            return;
        }
        ExchangeRefusal refusal;
        if (fault.getCause() instanceof ExchangeRefusalFault answered && answered.getFaultInfo() != null) {
            refusal = answered.getFaultInfo();
        } else {
            refusal = unreadableEnvelope(message);
            fault.setMessage(refusal.getDetail());
            fault.setDetail(detail(refusal));
        }
        SoapVersion version = message instanceof SoapMessage soap ? soap.getVersion() : Soap11.getInstance();
        fault.setFaultCode(refusal.getStatus() < 500 ? version.getSender() : version.getReceiver());
        fault.setStatusCode(refusal.getStatus());
        message.put(Message.RESPONSE_CODE, refusal.getStatus());
    }

    public static ExchangeRefusal refusal(ProblemCode code, String detail, String exchangeId) {
        ExchangeRefusal refusal = new ExchangeRefusal();
        refusal.setCode(code.code());
        refusal.setTitle(code.title());
        refusal.setStatus(code.status());
        refusal.setDetail(detail);
        refusal.setExchangeId(exchangeId);
        return refusal;
    }

    public static ExchangeRefusalFault fault(ExchangeRefusal refusal) {
        return new ExchangeRefusalFault(refusal.getDetail(), refusal);
    }

    /** No exchange began: there is nothing to audit, only the caller to tell. */
    private static ExchangeRefusal unreadableEnvelope(Message message) {
        if (message.getExchange() != null && Boolean.TRUE.equals(message.getExchange().get(EnvelopeLimit.EXCEEDED))) {
            return refusal(ProblemCode.PAYLOAD_TOO_LARGE, "The SOAP envelope is larger than the hub accepts.", null);
        }
        return refusal(ProblemCode.INVALID_REQUEST, "The SOAP envelope could not be read. Send a SOAP 1.1 envelope with "
                + "exchangeHeader in its header and exchangeRequest in its body, as /services/exchange?wsdl describes.", null);
    }

    private static Element detail(ExchangeRefusal refusal) {
        try {
            Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
            Element detail = document.createElementNS(null, "detail");
            document.appendChild(detail);
            CONTRACT.createMarshaller().marshal(refusal, detail);
            return detail;
        } catch (ParserConfigurationException | JAXBException e) {
            throw new IllegalStateException("fault detail not writable", e);
        }
    }

    private static JAXBContext contract() {
        try {
            return JAXBContext.newInstance(ExchangeRefusal.class);
        } catch (JAXBException e) {
            throw new IllegalStateException("SOAP contract types not loadable", e);
        }
    }
}
