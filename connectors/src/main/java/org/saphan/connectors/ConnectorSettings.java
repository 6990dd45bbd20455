package org.saphan.connectors;

import org.saphan.connectors.mapping.AnswerMapping;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;

/** Reading and checking the catalog settings that every connector kind shares (provider URL, mapping file). */
public final class ConnectorSettings {

    private ConnectorSettings() {
    }

    /** A setting as text; null when absent or blank, so "key:" without a value reads as missing. */
    public static String text(Map<String, Object> settings, String key) {
        Object v = settings.get(key);
        return v == null || String.valueOf(v).isBlank() ? null : String.valueOf(v);
    }

    /** Adds a problem unless {@code settings[key]} is an http or https URL with a host. */
    public static void checkHttpUrl(Map<String, Object> settings, String key, List<String> problems) {
        String value = text(settings, key);
        if (value == null) {
            problems.add(key + " is missing");
            return;
        }
        try {
            URI uri = URI.create(value);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                problems.add(key + " must be an http or https URL");
            }
        } catch (IllegalArgumentException e) {
            problems.add(key + " is not a URL");
        }
    }

    /** Reads a service's answer mapping file; an {@link IllegalArgumentException} names the file when it cannot. */
    public static AnswerMapping readMapping(ResourceLoader resources, String location) {
        Resource r = resources.getResource(location);
        if (!r.exists()) {
            throw new IllegalArgumentException("mapping file not found: " + location);
        }
        try (InputStream in = r.getInputStream()) {
            return AnswerMapping.read(location, in);
        } catch (IOException e) {
            throw new IllegalArgumentException("mapping file not readable: " + location);
        }
    }
}
