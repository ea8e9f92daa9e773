package io.switchboard;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Vendor and engine types stay inside their adapter packages, so a vendor or engine swap (Camunda to
 * Operaton is a package rename) touches only those packages.
 */
@AnalyzeClasses(packages = "io.switchboard", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureRulesTests {

    @ArchTest
    static final ArchRule camundaOnlyInProcessAdaptersAndWorkflow = noClasses()
            .that().resideOutsideOfPackages("..process..", "io.switchboard.workflow..", "..camunda..")
            .should().dependOnClassesThat().resideInAPackage("org.camunda..")
            .because("the engine is reached through */process delegates, */camunda bridges and the workflow module");

    @ArchTest
    static final ArchRule stripeOnlyInPaymentAdapter = noClasses()
            .that().resideOutsideOfPackage("io.switchboard.payment.stripe..")
            .should().dependOnClassesThat().resideInAPackage("com.stripe..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule mailjetOnlyInNotificationAdapter = noClasses()
            .that().resideOutsideOfPackage("io.switchboard.notification.mailjet..")
            .should().dependOnClassesThat().resideInAPackage("com.mailjet..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule noUtilityBuckets = noClasses()
            .should().resideInAnyPackage("..util..", "..utils..", "..management..", "..helpers..")
            .allowEmptyShould(true)
            .because("packages are named after what they do (STYLE.md L12)");
}
