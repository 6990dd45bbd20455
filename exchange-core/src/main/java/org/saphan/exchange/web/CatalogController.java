package org.saphan.exchange.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.saphan.exchange.catalog.Catalog;
import org.saphan.exchange.catalog.ServiceDefinition;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Comparator;
import java.util.function.Supplier;

/**
 * {@code GET /api/v1/catalog}: the services agencies can integrate with and their metadata. Public,
 * like a data catalog: no secrets, no client list, no provider addresses.
 */
@RestController
public class CatalogController {

    private final Supplier<Catalog> catalog;
    private final ObjectMapper json;

    public CatalogController(Supplier<Catalog> catalog, ObjectMapper json) {
        this.catalog = catalog;
        this.json = json;
    }

    @GetMapping(value = "/api/v1/catalog", produces = MediaType.APPLICATION_JSON_VALUE)
    public ObjectNode catalog() {
        Catalog c = catalog.get();
        ObjectNode root = json.createObjectNode();
        ArrayNode agencies = root.putArray("agencies");
        c.agencies().stream().sorted(Comparator.comparing(a -> a.code())).forEach(a ->
                agencies.addObject().put("code", a.code()).put("nameTh", a.nameTh()).put("nameEn", a.nameEn()));
        ArrayNode purposes = root.putArray("purposes");
        c.purposes().stream().sorted(Comparator.comparing(p -> p.code())).forEach(p ->
                purposes.addObject().put("code", p.code()).put("titleTh", p.titleTh()).put("titleEn", p.titleEn()));
        ArrayNode services = root.putArray("services");
        c.services().stream().sorted(Comparator.comparing(s -> s.id().toString()))
                .forEach(s -> services.add(describe(s)));
        return root;
    }

    private ObjectNode describe(ServiceDefinition s) {
        ObjectNode node = json.createObjectNode();
        node.put("id", s.id().toString());
        node.put("provider", s.provider());
        node.put("titleTh", s.titleTh());
        node.put("titleEn", s.titleEn());
        if (s.description() != null) {
            node.put("description", s.description());
        }
        node.put("endpoint", "/api/v1/exchange/" + s.id());
        node.put("publicDataSet", s.isPublicDataSet());
        s.purposes().stream().sorted().forEach(node.putArray("purposes")::add);
        ObjectNode fields = node.putObject("fields");
        s.fields().forEach((path, cls) -> fields.put(path, cls.code()));
        node.put("timeoutMs", s.connector().timeout().toMillis());
        ServiceDefinition.Metadata m = s.metadata();
        node.putObject("metadata").put("owner", m.owner()).put("dataCategory", m.dataCategory())
                .put("updateFrequency", m.updateFrequency()).put("maintainer", m.maintainer());
        node.set("requestSchema", s.requestSchema().document());
        node.set("responseSchema", s.responseSchema().document());
        return node;
    }
}
