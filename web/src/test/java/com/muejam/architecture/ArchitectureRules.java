package com.muejam.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The architecture as rules, for the packages under a root ({@code com.muejam} for the product; the tests of the
 * rules use a fixture root of their own, so the same rules are shown to fail on code that breaks them).
 */
final class ArchitectureRules {

    static final String PRODUCT = "com.muejam";

    private ArchitectureRules() {
    }

    /**
     * interfaces → application → domain, infrastructure → application and domain. Nothing depends on interfaces
     * or infrastructure; the domain depends on no other layer. The interfaces layer may name the domain types the
     * application hands it.
     */
    static ArchRule layers(String root) {
        return layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("interfaces").definedBy(root + ".interfaces..")
                .layer("application").definedBy(root + ".application..")
                .layer("domain").definedBy(root + ".domain..")
                .layer("infrastructure").definedBy(root + ".infrastructure..")
                .whereLayer("interfaces").mayNotBeAccessedByAnyLayer()
                .whereLayer("infrastructure").mayNotBeAccessedByAnyLayer()
                .whereLayer("application").mayOnlyBeAccessedByLayers("interfaces", "infrastructure")
                .whereLayer("domain").mayOnlyBeAccessedByLayers("application", "infrastructure", "interfaces")
                .because("dependencies point one way: interfaces -> application -> domain <- infrastructure, "
                        + "and infrastructure implements the application's ports");
    }

    /** No two packages under the root depend on each other, directly or through others. */
    static ArchRule noPackageCycles(String root) {
        return slices().matching(root + ".(**)").namingSlices("$1").should().beFreeOfCycles()
                .because("a package cycle makes the packages one unit that cannot be understood or changed alone");
    }

    /**
     * Routing, pools and caching are mechanisms: they may use the application's ports (caching, routing,
     * operations) but know nothing about stories, users or any other feature: no domain type, no feature service,
     * no repository implementation.
     */
    static ArchRule mechanismsKnowNoFeatures(String root) {
        DescribedPredicate<JavaClass> ports = resideInAnyPackage(
                root + ".application.caching..", root + ".application.routing..", root + ".application.operations..");
        DescribedPredicate<JavaClass> features = resideInAPackage(root + ".domain..")
                .or(resideInAPackage(root + ".infrastructure.persistence.."))
                .or(resideInAPackage(root + ".application..").and(not(ports)))
                .as("belong to a feature (domain, application services, persistence)");
        return noClasses().that().resideInAnyPackage(root + ".infrastructure.routing..", root + ".infrastructure.pools..",
                        root + ".infrastructure.caching..")
                .should().dependOnClassesThat(features)
                .because("routing, pools and caching know nothing about stories or users");
    }
}
