package org.saphan.simulators.dopa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.saphan.simulators.Http;
import org.saphan.simulators.http.FaultMode;
import org.saphan.simulators.population.SyntheticPopulation;

class DopaFaultModesTest {

    private static final String SOMCHAI = "?PID=1103000123455";

    private DopaCitizenSimulator dopa;

    @BeforeEach
    void start() {
        dopa = new DopaCitizenSimulator(SyntheticPopulation.standard(), 0).start();
    }

    @AfterEach
    void stop() {
        dopa.stop();
    }

    private HttpResponse<String> somchai() throws Exception {
        return Http.get(dopa.citizenProfileUrl() + SOMCHAI);
    }

    @Test
    void failAnswers500WithTheDopaErrorBody() throws Exception {
        dopa.faults().set(FaultMode.FAIL);
        HttpResponse<String> response = somchai();
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        assertThat(response.body()).isEqualTo("{\"RESULT_CODE\":\"99\",\"RESULT_DESC\":\"ระบบขัดข้อง\"}");
    }

    @Test
    void dropClosesTheConnectionWithoutAnyResponse() throws Exception {
        assertThat(somchai().statusCode()).isEqualTo(200); // leaves a pooled keep-alive connection behind
        dopa.faults().set(FaultMode.DROP);

        long start = System.nanoTime();
        assertThatThrownBy(this::somchai)
                .isInstanceOf(IOException.class)
                .isNotInstanceOf(HttpTimeoutException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(dopa.requestCount()).isGreaterThanOrEqualTo(2); // the JDK client may retry a GET once by itself

        dopa.faults().set(FaultMode.NONE);
        assertThat(somchai().statusCode()).isEqualTo(200);
    }

    @Test
    void slowDelaysEachAnswer() throws Exception {
        dopa.faults().set(FaultMode.SLOW, 600);
        long start = System.nanoTime();
        HttpResponse<String> response = somchai();
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(millis).isGreaterThanOrEqualTo(600);

        assertThatThrownBy(() -> Http.get(dopa.citizenProfileUrl() + SOMCHAI, Duration.ofMillis(200)))
                .isInstanceOf(HttpTimeoutException.class);

        dopa.faults().set(FaultMode.NONE);
        start = System.nanoTime();
        somchai();
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(600);
    }

    @Test
    void faultsSwitchOverHttp() throws Exception {
        String faults = dopa.baseUrl() + "/_sim/faults";

        assertThat(Http.postForm(faults, "mode=fail").statusCode()).isEqualTo(200);
        assertThat(somchai().statusCode()).isEqualTo(500);

        assertThat(Http.postForm(faults + "?mode=drop", "").statusCode()).isEqualTo(200);
        assertThat(Http.get(faults).body()).contains("\"mode\":\"drop\"");
        assertThatThrownBy(this::somchai).isInstanceOf(IOException.class);

        assertThat(Http.postForm(faults, "mode=slow&delayMs=400").statusCode()).isEqualTo(200);
        long start = System.nanoTime();
        assertThat(somchai().statusCode()).isEqualTo(200);
        assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(400);

        assertThat(Http.postForm(faults, "mode=none").statusCode()).isEqualTo(200);
        assertThat(Http.get(faults).body()).isEqualTo("{\"mode\":\"none\",\"delayMs\":400}");
        assertThat(somchai().statusCode()).isEqualTo(200);
    }
}
