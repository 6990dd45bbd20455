package org.saphan.simulators.population;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.saphan.simulators.calendar.BuddhistEra;
import org.saphan.simulators.population.Localities.Locality;
import org.saphan.simulators.population.ThaiNames.Name;

/**
 * Enumerates synthetic households: people living alone, couples, parents with children, and three-generation
 * households. Everyone in a household shares the address and house code; most share the surname.
 */
final class Census {

    /** ownSurname: an in-law (the wife's parents), who keeps their own family name. */
    private record Member(Gender gender, int age, MaritalStatus maritalStatus, boolean ownSurname) {
    }

    private final SplittableRandom random;
    private final LocalDate asOf;
    private final CitizenIdIssuer ids;
    private final HouseRegister register;

    Census(SplittableRandom random, LocalDate asOf, CitizenIdIssuer ids, HouseRegister register) {
        this.random = random;
        this.asOf = asOf;
        this.ids = ids;
        this.register = register;
    }

    List<Person> enumerate(int count) {
        List<Person> people = new ArrayList<>(count);
        while (people.size() < count) {
            Locality locality = pick(Localities.ALL);
            Address address = address(locality);
            String houseCode = register.houseCode(locality.registrarCode(), address);
            Name surname = pick(ThaiNames.SURNAMES);
            Name inLawSurname = pick(ThaiNames.SURNAMES);
            for (Member member : household()) {
                if (people.size() == count) {
                    break;
                }
                Name lastName = member.ownSurname() ? inLawSurname : surname;
                people.add(person(member, lastName, locality, address, houseCode));
            }
        }
        return people;
    }

    private List<Member> household() {
        double kind = random.nextDouble();
        List<Member> members = new ArrayList<>(6);
        if (kind < 0.20) {
            int age = AgePyramid.sample(random, random.nextBoolean() ? 60 : 18, AgePyramid.MAX_AGE);
            members.add(new Member(gender(), age, unpartnered(age), false));
        } else if (kind < 0.38) {
            addCouple(members, AgePyramid.sample(random, random.nextDouble() < 0.4 ? 60 : 22, AgePyramid.MAX_AGE));
        } else if (kind < 0.80) {
            int motherAge = AgePyramid.sample(random, 20, 56);
            if (random.nextDouble() < 0.85) {
                addCouple(members, motherAge + random.nextInt(-2, 7), motherAge);
            } else {
                members.add(new Member(Gender.FEMALE, motherAge, random.nextBoolean()
                        ? MaritalStatus.DIVORCED : MaritalStatus.WIDOWED, false));
            }
            addChildren(members, motherAge, 1 + random.nextInt(3));
        } else {
            int elderAge = AgePyramid.sample(random, 60, AgePyramid.MAX_AGE);
            boolean elderIsInLaw = random.nextBoolean();
            if (random.nextDouble() < 0.45) {
                members.add(new Member(Gender.MALE, elderAge, MaritalStatus.MARRIED, elderIsInLaw));
                members.add(new Member(Gender.FEMALE, Math.max(60, elderAge - random.nextInt(6)),
                        MaritalStatus.MARRIED, elderIsInLaw));
            } else {
                members.add(new Member(gender(), elderAge, MaritalStatus.WIDOWED, elderIsInLaw));
            }
            int middleAge = Math.max(20, elderAge - 22 - random.nextInt(17));
            addCouple(members, middleAge + random.nextInt(0, 4), middleAge);
            addChildren(members, middleAge, random.nextInt(4));
        }
        return members;
    }

    private void addCouple(List<Member> members, int husbandAge) {
        addCouple(members, husbandAge, Math.max(18, husbandAge - random.nextInt(6)));
    }

    private void addCouple(List<Member> members, int husbandAge, int wifeAge) {
        members.add(new Member(Gender.MALE, Math.min(AgePyramid.MAX_AGE, Math.max(18, husbandAge)),
                MaritalStatus.MARRIED, false));
        members.add(new Member(Gender.FEMALE, wifeAge, MaritalStatus.MARRIED, false));
    }

    private void addChildren(List<Member> members, int motherAge, int children) {
        for (int i = 0; i < children; i++) {
            int age = motherAge - 18 - random.nextInt(23);
            if (age >= 0) {
                members.add(new Member(gender(), age, MaritalStatus.SINGLE, false));
            }
        }
    }

