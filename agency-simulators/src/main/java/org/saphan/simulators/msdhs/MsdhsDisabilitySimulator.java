package org.saphan.simulators.msdhs;

import org.saphan.schemas.CitizenId;
import org.saphan.simulators.calendar.BuddhistEra;
import org.saphan.simulators.http.SimulatorRequest;
import org.saphan.simulators.http.SimulatorResponse;
import org.saphan.simulators.http.SimulatorServer;
import org.saphan.simulators.population.Disability;
import org.saphan.simulators.population.Person;
import org.saphan.simulators.population.SyntheticPopulation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * MSDHS's disability registry (Department of Empowerment of Persons with Disabilities, กรมส่งเสริมและ
 * พัฒนาคุณภาพชีวิตคนพิการ), in its legacy shape: upper-case field names, a four-digit status, Buddhist-era
 * {@code yyyyMMdd} dates, numeric disability types, and empty strings for a person with no card. Built from
 * {@link Person#disability()}, so it agrees with DOPA about the same people.
 *
 * <pre>
 * GET /dep/service/disability-card?PERSON_ID=1234567890123
 * 200 {"STATUS":"0000","MESSAGE":"พบข้อมูล","RECORD":{"PERSON_ID":..,"IS_DISABLED":"Y","DEFORM_ID":"3",..}}
 * 200 {"STATUS":"0000",...,"RECORD":{"PERSON_ID":..,"IS_DISABLED":"N","DEFORM_ID":"",..}}  registered citizen, no card
 * 404 {"STATUS":"0404","MESSAGE":"ไม่พบข้อมูลบุคคล"}                 no such person
 * 400 {"STATUS":"0400","MESSAGE":"เลขประจำตัวประชาชนไม่ถูกต้อง"}     PERSON_ID missing or invalid
 * 500 {"STATUS":"9999","MESSAGE":"ระบบขัดข้อง"}                      fault mode fail
 * </pre>
 */
public final class MsdhsDisabilitySimulator extends SimulatorServer {

    public static final String DISABILITY_CARD_PATH = "/dep/service/disability-card";
    static final String CARD_VALID = "1";
    static final String CARD_EXPIRED = "2";

    private final SyntheticPopulation population;

    public MsdhsDisabilitySimulator(SyntheticPopulation population, int port) {
        super("msdhs", port, status("9999", "ระบบขัดข้อง", 500));
        this.population = population;
        route("GET", DISABILITY_CARD_PATH, this::disabilityCard);
    }

    @Override
    public MsdhsDisabilitySimulator start() {
        super.start();
        return this;
    }

    public SyntheticPopulation population() {
        return population;
    }

    /** {@code baseUrl()} + the disability-card path, ready for {@code ?PERSON_ID=}. */
    public String disabilityCardUrl() {
        return baseUrl() + DISABILITY_CARD_PATH;
    }

    private SimulatorResponse disabilityCard(SimulatorRequest request) {
        Optional<String> pid = request.queryParam("PERSON_ID");
        if (pid.isEmpty() || !CitizenId.isValid(pid.get())) {
            return status("0400", "เลขประจำตัวประชาชนไม่ถูกต้อง", 400);
        }
        return population.find(pid.get())
                .map(person -> {
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("STATUS", "0000");
                    body.put("MESSAGE", "พบข้อมูล");
                    body.put("RECORD", record(person));
                    return SimulatorResponse.json(200, body);
                })
                .orElseGet(() -> status("0404", "ไม่พบข้อมูลบุคคล", 404));
    }

    private Map<String, String> record(Person person) {
        Map<String, String> r = new LinkedHashMap<>();
        r.put("PERSON_ID", person.citizenId());
        Optional<Disability> disability = person.disability();
        r.put("IS_DISABLED", disability.isPresent() ? "Y" : "N");
        r.put("DEFORM_ID", disability.map(d -> String.valueOf(d.type().code())).orElse(""));
        r.put("DEFORM_NAME", disability.map(d -> d.type().nameTh()).orElse(""));
        r.put("CARD_NO", disability.map(Disability::cardNumber).orElse(""));
        r.put("CARD_ISSUE", disability.map(d -> BuddhistEra.format(d.cardIssueDate())).orElse(""));
        r.put("CARD_EXPIRE", disability.map(d -> BuddhistEra.format(d.cardExpiryDate())).orElse(""));
        r.put("CARD_STATUS", disability.map(d -> d.cardValidOn(population.asOf()) ? CARD_VALID : CARD_EXPIRED).orElse(""));
        return r;
    }

    private static SimulatorResponse status(String code, String message, int httpStatus) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("STATUS", code);
        body.put("MESSAGE", message);
        return SimulatorResponse.json(httpStatus, body);
    }
}
