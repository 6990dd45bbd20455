package org.saphan.exchange.testing;

import org.saphan.exchange.catalog.Catalog;
import org.saphan.exchange.catalog.CatalogLoader;
import org.saphan.exchange.provider.ConnectorKind;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Loads the exchange-core test catalog with a connector kind {@code test} that accepts any settings. */
public final class TestCatalogs {

    /** A connector kind for tests of the core, which knows no real connector. */
    public static final ConnectorKind TEST_KIND = new ConnectorKind() {
        @Override
        public String kind() {
            return "test";
        }

        @Override
        public void check(String serviceId, Map<String, Object> settings, List<String> problems) {
            if (settings.containsKey("broken")) {
                problems.add("broken is not a setting of the test kind");
            }
        }
    };

    private TestCatalogs() {
    }

    public static String text() {
        try (InputStream in = TestCatalogs.class.getResourceAsStream("/catalog/test-catalog.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static CatalogLoader loader() {
        return new CatalogLoader(name -> TestCatalogs.class.getResourceAsStream("/" + name.replace("classpath:", "")),
                s -> s.replace("${dopa.url}", "http://127.0.0.1:1"), List.of(TEST_KIND));
    }

    public static Catalog standard() {
        return loader().load("test-catalog.yaml", text());
    }
}
