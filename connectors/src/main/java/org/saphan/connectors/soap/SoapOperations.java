package org.saphan.connectors.soap;

import org.saphan.connectors.soap.cgd.welfare.InquireWelfarePayments;
import org.saphan.connectors.soap.cgd.welfare.WelfarePaymentPort;
import org.saphan.connectors.soap.dopa.house.GetHouseRegistration;
import org.saphan.connectors.soap.dopa.house.HouseRegistrationPort;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The SOAP operations this hub can call, each over client code generated from the provider's WSDL under
 * {@code src/main/resources/wsdl}. Adding a SOAP provider: put its WSDL there, add a {@code wsdlOption} to the
 * module's pom, and one entry here that fills the generated request object.
 */
public final class SoapOperations {

    /** DOPA house registration: {@code GetHouseRegistration(PID)}. */
    static final SoapOperation<HouseRegistrationPort> DOPA_HOUSE_REGISTRATION = new SoapOperation<>() {
        @Override
        public String name() {
            return "DOPA/house-registration";
        }

        @Override
        public Class<HouseRegistrationPort> port() {
            return HouseRegistrationPort.class;
        }

        @Override
        public Set<String> requestFields() {
            return Set.of("PID");
        }

        @Override
        public Object call(HouseRegistrationPort port, Map<String, String> request) throws Exception {
            GetHouseRegistration in = new GetHouseRegistration();
            in.setPID(request.get("PID"));
            return port.getHouseRegistration(in);
        }
    };

    /** CGD welfare payments: {@code InquireWelfarePayments(CitizenID)}. */
    static final SoapOperation<WelfarePaymentPort> CGD_WELFARE_PAYMENTS = new SoapOperation<>() {
        @Override
        public String name() {
            return "CGD/welfare-payments";
        }

        @Override
        public Class<WelfarePaymentPort> port() {
            return WelfarePaymentPort.class;
        }

        @Override
        public Set<String> requestFields() {
            return Set.of("CitizenID");
        }

        @Override
        public Object call(WelfarePaymentPort port, Map<String, String> request) throws Exception {
            InquireWelfarePayments in = new InquireWelfarePayments();
            in.setCitizenID(request.get("CitizenID"));
            return port.inquireWelfarePayments(in);
        }
    };

    private static final List<SoapOperation<?>> ALL = List.of(DOPA_HOUSE_REGISTRATION, CGD_WELFARE_PAYMENTS);

    private SoapOperations() {
    }

    public static Optional<SoapOperation<?>> named(String name) {
        return ALL.stream().filter(o -> o.name().equals(name)).findFirst();
    }

    public static List<String> names() {
        return ALL.stream().map(SoapOperation::name).toList();
    }
}
