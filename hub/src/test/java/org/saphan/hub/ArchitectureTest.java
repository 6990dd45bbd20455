package org.saphan.hub;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The module boundaries of the README, as rules that fail the build when broken. */
class ArchitectureTest {

    private static JavaClasses saphan;

    @BeforeAll
    static void importProductionClasses() {
        saphan = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.saphan");
    }

    @Test
    void theStandardAndSecurityKnowNothingOfCamelOrSpring() {
        ArchRule rule = noClasses().that().resideInAnyPackage("org.saphan.schemas..", "org.saphan.security..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.camel..", "org.springframework..",
                        "org.saphan.exchange..", "org.saphan.connectors..", "org.saphan.simulators..");
        rule.check(saphan);
    }

    @Test
    void theCoreKnowsNoParticularAgencyOrConnector() {
        noClasses().that().resideInAPackage("org.saphan.exchange..")
                .should().dependOnClassesThat().resideInAnyPackage("org.saphan.connectors..", "org.saphan.simulators..",
                        "org.saphan.ops..", "org.saphan.hub..")
                .check(saphan);
    }

    @Test
    void connectorsDoNotReachIntoTheSimulatorsOrTheApplication() {
        noClasses().that().resideInAPackage("org.saphan.connectors..")
                .should().dependOnClassesThat().resideInAnyPackage("org.saphan.simulators..", "org.saphan.hub..", "org.saphan.ops..")
                .check(saphan);
    }

    @Test
    void simulatedAgenciesAreIndependentOfTheHub() {
        noClasses().that().resideInAPackage("org.saphan.simulators..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.camel..", "org.springframework..",
                        "org.saphan.exchange..", "org.saphan.connectors..")
                .check(saphan);
    }

    @Test
    void theExchangeRouteStepsDoNotTalkHttp() {
        // the faces (web, gdx, soap) translate HTTP; the steps of the exchange only see InboundRequest
        noClasses().that().resideInAPackage("org.saphan.exchange.route..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.servlet..", "org.springframework.web..")
                .check(saphan);
    }
}
