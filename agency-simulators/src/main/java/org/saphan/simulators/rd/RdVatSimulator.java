package org.saphan.simulators.rd;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.saphan.schemas.CitizenId;
import org.saphan.simulators.business.Companies;
import org.saphan.simulators.business.Company;
import org.saphan.simulators.calendar.BuddhistEra;
import org.saphan.simulators.http.SimulatorRequest;
import org.saphan.simulators.http.SimulatorResponse;
import org.saphan.simulators.http.SimulatorServer;

/**
 * RD (Revenue Department, กรมสรรพากร) VAT-registration inquiry, a REST service over the companies DBD knows
 * (a company's tax ID is its juristic ID):
 *
 * <pre>
 * GET /rd/vat/v1/registration?TIN=0105600000013
 * 200 {"Code":"00","Message":"OK","Vat":{"TIN":..., "VatStatus":"Y", "RegistrationDate":"25600701", ...}}
 * 404 {"Code":"10","Message":"TIN not found"}
 * 400 {"Code":"11","Message":"TIN invalid"}
 * 500 {"Code":"99","Message":"Service error"}   fault mode fail
 * </pre>
 * VatStatus Y registered, N not registered (RegistrationDate is then "").
 */
public final class RdVatSimulator extends SimulatorServer {

    public static final String PATH = "/rd/vat/v1/registration";

    private final Companies companies;

    public RdVatSimulator(Companies companies, int port) {
        super("rd", port, SimulatorResponse.json(500, result("99", "Service error")));
        this.companies = companies;
        route("GET", PATH, this::registration);
    }

    @Override
    public RdVatSimulator start() {
        super.start();
        return this;
    }

    private SimulatorResponse registration(SimulatorRequest request) {
        Optional<String> tin = request.queryParam("TIN");
        if (tin.isEmpty() || !CitizenId.isValid(tin.get())) {
            return SimulatorResponse.json(400, result("11", "TIN invalid"));
        }
        return companies.find(tin.get())
                .map(c -> {
                    Map<String, Object> body = result("00", "OK");
                    body.put("Vat", vat(c));
                    return SimulatorResponse.json(200, body);
                })
                .orElseGet(() -> SimulatorResponse.json(404, result("10", "TIN not found")));
    }

    private static Map<String, Object> vat(Company c) {
        Map<String, Object> vat = new LinkedHashMap<>();
        vat.put("TIN", c.juristicId());
        vat.put("Name", c.nameTh());
        vat.put("BranchNo", "00000");
        vat.put("VatStatus", c.vatRegisteredOn() != null ? "Y" : "N");
        vat.put("RegistrationDate", c.vatRegisteredOn() != null ? BuddhistEra.format(c.vatRegisteredOn()) : "");
        vat.put("Province", c.province());
        return vat;
    }

    private static Map<String, Object> result(String code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("Code", code);
        body.put("Message", message);
        return body;
    }
}
