package org.saphan.simulators.soap;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.apache.cxf.jaxws.JaxWsProxyFactoryBean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.saphan.schemas.CitizenId;
import org.saphan.simulators.AgencySimulators;
import org.saphan.simulators.business.Company;
import org.saphan.simulators.cgd.ws.CgdFault_Exception;
import org.saphan.simulators.cgd.ws.InquireWelfarePayments;
import org.saphan.simulators.cgd.ws.Payee;
import org.saphan.simulators.cgd.ws.WelfarePaymentPort;
import org.saphan.simulators.dopa.house.ws.DopaFault_Exception;
import org.saphan.simulators.dopa.house.ws.GetHouseRegistration;
import org.saphan.simulators.dopa.house.ws.House;
import org.saphan.simulators.dopa.house.ws.HouseRegistrationPort;
import org.saphan.simulators.http.FaultMode;
import org.saphan.simulators.population.Person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The SOAP simulators over real HTTP with a CXF client, and the business registries (DBD, RD). */
class SoapAndBusinessSimulatorsTest {

    static final String ADULT_MAN = "1103000123455";
    static final String NEWBORN = "1103000456781";
    static final String ELDERLY = "3301500012345";
    static final String WITH_DISABILITY = "1901100567895";
    static final String DECEASED = "3500100078907";

