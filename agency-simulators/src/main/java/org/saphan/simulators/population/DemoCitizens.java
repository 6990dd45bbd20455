package org.saphan.simulators.population;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.saphan.simulators.calendar.BuddhistEra;
import org.saphan.simulators.population.Localities.Locality;
import org.saphan.simulators.population.ThaiNames.Name;

/**
 * The fixed people every population contains, whatever its seed: their IDs never change, so the README,
 * manual tests and other modules can name them. Birth dates are fixed too, except the newborn's, which is always
 * 74 days before the population's as-of date so that the newborn stays under one year old.
 */
final class DemoCitizens {

    static final String ADULT_MAN = CitizenIdIssuer.withCheckDigit("110300012345");
    static final String ADULT_WOMAN = CitizenIdIssuer.withCheckDigit("140010023456");
    static final String ELDERLY = CitizenIdIssuer.withCheckDigit("330150001234");
    static final String NEWBORN = CitizenIdIssuer.withCheckDigit("110300045678");
    static final String WITH_DISABILITY = CitizenIdIssuer.withCheckDigit("190110056789");
    static final String DECEASED = CitizenIdIssuer.withCheckDigit("350010007890");

    static final int NEWBORN_AGE_DAYS = 74;

    private DemoCitizens() {
    }

    static List<Person> enrol(LocalDate asOf, CitizenIdIssuer ids, HouseRegister register) {
        Locality latYao = Localities.find("ลาดยาว", "จตุจักร");
        Address jaideeHome = address(latYao, "99/1", "", "งามวงศ์วาน 23", "งามวงศ์วาน");
        String jaideeHouse = register.houseCode(latYao.registrarCode(), jaideeHome);

        Locality khonKaen = Localities.find("ในเมือง", "เมืองขอนแก่น");
        Address khonKaenHome = address(khonKaen, "123", "", "", "");

        Locality phimai = Localities.find("ในเมือง", "พิมาย");
        Address phimaiHome = address(phimai, "45", "7", "", "");

        Locality hatYai = Localities.find("หาดใหญ่", "หาดใหญ่");
        Address hatYaiHome = address(hatYai, "88/12", "", "", "นิพัทธ์อุทิศ 1");

        Locality siPhum = Localities.find("ศรีภูมิ", "เมืองเชียงใหม่");
        Address siPhumHome = address(siPhum, "17", "", "มูลเมือง 5", "มูลเมือง");

        LocalDate cardIssued = asOf.minusDays(400);
        Disability wheelchair = new Disability(DisabilityType.PHYSICAL,
                register.disabilityCardNumber(hatYai.registrarCode(), BuddhistEra.toBuddhistYear(cardIssued.getYear())),
                cardIssued, cardIssued.plusYears(Disability.CARD_VALIDITY_YEARS).minusDays(1));

        List<Person> demos = List.of(
                person(ADULT_MAN, Titles.MR, "สมชาย", "ใจดี", Gender.MALE, LocalDate.of(1989, 4, 15),
                        MaritalStatus.MARRIED, jaideeHome, jaideeHouse, LifeStatus.ALIVE, null),
                person(ADULT_WOMAN, Titles.MISS, "กมลชนก", "แสงทอง", Gender.FEMALE, LocalDate.of(1995, 8, 21),
                        MaritalStatus.SINGLE, khonKaenHome, register.houseCode(khonKaen.registrarCode(), khonKaenHome),
                        LifeStatus.ALIVE, null),
                person(ELDERLY, Titles.MRS, "บุญเรือน", "ทองดี", Gender.FEMALE, LocalDate.of(1948, 2, 10),
                        MaritalStatus.WIDOWED, phimaiHome, register.houseCode(phimai.registrarCode(), phimaiHome),
                        LifeStatus.ALIVE, null),
                person(NEWBORN, Titles.BOY, "ภูริ", "ใจดี", Gender.MALE, asOf.minusDays(NEWBORN_AGE_DAYS),
                        MaritalStatus.SINGLE, jaideeHome, jaideeHouse, LifeStatus.ALIVE, null),
                person(WITH_DISABILITY, Titles.MR, "ณัฐพล", "รัตนพันธ์", Gender.MALE, LocalDate.of(1992, 6, 30),
                        MaritalStatus.SINGLE, hatYaiHome, register.houseCode(hatYai.registrarCode(), hatYaiHome),
                        LifeStatus.ALIVE, wheelchair),
                person(DECEASED, Titles.MR, "สมศักดิ์", "แก้วมณี", Gender.MALE, LocalDate.of(1940, 5, 3),
                        MaritalStatus.MARRIED, siPhumHome, register.houseCode(siPhum.registrarCode(), siPhumHome),
                        LifeStatus.DECEASED, null));
        demos.forEach(p -> ids.reserve(p.citizenId()));
        return demos;
    }

    private static Address address(Locality locality, String houseNo, String moo, String soi, String road) {
        return new Address(houseNo, moo, soi, road, locality.subdistrict(), locality.district(),
                locality.province(), locality.postalCode());
    }

    private static Person person(String citizenId, String title, String firstNameTh, String lastNameTh,
                                 Gender gender, LocalDate birthDate, MaritalStatus maritalStatus, Address address,
                                 String houseCode, LifeStatus lifeStatus, Disability disability) {
        Name first = ThaiNames.given(firstNameTh);
        Name last = ThaiNames.surname(lastNameTh);
        return new Person(citizenId, title, first.th(), last.th(), first.en(), last.en(), gender, birthDate,
                maritalStatus, address, houseCode, lifeStatus, Optional.ofNullable(disability));
    }
}
