package org.saphan.exchange.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.saphan.exchange.catalog.Catalog;
import org.saphan.exchange.catalog.ServiceDefinition;
import org.saphan.schemas.LegalBasis;
import org.saphan.schemas.ProblemCode;

import java.util.Arrays;
import java.util.Comparator;

/**
 * The OpenAPI 3.1 description of the hub's API, generated from the catalog: one operation per
 * service with its request and response data-set schemas (OpenAPI 3.1 schemas are JSON Schema
 * 2020-12, so the catalog's schemas go in as they are), so agencies can generate clients.
 */
public final class OpenApiDocument {

    private final ObjectMapper json;

    public OpenApiDocument(ObjectMapper json) {
        this.json = json;
    }

    public ObjectNode build(Catalog catalog) {
        ObjectNode root = json.createObjectNode();
        root.put("openapi", "3.1.0");
        root.put("jsonSchemaDialect", "https://json-schema.org/draft/2020-12/schema");
        root.putObject("info")
                .put("title", "Saphan data-exchange hub")
                .put("version", "1")
                .put("description", "Standardised data exchange between government agencies. Every call needs a "
                        + "data sharing agreement; every answer is audited. Errors are RFC 9457 problem+json.");
        ObjectNode components = root.putObject("components");
        ObjectNode schemas = components.putObject("schemas");
        schemas.set("Problem", problemSchema());
        ObjectNode securitySchemes = components.putObject("securitySchemes");
        securitySchemes.putObject("clientCredentials").put("type", "oauth2").putObject("flows")
                .putObject("clientCredentials").put("tokenUrl", "/api/v1/auth/token").putObject("scopes");
        ObjectNode parameters = components.putObject("parameters");
        header(parameters, "Purpose", "X-Purpose", true, "Purpose code from the catalog", json.createObjectNode()
                .put("type", "string").put("pattern", "^[a-z0-9-]{1,40}$"));
        ObjectNode bases = json.createObjectNode().put("type", "string");
        Arrays.stream(LegalBasis.values()).forEach(b -> bases.withArray("enum").add(b.code()));
        header(parameters, "LegalBasis", "X-Legal-Basis", true, "PDPA legal basis code", bases);
        header(parameters, "ConsentId", "X-Consent-Id", false, "Consent record id, when the legal basis is consent",
                json.createObjectNode().put("type", "string"));
        header(parameters, "OfficerId", "X-Officer-Id", true, "The officer behind the call: 13-digit ID or a system name",
                json.createObjectNode().put("type", "string").put("maxLength", 64));
        header(parameters, "RequestId", "X-Request-Id", true, "UUID chosen by the caller; a repeat is refused",
                json.createObjectNode().put("type", "string").put("format", "uuid"));
        ObjectNode responses = components.putObject("responses");
        ObjectNode problemContent = json.createObjectNode();
        problemContent.putObject("application/problem+json").putObject("schema").put("$ref", "#/components/schemas/Problem");
        responses.putObject("Problem").put("description", "A refusal or failure, with the standard's code")
                .set("content", problemContent);

        ObjectNode paths = root.putObject("paths");
        paths.set("/api/v1/auth/token", tokenPath());
        paths.putObject("/api/v1/catalog").putObject("get").put("operationId", "getCatalog")
                .put("summary", "Services, purposes and agencies of the catalog")
                .putObject("responses").putObject("200").put("description", "The catalog");
        catalog.services().stream().sorted(Comparator.comparing(s -> s.id().toString()))
                .forEach(s -> addService(s, paths, schemas));
        addPlatformEndpoints(paths);
        return root;
    }