    static AgencySimulators simulators;
    static HouseRegistrationPort house;
    static WelfarePaymentPort cgd;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        simulators = AgencySimulators.startAll(AgencySimulators.Ports.ANY);
        house = client(HouseRegistrationPort.class, simulators.dopaHouse().serviceUrl());
        cgd = client(WelfarePaymentPort.class, simulators.cgd().serviceUrl());
    }

    @AfterAll
    static void stop() {
        simulators.close();
    }

    @AfterEach
    void clearFaults() {
        simulators.dopaHouse().faults().clear();
    }

    static <T> T client(Class<T> type, String url) {
        JaxWsProxyFactoryBean factory = new JaxWsProxyFactoryBean();
        factory.setServiceClass(type);
        factory.setAddress(url);
        return type.cast(factory.create());
    }

    static House houseOf(String pid) throws DopaFault_Exception {
        GetHouseRegistration request = new GetHouseRegistration();
        request.setPID(pid);
        return house.getHouseRegistration(request).getHOUSE();
    }

    static Payee payeeOf(String id) throws CgdFault_Exception {
        InquireWelfarePayments request = new InquireWelfarePayments();
        request.setCitizenID(id);
        return cgd.inquireWelfarePayments(request).getPayee();
    }

    @Test
    void aFatherAndHisNewbornSonShareOneHouseAndTheFatherOwnsIt() throws Exception {
        House father = houseOf(ADULT_MAN);
        House son = houseOf(NEWBORN);
        assertThat(son.getHOUSEID()).isEqualTo(father.getHOUSEID())
                .isEqualTo(simulators.population().find(ADULT_MAN).orElseThrow().houseRegistrationNo());
        assertThat(father.getHOUSESTATUS()).isEqualTo("1");
        assertThat(son.getHOUSESTATUS()).isEqualTo("2");
        assertThat(son.getMEMBERCOUNT()).isEqualTo(father.getMEMBERCOUNT());
        assertThat(Integer.parseInt(father.getMEMBERCOUNT())).isGreaterThanOrEqualTo(2);
        assertThat(father.getTAMBONDESC()).isEqualTo("ลาดยาว");
        // Buddhist era: the newborn moved in on the day he was born
        Person baby = simulators.population().find(NEWBORN).orElseThrow();
        assertThat(son.getMOVEINDATE()).isEqualTo(String.format("%04d%02d%02d", baby.birthDate().getYear() + 543,
                baby.birthDate().getMonthValue(), baby.birthDate().getDayOfMonth()));
        assertThat(houseOf(DECEASED).getHOUSESTATUS()).isEqualTo("3");
    }

    @Test
    void unknownAndInvalidCitizensAreDopaFaults() {
        assertThatThrownBy(() -> houseOf(simulators.population().unknownButValidCitizenId()))
                .isInstanceOfSatisfying(DopaFault_Exception.class, f -> assertThat(f.getFaultInfo().getRESULTCODE()).isEqualTo("04"));
        assertThatThrownBy(() -> houseOf("1103000123456"))
                .isInstanceOfSatisfying(DopaFault_Exception.class, f -> assertThat(f.getFaultInfo().getRESULTCODE()).isEqualTo("01"));
    }

    @Test
    void theSoapSimulatorHasTheFaultModesOfTheOthers() throws Exception {
        simulators.dopaHouse().faults().set(FaultMode.FAIL);
        assertThatThrownBy(() -> houseOf(ADULT_MAN)).isInstanceOf(jakarta.xml.ws.WebServiceException.class)
                .hasMessageContaining("system error");
        simulators.dopaHouse().faults().set(FaultMode.DROP);
        assertThatThrownBy(() -> houseOf(ADULT_MAN)).isInstanceOf(jakarta.xml.ws.WebServiceException.class);
        simulators.dopaHouse().faults().set(FaultMode.SLOW, 300);
        long started = System.nanoTime();
        assertThat(houseOf(ADULT_MAN).getPID()).isEqualTo(ADULT_MAN);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void publishesItsWsdl() throws Exception {
        HttpResponse<String> wsdl = HTTP.send(HttpRequest.newBuilder(URI.create(simulators.dopaHouse().serviceUrl() + "?wsdl")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(wsdl.statusCode()).isEqualTo(200);
        assertThat(wsdl.body()).contains("GetHouseRegistration").contains("http://linkage.dopa.go.th/house-registration/v1");
    }

    @Test
    void welfarePaymentsFollowFromThePerson() throws Exception {
        Payee elderly = payeeOf(ELDERLY); // 78 years old
        assertThat(elderly.getElderlyAllowanceAmt()).isEqualTo(700);
        assertThat(elderly.getPaymentStatus()).isEqualTo("A");
        assertThat(elderly.getLastPaymentDate()).hasSize(8);
        assertThat(payeeOf(NEWBORN).getChildSupportAmt()).isEqualTo(600);
        assertThat(payeeOf(WITH_DISABILITY).getDisabilityAllowanceAmt()).isEqualTo(800);
        Payee adult = payeeOf(ADULT_MAN);
        assertThat(adult.getElderlyAllowanceAmt() + adult.getDisabilityAllowanceAmt() + adult.getChildSupportAmt()).isZero();
        assertThat(adult.getPaymentStatus()).isEqualTo("N");
        assertThat(payeeOf(DECEASED).getPaymentStatus()).isEqualTo("S");
        assertThatThrownBy(() -> payeeOf(simulators.population().unknownButValidCitizenId()))
                .isInstanceOfSatisfying(CgdFault_Exception.class, f -> assertThat(f.getFaultInfo().getReturnCode()).isEqualTo("E404"));
    }

    @Test
    void companiesHaveValidJuristicIdsAndDirectorsFromThePopulation() throws Exception {
        assertThat(simulators.companies().all()).hasSize(300);
        for (Company c : simulators.companies().all()) {
            assertThat(CitizenId.isValid(c.juristicId())).isTrue();
            assertThat(c.juristicId()).startsWith("010");
            assertThat(c.directorCitizenIds()).isNotEmpty()
                    .allSatisfy(id -> assertThat(simulators.population().find(id)).isPresent());
        }
        Company demo = simulators.companies().all().get(0);
        assertThat(demo.juristicId()).isEqualTo("0105600000013");
        assertThat(simulators.companies().directedBy(ADULT_MAN)).contains(demo);

        HttpResponse<String> dbd = get(simulators.dbd().baseUrl() + "/dbd/api/juristic-person?JuristicID=" + demo.juristicId());
        assertThat(dbd.statusCode()).isEqualTo(200);
        assertThat(dbd.body()).contains("\"JuristicNameTH\":\"บริษัท ใจดี เทรดดิ้ง จำกัด\"").contains("\"RegisterDate\":\"25600515\"")
                .contains(ADULT_MAN);
        assertThat(get(simulators.dbd().baseUrl() + "/dbd/api/juristic-person?JuristicID=0105560000012").statusCode()).isEqualTo(400);
        HttpResponse<String> rd = get(simulators.rd().baseUrl() + "/rd/vat/v1/registration?TIN=" + demo.juristicId());
        assertThat(rd.body()).contains("\"VatStatus\":\"Y\"").contains("\"RegistrationDate\":\"25600701\"");
        Company partnership = simulators.companies().all().get(1);
        assertThat(get(simulators.rd().baseUrl() + "/rd/vat/v1/registration?TIN=" + partnership.juristicId()).body())
                .contains("\"VatStatus\":\"N\"");
    }

    static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
