package org.saphan.simulators.dbd;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.saphan.schemas.CitizenId;
import org.saphan.simulators.business.Companies;
import org.saphan.simulators.business.Company;
import org.saphan.simulators.calendar.BuddhistEra;
import org.saphan.simulators.http.SimulatorRequest;
import org.saphan.simulators.http.SimulatorResponse;
import org.saphan.simulators.http.SimulatorServer;
import org.saphan.simulators.population.SyntheticPopulation;

/**
 * DBD (Department of Business Development, กรมพัฒนาธุรกิจการค้า) juristic-person inquiry, a REST service:
 *
 * <pre>
 * GET /dbd/api/juristic-person?JuristicID=0105600000013
 * 200 {"ResultCode":"1000","ResultMessage":"Success","Data":{"JuristicID":..., "JuristicType":"5", "RegisterDate":"25600515", ...}}
 * 404 {"ResultCode":"2004","ResultMessage":"Data not found"}
 * 400 {"ResultCode":"2001","ResultMessage":"Invalid juristic id"}        not 13 digits or a bad check digit
 * 500 {"ResultCode":"9999","ResultMessage":"Internal error"}             fault mode fail
 * </pre>
 * JuristicType: 3 limited partnership, 5 company limited, 7 public company. JuristicStatus: 001 active, 003
 * dissolved. Committees are the directors, citizens of the shared population.
 */
public final class DbdJuristicSimulator extends SimulatorServer {

    public static final String PATH = "/dbd/api/juristic-person";

    private final Companies companies;
    private final SyntheticPopulation population;

    public DbdJuristicSimulator(SyntheticPopulation population, Companies companies, int port) {
        super("dbd", port, SimulatorResponse.json(500, result("9999", "Internal error")));
        this.population = population;
        this.companies = companies;
        route("GET", PATH, this::juristicPerson);
    }

    @Override
    public DbdJuristicSimulator start() {
        super.start();
        return this;
    }

    private SimulatorResponse juristicPerson(SimulatorRequest request) {
        Optional<String> id = request.queryParam("JuristicID");
        if (id.isEmpty() || !CitizenId.isValid(id.get())) {
            return SimulatorResponse.json(400, result("2001", "Invalid juristic id"));
        }
        return companies.find(id.get())
                .map(c -> {
                    Map<String, Object> body = result("1000", "Success");
                    body.put("Data", data(c));
                    return SimulatorResponse.json(200, body);
                })
                .orElseGet(() -> SimulatorResponse.json(404, result("2004", "Data not found")));
    }

    private Map<String, Object> data(Company c) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("JuristicID", c.juristicId());
        data.put("JuristicNameTH", c.nameTh());
        data.put("JuristicNameEN", c.nameEn());
        data.put("JuristicType", switch (c.type()) {
            case "PUBLIC_COMPANY" -> "7";
            case "LIMITED_PARTNERSHIP" -> "3";
            default -> "5";
        });
        data.put("RegisterDate", BuddhistEra.format(c.registeredOn()));
        data.put("RegisterCapital", String.valueOf(c.registeredCapitalThb()));
        data.put("JuristicStatus", c.dissolved() ? "003" : "001");
        data.put("ProvinceName", c.province());
        List<Map<String, String>> committees = c.directorCitizenIds().stream().map(id -> {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("CitizenID", id);
            m.put("FullNameTH", population.find(id).map(p -> p.fullNameTh()).orElse(""));
            return m;
        }).toList();
        data.put("CommitteeCount", String.valueOf(committees.size()));
        data.put("Committees", committees);
        return data;
    }

    private static Map<String, Object> result(String code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ResultCode", code);
        body.put("ResultMessage", message);
        return body;
    }
}
