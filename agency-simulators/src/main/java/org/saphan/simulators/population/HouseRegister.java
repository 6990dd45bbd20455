package org.saphan.simulators.population;

import java.util.HashMap;
import java.util.Map;

/**
 * Gives every address its 11-digit house code (รหัสประจำบ้าน): registrar office (4 digits), house serial (6),
 * check digit (1, a synthetic mod-11 digit). The same address always gets the same code. Also numbers the
 * disability cards each registrar office issues.
 */
final class HouseRegister {

    private final Map<Address, String> houseCodes = new HashMap<>();
    private final Map<String, Integer> nextHouseSerial = new HashMap<>();
    private final Map<String, Integer> nextCardSerial = new HashMap<>();

    String houseCode(String registrarCode, Address address) {
        return houseCodes.computeIfAbsent(address, a -> {
            int serial = nextHouseSerial.merge(registrarCode, 1, Integer::sum);
            String firstTen = registrarCode + Digits.padded(10_000 + serial, 6);
            return firstTen + checkDigit(firstTen);
        });
    }

    /** A disability card number: registrar office, Buddhist year of issue, serial, e.g. {@code 9011-2568-00001}. */
    String disabilityCardNumber(String registrarCode, int buddhistYear) {
        int serial = nextCardSerial.merge(registrarCode, 1, Integer::sum);
        return registrarCode + "-" + buddhistYear + "-" + Digits.padded(serial, 5);
    }

    static int checkDigit(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            sum += (digits.charAt(i) - '0') * (digits.length() + 1 - i);
        }
        return (11 - sum % 11) % 10;
    }
}
