package org.saphan.simulators.business;

import java.time.LocalDate;
import java.util.List;

/**
 * A synthetic juristic person as DBD registers it. Its directors are citizens of the same synthetic population;
 * the juristic ID doubles as its tax ID at RD, as for real Thai companies.
 *
 * @param type        {@code COMPANY_LIMITED} (บริษัทจำกัด), {@code PUBLIC_COMPANY} (บริษัทมหาชนจำกัด) or
 *                    {@code LIMITED_PARTNERSHIP} (ห้างหุ้นส่วนจำกัด)
 * @param vatRegisteredOn the date RD registered it for VAT, or null when it is not registered
 */
public record Company(
        String juristicId,
        String nameTh,
        String nameEn,
        String type,
        LocalDate registeredOn,
        long registeredCapitalThb,
        boolean dissolved,
        String province,
        List<String> directorCitizenIds,
        LocalDate vatRegisteredOn) {

    @Override
    public String toString() {
        return "Company[" + juristicId + "]"; // directors are people: never printed
    }
}