    private MaritalStatus unpartnered(int age) {
        double u = random.nextDouble();
        if (age < 25) {
            return MaritalStatus.SINGLE;
        }
        if (age < 40) {
            return u < 0.75 ? MaritalStatus.SINGLE : MaritalStatus.DIVORCED;
        }
        if (age < 60) {
            return u < 0.45 ? MaritalStatus.SINGLE : u < 0.80 ? MaritalStatus.DIVORCED : MaritalStatus.WIDOWED;
        }
        return u < 0.65 ? MaritalStatus.WIDOWED : u < 0.80 ? MaritalStatus.SINGLE : MaritalStatus.DIVORCED;
    }

    private Person person(Member member, Name lastName, Locality locality, Address address, String houseCode) {
        LocalDate birthDate = asOf.minusYears(member.age()).minusDays(random.nextInt(365));
        Name firstName = pick(ThaiNames.given(member.gender(), birthDate.getYear() < 1980));
        String registrar = random.nextDouble() < 0.7 ? locality.registrarCode() : pick(Localities.ALL).registrarCode();
        String citizenId = ids.issue(random, birthDate, registrar);
        return new Person(citizenId, Titles.of(member.gender(), member.age(), member.maritalStatus()),
                firstName.th(), lastName.th(), firstName.en(), lastName.en(), member.gender(), birthDate,
                member.maritalStatus(), address, houseCode, lifeStatus(member.age()),
                disability(member.age(), birthDate, locality.registrarCode()));
    }

    private LifeStatus lifeStatus(int age) {
        double risk = age < 60 ? 0.01 : age < 80 ? 0.05 : 0.15;
        return random.nextDouble() < risk ? LifeStatus.DECEASED : LifeStatus.ALIVE;
    }

    private Optional<Disability> disability(int age, LocalDate birthDate, String registrarCode) {
        double prevalence = age < 18 ? 0.015 : age < 40 ? 0.025 : age < 60 ? 0.04 : age < 80 ? 0.075 : 0.14;
        if (random.nextDouble() >= prevalence) {
            return Optional.empty();
        }
        long sinceBirth = ChronoUnit.DAYS.between(birthDate, asOf);
        LocalDate issued = asOf.minusDays(random.nextLong(Math.min(sinceBirth, 10L * 365) + 1));
        String cardNumber = register.disabilityCardNumber(registrarCode, BuddhistEra.toBuddhistYear(issued.getYear()));
        return Optional.of(new Disability(disabilityType(age), cardNumber, issued,
                issued.plusYears(Disability.CARD_VALIDITY_YEARS).minusDays(1)));
    }

    private DisabilityType disabilityType(int age) {
        double u = random.nextDouble();
        if (age < 18) {
            return u < 0.3 ? DisabilityType.AUTISM : u < 0.6 ? DisabilityType.INTELLECTUAL
                    : u < 0.8 ? DisabilityType.LEARNING : u < 0.9 ? DisabilityType.HEARING : DisabilityType.PHYSICAL;
        }
        if (age < 60) {
            return u < 0.45 ? DisabilityType.PHYSICAL : u < 0.57 ? DisabilityType.HEARING
                    : u < 0.67 ? DisabilityType.VISUAL : u < 0.79 ? DisabilityType.MENTAL
                    : u < 0.93 ? DisabilityType.INTELLECTUAL : u < 0.96 ? DisabilityType.LEARNING : DisabilityType.AUTISM;
        }
        return u < 0.55 ? DisabilityType.PHYSICAL : u < 0.77 ? DisabilityType.HEARING
                : u < 0.94 ? DisabilityType.VISUAL : DisabilityType.MENTAL;
    }

    private Address address(Locality locality) {
        if (locality.urban()) {
            String houseNo = (1 + random.nextInt(locality.inBangkok() ? 1500 : 600))
                    + (random.nextBoolean() ? "/" + (1 + random.nextInt(80)) : "");
            String road = "";
            String soi = "";
            if (!locality.roads().isEmpty() && random.nextDouble() < 0.75) {
                road = pick(locality.roads());
                if (random.nextDouble() < 0.55) {
                    soi = road + " " + (1 + random.nextInt(60));
                    road = random.nextDouble() < 0.7 ? road : "";
                }
            }
            return new Address(houseNo, "", soi, road, locality.subdistrict(), locality.district(),
                    locality.province(), locality.postalCode());
        }
        String houseNo = (1 + random.nextInt(250)) + (random.nextDouble() < 0.2 ? "/" + (1 + random.nextInt(9)) : "");
        String moo = String.valueOf(1 + random.nextInt(15));
        String road = !locality.roads().isEmpty() && random.nextDouble() < 0.15 ? pick(locality.roads()) : "";
        return new Address(houseNo, moo, "", road, locality.subdistrict(), locality.district(),
                locality.province(), locality.postalCode());
    }

    private Gender gender() {
        return random.nextBoolean() ? Gender.MALE : Gender.FEMALE;
    }

    private <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }
}
