package org.saphan.simulators.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.saphan.simulators.Http;

class SimulatorServerTest {

    /** A minimal agency: echoes the {@code q} parameter; fails with its own legacy body. */
    static final class EchoAgency extends SimulatorServer {
        EchoAgency() {
            super("echo", 0, SimulatorResponse.text(500, "LEGACY-ERROR"));
            route("GET", "/echo", request -> SimulatorResponse.json(200, Map.of("q", request.queryParam("q").orElse(""))));
            route("GET", "/boom", request -> {
                throw new IllegalStateException("bug");
            });
        }
    }

    private EchoAgency agency;

    @BeforeEach
    void start() {
        agency = new EchoAgency();
        agency.start();
    }

    @AfterEach
    void stop() {
        agency.stop();
    }

    @Test
    void bindsLoopbackOnAFreePortAndAnswers() throws Exception {
        assertThat(agency.port()).isPositive();
        assertThat(agency.baseUrl()).isEqualTo("http://127.0.0.1:" + agency.port());
        HttpResponse<String> response = Http.get(agency.baseUrl() + "/echo?q=%E0%B8%AA%E0%B8%A1+1");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"q\":\"สม 1\"}");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
    }

    @Test
    void unknownPathIs404AndWrongMethodIs405() throws Exception {
        assertThat(Http.get(agency.baseUrl() + "/nowhere").statusCode()).isEqualTo(404);
        assertThat(Http.postForm(agency.baseUrl() + "/echo", "q=1").statusCode()).isEqualTo(405);
    }

    @Test
    void aSimulatorBugAnswersTheLegacyFailureWithoutKillingTheServer() throws Exception {
        HttpResponse<String> response = Http.get(agency.baseUrl() + "/boom");
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).isEqualTo("LEGACY-ERROR");
        assertThat(Http.get(agency.baseUrl() + "/echo?q=x").statusCode()).isEqualTo(200);
    }

    @Test
    void countsAgencyRequestsButNotControlCalls() throws Exception {
        Http.get(agency.baseUrl() + "/echo");
        Http.get(agency.baseUrl() + "/nowhere");
        Http.get(agency.baseUrl() + "/_sim/faults");
        Http.get(agency.baseUrl() + "/_sim/health");
        assertThat(agency.requestCount()).isEqualTo(2);
        agency.faults().set(FaultMode.FAIL);
        Http.get(agency.baseUrl() + "/echo");
        assertThat(agency.requestCount()).isEqualTo(3);
        agency.resetRequestCount();
        assertThat(agency.requestCount()).isZero();
    }

    @Test
    void faultsAreSwitchableInProcess() throws Exception {
        agency.faults().set(FaultMode.FAIL);
        assertThat(Http.get(agency.baseUrl() + "/echo").statusCode()).isEqualTo(500);
        agency.faults().clear();
        assertThat(Http.get(agency.baseUrl() + "/echo").statusCode()).isEqualTo(200);
    }

    @Test
    void faultEndpointShowsAndSwitchesTheMode() throws Exception {
        String faults = agency.baseUrl() + "/_sim/faults";
        assertThat(Http.get(faults).body()).isEqualTo("{\"mode\":\"none\",\"delayMs\":1000}");

        HttpResponse<String> changed = Http.postForm(faults, "mode=slow&delayMs=250");
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.body()).isEqualTo("{\"mode\":\"slow\",\"delayMs\":250}");
        assertThat(agency.faults().current()).isEqualTo(new Faults.Setting(FaultMode.SLOW, 250));

        assertThat(Http.postForm(faults + "?mode=FAIL", "").body()).isEqualTo("{\"mode\":\"fail\",\"delayMs\":250}");
        assertThat(agency.faults().mode()).isEqualTo(FaultMode.FAIL);
        assertThat(Http.get(faults).body()).isEqualTo("{\"mode\":\"fail\",\"delayMs\":250}");

        assertThat(Http.postForm(faults, "mode=none").statusCode()).isEqualTo(200);
        assertThat(agency.faults().mode()).isEqualTo(FaultMode.NONE);
    }

    @Test
    void faultEndpointRejectsNonsense() throws Exception {
        String faults = agency.baseUrl() + "/_sim/faults";
        assertThat(Http.postForm(faults, "mode=explode").statusCode()).isEqualTo(400);
        assertThat(Http.postForm(faults, "").statusCode()).isEqualTo(400);
        assertThat(Http.postForm(faults, "mode=slow&delayMs=-5").statusCode()).isEqualTo(400);
        assertThat(Http.postForm(faults, "mode=slow&delayMs=soon").statusCode()).isEqualTo(400);
        assertThat(agency.faults().mode()).isEqualTo(FaultMode.NONE);
    }

    @Test
    void controlEndpointsKeepWorkingWhileTheAgencyDrops() throws Exception {
        agency.faults().set(FaultMode.DROP);
        assertThat(Http.get(agency.baseUrl() + "/_sim/health").body()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(Http.postForm(agency.baseUrl() + "/_sim/faults", "mode=none").statusCode()).isEqualTo(200);
        assertThat(Http.get(agency.baseUrl() + "/echo").statusCode()).isEqualTo(200);
    }

    @Test
    void stopReleasesThePort() throws Exception {
        String url = agency.baseUrl() + "/echo";
        agency.stop();
        agency.stop();
        assertThatThrownBy(() -> Http.get(url)).isInstanceOf(IOException.class);
    }
}
