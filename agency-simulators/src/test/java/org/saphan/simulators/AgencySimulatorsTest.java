package org.saphan.simulators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.saphan.simulators.population.Person;
import org.saphan.simulators.population.SyntheticPopulation;

class AgencySimulatorsTest {

    @Test
    void startsDopaOnAFreePortWithTheStandardPopulationAndStopsOnClose() throws Exception {
        String url;
        try (AgencySimulators simulators = AgencySimulators.start(0)) {
            assertThat(simulators.population()).isSameAs(SyntheticPopulation.standard());
            assertThat(simulators.dopa().population()).isSameAs(SyntheticPopulation.standard());
            assertThat(simulators.dopa().port()).isPositive().isNotEqualTo(AgencySimulators.DEFAULT_DOPA_PORT);
            url = simulators.dopa().citizenProfileUrl() + "?PID=1103000123455";
            assertThat(Http.get(url).statusCode()).isEqualTo(200);
        }
        assertThatThrownBy(() -> Http.get(url)).isInstanceOf(IOException.class);
    }

    @Test
    void startsMsdhsBesideDopaOnItsOwnPort() throws Exception {
        String url;
        try (AgencySimulators simulators = AgencySimulators.start(0, 0)) {
            assertThat(simulators.msdhs().population()).isSameAs(simulators.population());
            assertThat(simulators.msdhs().port()).isPositive().isNotEqualTo(simulators.dopa().port());
            url = simulators.msdhs().disabilityCardUrl() + "?PERSON_ID=1901100567895";
            assertThat(Http.get(url).statusCode()).isEqualTo(200);
        }
        assertThatThrownBy(() -> Http.get(url)).isInstanceOf(IOException.class);
    }

    @Test
    void describesUrlsAndDemoCitizens() {
        try (AgencySimulators simulators = AgencySimulators.start(0)) {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            simulators.describe(new PrintStream(buffer, true, StandardCharsets.UTF_8));
            String text = buffer.toString(StandardCharsets.UTF_8);
            assertThat(text).contains(simulators.dopa().citizenProfileUrl());
            assertThat(text).contains(simulators.msdhs().disabilityCardUrl());
            for (Person demo : simulators.population().demoCitizens()) {
                assertThat(text).contains(demo.citizenId());
            }
            assertThat(text).contains(simulators.population().unknownButValidCitizenId());
        }
    }
}
