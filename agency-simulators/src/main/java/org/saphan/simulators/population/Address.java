package org.saphan.simulators.population;

/**
 * A house-register address. Names carry no prefix (ตำบล/แขวง, อำเภอ/เขต, จังหวัด); {@link #inBangkok()} tells
 * which prefixes apply. An absent moo, soi or road is the empty string, never null.
 */
public record Address(
        String houseNo,
        String moo,
        String soi,
        String road,
        String subdistrict,
        String district,
        String province,
        String postalCode) {

    public static final String BANGKOK = "กรุงเทพมหานคร";

    public boolean inBangkok() {
        return BANGKOK.equals(province);
    }

    /** The address written out in Thai the way a house register prints it. */
    public String formattedTh() {
        StringBuilder line = new StringBuilder(houseNo);
        if (!moo.isEmpty()) {
            line.append(" หมู่ที่ ").append(moo);
        }
        if (!soi.isEmpty()) {
            line.append(" ซอย").append(soi);
        }
        if (!road.isEmpty()) {
            line.append(" ถนน").append(road);
        }
        if (inBangkok()) {
            line.append(" แขวง").append(subdistrict).append(" เขต").append(district).append(' ').append(province);
        } else {
            line.append(" ตำบล").append(subdistrict).append(" อำเภอ").append(district).append(" จังหวัด").append(province);
        }
        return line.append(' ').append(postalCode).toString();
    }
}
