package org.saphan.schemas;

import java.util.regex.Pattern;

/** A catalog service: {@code PROVIDER/service-code/vN}, for example {@code DOPA/citizen-profile/v1}. */
public record ServiceId(String provider, String code, String version) {

    private static final Pattern PROVIDER = Pattern.compile(Identifiers.AGENCY);
    private static final Pattern CODE = Pattern.compile("[a-z0-9-]{1,40}");
    private static final Pattern VERSION = Pattern.compile("v[1-9][0-9]{0,3}");

    public ServiceId {
        if (!isWellFormed(provider, code, version)) {
            throw new IllegalArgumentException("service id must be PROVIDER/service-code/vN");
        }
    }

    public static boolean isWellFormed(String provider, String code, String version) {
        return provider != null && code != null && version != null
                && PROVIDER.matcher(provider).matches()
                && CODE.matcher(code).matches()
                && VERSION.matcher(version).matches();
    }

    public static ServiceId parse(String value) {
        String[] parts = value == null ? new String[0] : value.split("/", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("service id must be PROVIDER/service-code/vN");
        }
        return new ServiceId(parts[0], parts[1], parts[2]);
    }

    @Override
    public String toString() {
        return provider + "/" + code + "/" + version;
    }
}
