package org.saphan.simulators.population;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.saphan.schemas.CitizenId;
import org.junit.jupiter.api.Test;

class SyntheticPopulationTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 21);
    private static final SyntheticPopulation POPULATION =
            new SyntheticPopulation(SyntheticPopulation.STANDARD_SIZE, SyntheticPopulation.STANDARD_SEED, AS_OF);

    private final List<Person> people = POPULATION.all();

    @Test
    void standardPopulationIsSharedAndHasFiveThousandPeople() {
        assertThat(SyntheticPopulation.standard()).isSameAs(SyntheticPopulation.standard());
        assertThat(SyntheticPopulation.standard().all()).hasSize(5_000);
        LocalDate today = LocalDate.now(SyntheticPopulation.THAILAND);
        assertThat(SyntheticPopulation.standard().asOf()).isBetween(today.minusDays(1), today);
    }

    @Test
    void everyCitizenIdIsValidAndUnique() {
        Set<String> seen = new HashSet<>();
        for (Person person : people) {
            assertThat(CitizenId.isValid(person.citizenId())).as("valid check digit").isTrue();
            assertThat(seen.add(person.citizenId())).as("unique").isTrue();
        }
        assertThat(seen).hasSize(5_000);
    }

    @Test
    void sameSeedAndDateGiveTheSamePeople() {
        SyntheticPopulation again = new SyntheticPopulation(5_000, SyntheticPopulation.STANDARD_SEED, AS_OF);
        assertThat(again.all()).isEqualTo(people);
        assertThat(again.unknownButValidCitizenId()).isEqualTo(POPULATION.unknownButValidCitizenId());

        SyntheticPopulation other = new SyntheticPopulation(5_000, SyntheticPopulation.STANDARD_SEED + 1, AS_OF);
        assertThat(other.all().subList(10, 20)).doesNotContainAnyElementsOf(people);
    }

    @Test
    void buildsFiveThousandPeopleWellUnderASecond() {
        long start = System.nanoTime();
        SyntheticPopulation fresh = new SyntheticPopulation(5_000, 42L, AS_OF);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(fresh.size()).isEqualTo(5_000);
        assertThat(millis).isLessThan(1_000);
    }

    @Test
    void findsEveryoneByCitizenId() {
        for (Person person : people) {
            assertThat(POPULATION.find(person.citizenId())).containsSame(person);
        }
        assertThat(POPULATION.find(null)).isEmpty();
        assertThat(POPULATION.find("not an id")).isEmpty();
    }

    @Test
    void unknownButValidCitizenIdIsValidAndBelongsToNoOne() {
        String unknown = POPULATION.unknownButValidCitizenId();
        assertThat(CitizenId.isValid(unknown)).isTrue();
        assertThat(POPULATION.find(unknown)).isEmpty();
        assertThat(people).noneMatch(p -> p.citizenId().equals(unknown));
    }

    @Test
    void firstDigitFollowsTheRegistrationEra() {
        LocalDate register1984 = LocalDate.of(1984, 1, 1);
        Map<Character, Integer> byCategory = new HashMap<>();
        for (Person person : people) {
            char category = person.citizenId().charAt(0);
            byCategory.merge(category, 1, Integer::sum);
            if (category == '1' || category == '2') {
                assertThat(person.birthDate()).isAfterOrEqualTo(register1984);
            } else {
                assertThat(category).isIn('3', '5', '8');
                assertThat(person.birthDate()).isBefore(register1984);
            }
        }
        assertThat(byCategory.get('1')).isGreaterThan(2_000);
        assertThat(byCategory.get('3')).isGreaterThan(1_000);
        assertThat(byCategory.getOrDefault('5', 0) + byCategory.getOrDefault('8', 0)).isBetween(10, 300);
    }

    @Test
    void titlesAgreeWithGenderAgeAndMaritalStatus() {
        for (Person person : people) {
            int age = person.ageOn(AS_OF);
            String expected;
            if (age < 15) {
                expected = person.gender() == Gender.MALE ? "เด็กชาย" : "เด็กหญิง";
            } else if (person.gender() == Gender.MALE) {
                expected = "นาย";
            } else {
                expected = person.maritalStatus() == MaritalStatus.MARRIED
                        || person.maritalStatus() == MaritalStatus.WIDOWED ? "นาง" : "นางสาว";
            }
            assertThat(person.titleTh()).isEqualTo(expected);
            if (age < 18) {
                assertThat(person.maritalStatus()).isEqualTo(MaritalStatus.SINGLE);
            }
        }
        assertThat(people).extracting(Person::titleTh).contains("นาย", "นาง", "นางสาว", "เด็กชาย", "เด็กหญิง");
    }

    @Test
    void namesAreThaiScriptWithUpperCaseRomanisation() {
        for (Person person : people) {
            assertThat(person.firstNameTh()).matches("[\\u0E00-\\u0E7F]+");
            assertThat(person.lastNameTh()).matches("[\\u0E00-\\u0E7F]+");
            assertThat(person.firstNameEn()).matches("[A-Z][A-Z-]*");
            assertThat(person.lastNameEn()).matches("[A-Z][A-Z-]*");
        }
        assertThat(people.stream().map(Person::lastNameTh).distinct().count()).isGreaterThanOrEqualTo(80);
        assertThat(people.stream().filter(p -> p.gender() == Gender.MALE).map(Person::firstNameTh).distinct().count())
                .isGreaterThanOrEqualTo(60);
        assertThat(people.stream().filter(p -> p.gender() == Gender.FEMALE).map(Person::firstNameTh).distinct().count())
                .isGreaterThanOrEqualTo(60);
    }

    @Test
    void nameTablesPairEachThaiNameWithOneRomanisation() {
        assertThat(ThaiNames.MALE_OLDER.size() + ThaiNames.MALE_YOUNGER.size()).isGreaterThanOrEqualTo(60);
        assertThat(ThaiNames.FEMALE_OLDER.size() + ThaiNames.FEMALE_YOUNGER.size()).isGreaterThanOrEqualTo(60);
        assertThat(ThaiNames.SURNAMES).hasSizeGreaterThanOrEqualTo(80);
        Map<String, String> romanOf = new HashMap<>();
        for (Person person : people) {
            assertThat(romanOf.computeIfAbsent("f" + person.firstNameTh(), k -> person.firstNameEn()))
                    .isEqualTo(person.firstNameEn());
            assertThat(romanOf.computeIfAbsent("l" + person.lastNameTh(), k -> person.lastNameEn()))
                    .isEqualTo(person.lastNameEn());
        }
    }

    @Test
    void agesSpreadFromNewbornsToCentenarians() {
        List<Integer> ages = people.stream().map(p -> p.ageOn(AS_OF)).toList();
        assertThat(ages).allMatch(age -> age >= 0 && age <= 100);
        assertThat(people).allMatch(p -> !p.birthDate().isAfter(AS_OF));
        assertThat(ages.stream().filter(age -> age < 1).count()).isBetween(20L, 150L);
        assertThat(ages.stream().filter(age -> age < 15).count() / 5_000.0).isBetween(0.12, 0.22);
        assertThat(ages.stream().filter(age -> age >= 60).count() / 5_000.0).isBetween(0.16, 0.28);
        assertThat(ages.stream().filter(age -> age >= 90).count()).isPositive();
    }

    @Test
    void aboutTwoPercentHaveDied() {
        double deceased = people.stream().filter(Person::deceased).count() / 5_000.0;
        assertThat(deceased).isCloseTo(0.02, within(0.008));
    }

    @Test
    void aboutFourPercentHoldADisabilityCard() {
        List<Person> disabled = people.stream().filter(p -> p.disability().isPresent()).toList();
        assertThat(disabled.size() / 5_000.0).isCloseTo(0.04, within(0.012));
        Set<String> cardNumbers = new HashSet<>();
        for (Person person : disabled) {
            Disability card = person.disability().orElseThrow();
            assertThat(card.cardNumber()).matches("[0-9]{4}-25[0-9]{2}-[0-9]{5}");
            assertThat(cardNumbers.add(card.cardNumber())).as("unique card number").isTrue();
            assertThat(card.cardIssueDate()).isAfterOrEqualTo(person.birthDate()).isBeforeOrEqualTo(AS_OF);
            assertThat(card.cardExpiryDate()).isEqualTo(card.cardIssueDate().plusYears(8).minusDays(1));
        }
        assertThat(disabled).extracting(p -> p.disability().orElseThrow().type())
                .contains(DisabilityType.PHYSICAL, DisabilityType.HEARING, DisabilityType.VISUAL,
                        DisabilityType.INTELLECTUAL, DisabilityType.AUTISM);
    }

    @Test
    void addressesComeFromRealLocalitiesWithBangkokInLegacyShape() {
        assertThat(Localities.ALL).hasSizeGreaterThanOrEqualTo(25);
        assertThat(Localities.ALL).filteredOn(Localities.Locality::inBangkok).hasSizeGreaterThanOrEqualTo(10);
        for (Person person : people) {
            Address address = person.address();
            assertThat(address.houseNo()).matches("[0-9]+(/[0-9]+)?");
            assertThat(address.moo()).matches("|[0-9]{1,2}");
            assertThat(address.soi()).isNotNull();
            assertThat(address.road()).isNotNull();
            assertThat(address.postalCode()).matches("[1-9][0-9]{4}");
            assertThat(Localities.ALL).anyMatch(l -> l.subdistrict().equals(address.subdistrict())
                    && l.district().equals(address.district()) && l.province().equals(address.province())
                    && l.postalCode().equals(address.postalCode()));
            if (address.inBangkok()) {
                assertThat(address.moo()).isEmpty();
                assertThat(address.postalCode()).startsWith("10");
            }
        }
        assertThat(people.stream().map(p -> p.address().subdistrict() + p.address().district()).distinct().count())
                .isGreaterThanOrEqualTo(25);
        assertThat(people).anyMatch(p -> p.address().road().isEmpty())
                .anyMatch(p -> !p.address().soi().isEmpty())
                .anyMatch(p -> !p.address().moo().isEmpty());
    }

    @Test
    void eachAddressHasExactlyOneElevenDigitHouseCode() {
        Map<Address, String> codeOf = new HashMap<>();
        Map<String, Address> addressOf = new HashMap<>();
        for (Person person : people) {
            String code = person.houseRegistrationNo();
            assertThat(code).matches("[0-9]{11}");
            assertThat(HouseRegister.checkDigit(code.substring(0, 10))).isEqualTo(code.charAt(10) - '0');
            assertThat(codeOf.computeIfAbsent(person.address(), a -> code)).isEqualTo(code);
            assertThat(addressOf.computeIfAbsent(code, c -> person.address())).isEqualTo(person.address());
        }
        assertThat(codeOf.size()).as("households").isBetween(1_000, 3_000);
    }

    @Test
    void personNeverPrintsPersonalData() {
        Person someone = people.get(100);
        assertThat(someone.toString()).doesNotContain(someone.citizenId()).doesNotContain(someone.firstNameTh());
    }
}
