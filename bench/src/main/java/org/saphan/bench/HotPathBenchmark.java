package org.saphan.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.saphan.exchange.audit.AuditRecord;
import org.saphan.exchange.audit.chain.CanonicalForm;
import org.saphan.exchange.catalog.Agreement;
import org.saphan.exchange.policy.PolicyDecision;
import org.saphan.exchange.policy.PolicyEngine;
import org.saphan.exchange.policy.PolicyRequest;
import org.saphan.exchange.route.FieldRelease;
import org.saphan.schemas.CitizenId;
import org.saphan.schemas.FieldClass;
import org.saphan.schemas.LegalBasis;
import org.saphan.schemas.ServiceId;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The hot pieces of one exchange, each on its own, on one thread: the citizen-ID check digit, the PDPA policy
 * decision, field minimisation of a 1 KB provider answer, and the audit record's canonical form and hash.
 * Signing is {@link SigningBenchmark}. Short runs (ops/microbench.sh); figures in docs/performance.md.
 *
 * <pre>
 * java -jar bench/target/benchmarks.jar HotPathBenchmark -f 1 -wi 2 -i 3 -w 1s -r 1s
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class HotPathBenchmark {

    private static final Instant NOW = Instant.parse("2026-06-01T03:00:00Z");

    private final PolicyEngine policy = new PolicyEngine();
    private PolicyRequest request;
    private FieldRelease release;
    private JsonNode answer;
    private AuditRecord record;
    private String citizenId;

    @Setup
    public void setUp() throws Exception {
        citizenId = "1103000123455";
        Agreement agreement = new Agreement("AGR-2026-MSDHS-DOPA-01", "MSDHS/welfare-portal",
                ServiceId.parse("DOPA/citizen-profile/v1"), Set.of("welfare-eligibility"), Set.of(LegalBasis.PDPA_24_4),
                "Social Welfare Promotion Act B.E. 2546", List.of("citizenId", "name.first", "name.last", "address.province"),
                LocalDate.of(2026, 1, 1), LocalDate.of(2028, 12, 31), null, null, "5 years");
        request = new PolicyRequest(agreement, Set.of("identity"),
                Map.of("citizenId", FieldClass.PERSONAL, "name.first", FieldClass.PERSONAL, "name.last", FieldClass.PERSONAL,
                        "address.province", FieldClass.PERSONAL),
                "welfare-eligibility", LegalBasis.PDPA_24_4, null, null, "ref-of-the-subject", NOW);
        release = new FieldRelease(agreement.releasedFields());
        // a provider answer of about 1 KB, most of which the agreement does not release
        answer = new ObjectMapper().readTree("""
                {"citizenId":"1103000123455","name":{"title":"Mr","first":"Somchai","last":"Jaidee","firstEn":"Somchai",
                 "lastEn":"Jaidee"},"birthDate":"1985-04-12","gender":"M","nationality":"TH","religion":"Buddhism",
                 "bloodGroup":"O","maritalStatus":"married","father":{"citizenId":"3100600000001","first":"Somsak"},
                 "mother":{"citizenId":"3100600000002","first":"Somsri"},"address":{"houseNo":"99/1","moo":"4",
                 "soi":"Ladprao 23","road":"Ladprao","subdistrict":"Chom Phon","district":"Chatuchak",
                 "province":"Bangkok","postcode":"10900","houseCode":"10300012345"},"cardIssue":"2019-05-01",
                 "cardExpiry":"2027-04-11","issuePlace":"Chatuchak District Office","status":"alive",
                 "remarks":"none","phone":"+66812345678","email":"somchai@example.invalid","occupation":"teacher",
                 "education":"bachelor","photoRef":"photo-0000000000000000000000000000000000000000"}
                """);
        record = new AuditRecord("ex-7f1c2a9e-0d4b-4c6e-9b1f-2f3a4b5c6d7e", "req-5d1f6a7b-8c9d-4e0f-a1b2-c3d4e5f6a7b8",
                NOW, "node-1", "MSDHS/welfare-portal", "officer-ref", "DOPA/citizen-profile/v1", "subject-ref-0123456789abcdef",
                "welfare-eligibility", "pdpa-24-4", "Social Welfare Promotion Act B.E. 2546", null, AuditRecord.PERMIT,
                AuditRecord.OK, 200, List.of("citizenId", "name.first", "name.last", "address.province"), 3, "corr-1");
    }

    @Benchmark
    public boolean citizenIdCheck() {
        return CitizenId.isValid(citizenId);
    }

    @Benchmark
    public PolicyDecision policyDecision() {
        return policy.decide(request);
    }

    @Benchmark
    public FieldRelease.Released fieldMinimisation() {
        return release.apply(answer);
    }

    @Benchmark
    public String canonicalHash() {
        return CanonicalForm.hash(record, 42, CanonicalForm.GENESIS);
    }
}
