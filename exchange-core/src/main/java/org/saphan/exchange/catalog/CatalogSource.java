package org.saphan.exchange.catalog;

import org.saphan.exchange.provider.ConnectorKind;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Finds the catalog file and the schema files it names through Spring's resource locations
 * ({@code classpath:}, {@code file:}); a schema path without a prefix is relative to the catalog file.
 */
public final class CatalogSource {

    private final ResourceLoader resources;
    private final UnaryOperator<String> placeholders;
    private final List<ConnectorKind> connectorKinds;

    public CatalogSource(ResourceLoader resources, UnaryOperator<String> placeholders, List<ConnectorKind> connectorKinds) {
        this.resources = resources;
        this.placeholders = placeholders;
        this.connectorKinds = connectorKinds;
    }

    public Catalog load(String location) {
        Resource catalogFile = resources.getResource(location);
        if (!catalogFile.exists()) {
            throw new CatalogException(location, List.of("catalog file not found (set saphan.catalog.location)"));
        }
        String text;
        try (InputStream in = catalogFile.getInputStream()) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("catalog " + location + " cannot be read", e);
        }
        CatalogLoader.Resources schemaFiles = name -> open(catalogFile, name);
        return new CatalogLoader(schemaFiles, placeholders, connectorKinds).load(location, text);
    }

    private InputStream open(Resource catalogFile, String name) {
        try {
            Resource r = name.contains(":") ? resources.getResource(name) : catalogFile.createRelative(name);
            return r.exists() ? r.getInputStream() : null;
        } catch (IOException e) {
            return null;
        }
    }
}