    /**
     * The hub's own endpoints beside the exchange: who may call each is in {@code x-saphan-role}; the
     * bodies are described in the README and docs/ (pdpa.md, audit.md), every refusal is a Problem.
     */
    private void addPlatformEndpoints(ObjectNode paths) {
        platform(paths, "post", "/api/v1/auth/revoke", "revokeToken", "Revoke the caller's own token (RFC 7009)", "any client");
        platform(paths, "get", "/.well-known/jwks.json", "getSigningKeys", "Public keys that verify X-Exchange-Signature", "public");
        platform(paths, "post", "/api/v1/keys/rotate", "rotateSigningKey", "Make a new active signing key", "operator");
        platform(paths, "get", "/api/v1/agreements", "listAgreements", "Data sharing agreements (filters: consumer, service)", "operator",
                "consumer", "service");
        platform(paths, "get", "/api/v1/agreements/matrix", "agreementMatrix", "Which consumer may reach which service today", "operator");
        platform(paths, "get", "/api/v1/agreements/{id}/record-of-processing", "recordOfProcessing",
                "PDPA s.39 record of processing of an agreement", "operator, auditor");
        platform(paths, "post", "/api/v1/clients/{agency}/{system}/revoke-tokens", "revokeClientTokens",
                "Revoke every token of a client system", "operator");
        platform(paths, "get", "/api/v1/usage", "usageReport",
                "Calls per consumer agency, provider, service and outcome for a period, from the access log", "operator",
                "from", "to", "format");
        platform(paths, "get", "/api/v1/traffic", "liveTraffic", "This node's calls, errors and recent p50/p99 per service",
                "operator");
        platform(paths, "get", "/api/v1/providers/health", "providerHealth",
                "Per service: the provider's last success, last failure and recent error rate on this node", "operator");
        platform(paths, "post", "/api/v1/consents", "giveConsent", "Record a citizen's consent; answers the record and its signed receipt",
                "subject-portal");
        platform(paths, "get", "/api/v1/consents/{id}", "getConsent", "A consent record with its history and receipt", "subject-portal");
        platform(paths, "post", "/api/v1/consents/{id}/withdraw", "withdrawConsent", "Withdraw a consent from the next request on",
                "subject-portal");
        platform(paths, "get", "/api/v1/audit/records", "searchAccessLog", "Access-log records, newest first, paged by cursor",
                "auditor", "subject", "consumer", "service", "officer", "decision", "legalBasis", "from", "to", "cursor", "limit");
        platform(paths, "get", "/api/v1/audit/verify", "verifyAccessLog", "Recompute every chain and checkpoint; the first break", "auditor");
        platform(paths, "get", "/api/v1/audit/export", "exportAccessLog", "Stream a time range as NDJSON or CSV", "auditor",
                "from", "to", "format");
        platform(paths, "get", "/api/v1/subjects/{citizenId}/access-log", "citizenAccessLog",
                "Who looked at a citizen's data, in plain words (embargoed entries hidden)", "subject-portal");
        platform(paths, "get", "/ws/auth/validate", "gdxValidate", "GDX face: token for Consumer-Key and ConsumerSecret",
                "GDX consumer", "ConsumerSecret", "AgentID");
        platform(paths, "get", "/ws/{provider}/{service}/{version}", "gdxExchange", "GDX face: the exchange, answered from the same route",
                "GDX consumer", "CitizenID");
    }

    private void platform(ObjectNode paths, String method, String path, String operationId, String summary, String role,
                          String... queryParameters) {
        ObjectNode op = (paths.has(path) ? (ObjectNode) paths.get(path) : paths.putObject(path)).putObject(method);
        op.put("operationId", operationId).put("summary", summary).put("x-saphan-role", role);
        ArrayNode params = op.putArray("parameters");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{([A-Za-z]+)}").matcher(path);
        while (m.find()) {
            params.addObject().put("name", m.group(1)).put("in", "path").put("required", true)
                    .putObject("schema").put("type", "string");
        }
        for (String q : queryParameters) {
            params.addObject().put("name", q).put("in", "query").put("required", false).putObject("schema").put("type", "string");
        }
        ObjectNode responses = op.putObject("responses");
        responses.putObject("200").put("description", "OK");
        responses.putObject("default").put("$ref", "#/components/responses/Problem");
    }

