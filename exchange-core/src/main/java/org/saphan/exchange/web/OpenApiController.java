package org.saphan.exchange.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.saphan.exchange.catalog.Catalog;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.function.Supplier;

/** {@code GET /api/v1/openapi.json}: the OpenAPI 3.1 description, generated from the catalog. */
@RestController
public class OpenApiController {

    private final ObjectNode document;

    public OpenApiController(Supplier<Catalog> catalog, OpenApiDocument builder) {
        this.document = builder.build(catalog.get()); // the catalog is fixed for the life of the process
    }

    @GetMapping(value = "/api/v1/openapi.json", produces = MediaType.APPLICATION_JSON_VALUE)
    public ObjectNode openApi() {
        return document;
    }
}
