package com.muejam.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;

/**
 * The rules can fail: each is evaluated on {@code fixture}, a test-only package tree with the same layers in which
 * one class breaks each rule, and must report exactly that break.
 */
class ArchitectureRulesTest {

    private static final String FIXTURE = "com.muejam.architecture.fixture";
    private static JavaClasses fixture;

    @BeforeAll
    static void importFixture() {
        fixture = new ClassFileImporter().importPackages(FIXTURE);
        assertThat(fixture).hasSizeGreaterThanOrEqualTo(6);
    }

    @Test
    void aDomainClassUsingInfrastructureBreaksTheLayers() {
        EvaluationResult result = ArchitectureRules.layers(FIXTURE).evaluate(fixture);
        assertThat(result.hasViolation()).isTrue();
        List<String> details = result.getFailureReport().getDetails();
        assertThat(details).isNotEmpty().allMatch(d -> d.contains("fixture.domain.Entity"));
        assertThat(String.join("\n", details)).contains("fixture.infrastructure.routing.Router");
    }

    @Test
    void twoPackagesUsingEachOtherAreACycle() {
        EvaluationResult result = ArchitectureRules.noPackageCycles(FIXTURE).evaluate(fixture);
        assertThat(result.hasViolation()).isTrue();
        String report = String.join("\n", result.getFailureReport().getDetails());
        assertThat(report).contains("application.one").contains("application.two").doesNotContain("domain");
    }

    @Test
    void aRouterNamingAStoryBreaksTheMechanismRule() {
        EvaluationResult result = ArchitectureRules.mechanismsKnowNoFeatures(FIXTURE).evaluate(fixture);
        assertThat(result.hasViolation()).isTrue();
        List<String> details = result.getFailureReport().getDetails();
        assertThat(details).isNotEmpty().allMatch(d -> d.contains("fixture.infrastructure.routing.Router")
                && d.contains("fixture.domain.story.Story"));
    }
}