    private void addService(ServiceDefinition s, ObjectNode paths, ObjectNode schemas) {
        String base = s.provider() + "_" + s.id().code().replace('-', '_') + "_" + s.id().version();
        schemas.set(base + "_Request", strip(s.requestSchema().document()));
        schemas.set(base + "_Data", strip(s.responseSchema().document()));
        ObjectNode envelope = schemas.putObject(base + "_Response").put("type", "object");
        envelope.putArray("required").add("exchangeId").add("service").add("issuedAt").add("data");
        ObjectNode props = envelope.putObject("properties");
        props.putObject("exchangeId").put("type", "string");
        props.putObject("service").put("const", s.id().toString());
        props.putObject("issuedAt").put("type", "string").put("format", "date-time");
        props.putObject("data").put("$ref", "#/components/schemas/" + base + "_Data");

        ObjectNode post = paths.putObject("/api/v1/exchange/" + s.id()).putObject("post");
        post.put("operationId", base);
        post.put("summary", s.titleEn());
        post.put("description", s.titleTh() + (s.description() == null ? "" : "\n\n" + s.description()));
        post.putArray("tags").add(s.provider());
        post.putArray("security").addObject().putArray("clientCredentials");
        ArrayNode params = post.putArray("parameters");
        for (String p : new String[] {"Purpose", "LegalBasis", "ConsentId", "OfficerId", "RequestId"}) {
            params.addObject().put("$ref", "#/components/parameters/" + p);
        }
        ObjectNode body = post.putObject("requestBody").put("required", true);
        body.putObject("content").putObject("application/json").putObject("schema")
                .put("$ref", "#/components/schemas/" + base + "_Request");
        ObjectNode responses = post.putObject("responses");
        ObjectNode ok = responses.putObject("200").put("description",
                "Released data, with X-Exchange-Id and a detached JWS in X-Exchange-Signature");
        ok.putObject("content").putObject("application/json").putObject("schema")
                .put("$ref", "#/components/schemas/" + base + "_Response");
        Arrays.stream(ProblemCode.values()).map(ProblemCode::status).filter(st -> st >= 400).distinct().sorted()
                .forEach(st -> responses.putObject(String.valueOf(st)).put("$ref", "#/components/responses/Problem"));
    }

    private ObjectNode tokenPath() {
        ObjectNode post = json.createObjectNode();
        ObjectNode op = post.putObject("post").put("operationId", "issueToken")
                .put("summary", "OAuth2 client-credentials grant");
        ObjectNode schema = op.putObject("requestBody").put("required", true).putObject("content")
                .putObject("application/x-www-form-urlencoded").putObject("schema").put("type", "object");
        schema.putArray("required").add("grant_type");
        ObjectNode props = schema.putObject("properties");
        props.putObject("grant_type").put("const", "client_credentials");
        props.putObject("client_id").put("type", "string");
        props.putObject("client_secret").put("type", "string");
        ObjectNode responses = op.putObject("responses");
        responses.putObject("200").put("description", "access_token, token_type Bearer, expires_in");
        responses.putObject("400").put("$ref", "#/components/responses/Problem");
        responses.putObject("401").put("$ref", "#/components/responses/Problem");
        return post;
    }

    private ObjectNode problemSchema() {
        ObjectNode problem = json.createObjectNode().put("type", "object");
        problem.putArray("required").add("type").add("title").add("status").add("code");
        ObjectNode props = problem.putObject("properties");
        props.putObject("type").put("type", "string").put("format", "uri");
        props.putObject("title").put("type", "string");
        props.putObject("status").put("type", "integer");
        props.putObject("detail").put("type", "string");
        ObjectNode code = props.putObject("code").put("type", "string");
        Arrays.stream(ProblemCode.values()).forEach(c -> code.withArray("enum").add(c.code()));
        props.putObject("exchangeId").put("type", "string");
        return problem;
    }

    private void header(ObjectNode parameters, String key, String name, boolean required, String description, JsonNode schema) {
        parameters.putObject(key).put("name", name).put("in", "header").put("required", required)
                .put("description", description).set("schema", schema);
    }

    /** Component schemas must not carry their own $id/$schema: they would re-base the $refs inside them. */
    private static JsonNode strip(JsonNode schema) {
        ObjectNode copy = schema.deepCopy();
        copy.remove("$id");
        copy.remove("$schema");
        return copy;
    }
}
