package org.saphan.connectors.soap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.saphan.connectors.mapping.AnswerMapping;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Recorded native answers of the SOAP and the new REST providers, through their mapping files. */
class NewProviderSamplesTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static AnswerMapping mapping(String path) {
        try (InputStream in = NewProviderSamplesTest.class.getResourceAsStream("/mappings/" + path)) {
            return AnswerMapping.read(path, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sample(String path) {
        try (InputStream in = NewProviderSamplesTest.class.getResourceAsStream("/samples/" + path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static final AnswerMapping HOUSE = mapping("DOPA/house-registration/v1.yaml");
    static final AnswerMapping CGD = mapping("CGD/welfare-payments/v1.yaml");
    static final AnswerMapping DBD = mapping("DBD/juristic-person/v1.yaml");
    static final AnswerMapping RD = mapping("RD/vat-registration/v1.yaml");

    @Test
    void dopaHouseOwnerWithBuddhistEraMoveInDate() throws Exception {
        JsonNode answer = XmlTree.parse(sample("DOPA/house-registration/found-house-owner.xml"));
        assertThat(HOUSE.outcomeOf(answer)).isEqualTo(AnswerMapping.Outcome.Kind.FOUND);
        assertThat(HOUSE.apply(answer)).isEqualTo(JSON.readTree("""
                {"citizenId":"1103000123455","houseRegistrationNo":"10300100019","householdRole":"owner","memberCount":2,
                 "movedInOn":"2020-04-15","address":{"houseNo":"99/1","soi":"งามวงศ์วาน 23","road":"งามวงศ์วาน",
                 "subdistrict":"ลาดยาว","district":"จตุจักร","province":"กรุงเทพมหานคร","postalCode":"10900"}}"""));
    }

    @Test
    void dopaNewbornSharesTheHouseAndTheDeceasedIsStruckOff() {
        JsonNode owner = HOUSE.apply(XmlTree.parse(sample("DOPA/house-registration/found-house-owner.xml")));
        JsonNode son = HOUSE.apply(XmlTree.parse(sample("DOPA/house-registration/found-newborn-resident.xml")));
        assertThat(son.get("houseRegistrationNo")).isEqualTo(owner.get("houseRegistrationNo"));
        assertThat(son.get("householdRole").asText()).isEqualTo("resident");
        JsonNode deceased = HOUSE.apply(XmlTree.parse(sample("DOPA/house-registration/found-deceased-struck-off.xml")));
        assertThat(deceased.get("householdRole").asText()).isEqualTo("struck-off");
    }

    @Test
    void aDeclaredNotFoundFaultReadsAsNotFound() {
        JsonNode fault = XmlTree.parse(sample("DOPA/house-registration/fault-not-found.xml"));
        assertThat(HOUSE.outcomeOf(fault)).isEqualTo(AnswerMapping.Outcome.Kind.NOT_FOUND);
        assertThat(CGD.outcomeOf(XmlTree.parse(sample("CGD/fault-not-found.xml")))).isEqualTo(AnswerMapping.Outcome.Kind.NOT_FOUND);
        // an undeclared soap:Server fault has no result code: neither found nor not found
        assertThat(CGD.outcomeOf(XmlTree.parse(sample("CGD/fault-system-error.xml")))).isEqualTo(AnswerMapping.Outcome.Kind.OTHER);
    }

    @Test
    void cgdAllowancesAsNumbersAndCodesAsWords() throws Exception {
        assertThat(CGD.apply(XmlTree.parse(sample("CGD/found-elderly.xml")))).isEqualTo(JSON.readTree("""
                {"citizenId":"3301500012345","elderlyAllowanceThb":700,"disabilityAllowanceThb":0,"childSupportThb":0,
                 "paymentStatus":"active","lastPaymentDate":"2026-11-10"}"""));
        JsonNode none = CGD.apply(XmlTree.parse(sample("CGD/found-no-payments.xml")));
        assertThat(none.get("paymentStatus").asText()).isEqualTo("none");
        assertThat(none.has("lastPaymentDate")).isFalse(); // "" means no date
        assertThat(CGD.apply(XmlTree.parse(sample("CGD/found-newborn.xml"))).get("childSupportThb").asInt()).isEqualTo(600);
    }

    @Test
    void dbdCompanyWithoutItsDirectorsPersonalData() throws Exception {
        JsonNode company = DBD.apply(JSON.readTree(sample("DBD/found-company.json")));
        assertThat(company).isEqualTo(JSON.readTree("""
                {"juristicId":"0105600000013","nameTh":"บริษัท ใจดี เทรดดิ้ง จำกัด","nameEn":"JAIDEE TRADING CO., LTD.",
                 "type":"company-limited","registrationDate":"2017-05-15","registeredCapitalThb":5000000,"status":"active",
                 "province":"กรุงเทพมหานคร","directorCount":1}"""));
        assertThat(company.toString()).doesNotContain("1103000123455");
        assertThat(DBD.apply(JSON.readTree(sample("DBD/found-dissolved-partnership.json"))).get("status").asText()).isEqualTo("dissolved");
        assertThat(DBD.outcomeOf(JSON.readTree(sample("DBD/not-found-404.json")))).isEqualTo(AnswerMapping.Outcome.Kind.NOT_FOUND);
    }

    @Test
    void rdVatStatus() throws Exception {
        JsonNode registered = RD.apply(JSON.readTree(sample("RD/found-vat-registered.json")));
        assertThat(registered.get("vatStatus").asText()).isEqualTo("registered");
        assertThat(registered.get("vatRegistrationDate").asText()).isEqualTo("2017-07-01");
        JsonNode not = RD.apply(JSON.readTree(sample("RD/found-not-registered.json")));
        assertThat(not.get("vatStatus").asText()).isEqualTo("not-registered");
        assertThat(not.has("vatRegistrationDate")).isFalse();
    }

    @Test
    void xmlTreeRefusesDoctypes() {
        assertThatThrownBy(() -> XmlTree.parse("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
