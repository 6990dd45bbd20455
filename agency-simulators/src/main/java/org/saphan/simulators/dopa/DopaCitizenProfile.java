package org.saphan.simulators.dopa;

import java.util.LinkedHashMap;
import java.util.Map;
import org.saphan.simulators.calendar.BuddhistEra;
import org.saphan.simulators.population.Address;
import org.saphan.simulators.population.Gender;
import org.saphan.simulators.population.Person;

/** A person in DOPA's legacy citizen-profile fields, in DOPA's field order. */
final class DopaCitizenProfile {

    static final String SEX_MALE = "1";
    static final String SEX_FEMALE = "2";
    static final String NATIONALITY_THAI = "099";
    static final String STATUS_ALIVE = "0";
    static final String STATUS_DECEASED = "1";

    private DopaCitizenProfile() {
    }

    static Map<String, String> of(Person person) {
        Address address = person.address();
        Map<String, String> data = new LinkedHashMap<>();
        data.put("PID", person.citizenId());
        data.put("TITLE_DESC", person.titleTh());
        data.put("FNAME", person.firstNameTh());
        data.put("LNAME", person.lastNameTh());
        data.put("FNAME_EN", person.firstNameEn());
        data.put("LNAME_EN", person.lastNameEn());
        data.put("SEX", person.gender() == Gender.MALE ? SEX_MALE : SEX_FEMALE);
        data.put("BIRTH_DATE", BuddhistEra.format(person.birthDate()));
        data.put("NAT_CODE", NATIONALITY_THAI);
        data.put("HOUSE_NO", address.houseNo());
        data.put("MOO", address.moo());
        data.put("SOI", address.soi());
        data.put("ROAD", address.road());
        data.put("TAMBON_DESC", address.subdistrict());
        data.put("AMPHUR_DESC", address.district());
        data.put("PROVINCE_DESC", address.province());
        data.put("POSTCODE", address.postalCode());
        data.put("STATUS_CODE", person.deceased() ? STATUS_DECEASED : STATUS_ALIVE);
        return data;
    }
}
