package org.saphan.simulators.dopa;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.saphan.schemas.CitizenId;
import org.saphan.simulators.http.SimulatorRequest;
import org.saphan.simulators.http.SimulatorResponse;
import org.saphan.simulators.http.SimulatorServer;
import org.saphan.simulators.population.Person;
import org.saphan.simulators.population.SyntheticPopulation;

/**
 * The DOPA (Department of Provincial Administration, กรมการปกครอง) civil-registration linkage service, in its
 * legacy shape: upper-case field names, Buddhist-era {@code yyyyMMdd} dates, numeric codes, and empty strings
 * (never absent fields) for an unknown moo, soi or road.
 *
 * <pre>
 * GET /dopa/linkage/citizen-profile?PID=1234567890123
 * 200 {"RESULT_CODE":"00","RESULT_DESC":"สำเร็จ","DATA":{"PID":..., "STATUS_CODE":"0"}}
 * 404 {"RESULT_CODE":"04","RESULT_DESC":"ไม่พบข้อมูล"}                    no such person
 * 400 {"RESULT_CODE":"01","RESULT_DESC":"เลขประจำตัวประชาชนไม่ถูกต้อง"}   PID missing, not 13 digits, bad check digit
 * 500 {"RESULT_CODE":"99","RESULT_DESC":"ระบบขัดข้อง"}                     fault mode fail
 * </pre>
 */
public final class DopaCitizenSimulator extends SimulatorServer {

    public static final String CITIZEN_PROFILE_PATH = "/dopa/linkage/citizen-profile";

    private final SyntheticPopulation population;

    public DopaCitizenSimulator(SyntheticPopulation population, int port) {
        super("dopa", port, DopaResult.SYSTEM_ERROR.response(500));
        this.population = population;
        route("GET", CITIZEN_PROFILE_PATH, this::citizenProfile);
    }

    @Override
    public DopaCitizenSimulator start() {
        super.start();
        return this;
    }

    public SyntheticPopulation population() {
        return population;
    }

    /** {@code baseUrl()} + the citizen-profile path, ready for {@code ?PID=}. */
    public String citizenProfileUrl() {
        return baseUrl() + CITIZEN_PROFILE_PATH;
    }

    private SimulatorResponse citizenProfile(SimulatorRequest request) {
        Optional<String> pid = request.queryParam("PID");
        if (pid.isEmpty() || !CitizenId.isValid(pid.get())) {
            return DopaResult.INVALID_PID.response(400);
        }
        return population.find(pid.get())
                .map(person -> SimulatorResponse.json(200, success(person)))
                .orElseGet(() -> DopaResult.NOT_FOUND.response(404));
    }

    private static Map<String, Object> success(Person person) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("RESULT_CODE", DopaResult.SUCCESS.code());
        body.put("RESULT_DESC", DopaResult.SUCCESS.description());
        body.put("DATA", DopaCitizenProfile.of(person));
        return body;
    }
}
