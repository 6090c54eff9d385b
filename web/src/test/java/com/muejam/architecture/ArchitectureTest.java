package com.muejam.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The product's classes (the ejb module's and this module's main classes, no test classes) obey
 * {@link ArchitectureRules}.
 */
@AnalyzeClasses(packages = ArchitectureRules.PRODUCT, importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule layers = ArchitectureRules.layers(ArchitectureRules.PRODUCT);

    @ArchTest
    static final ArchRule noPackageCycles = ArchitectureRules.noPackageCycles(ArchitectureRules.PRODUCT);

    @ArchTest
    static final ArchRule mechanismsKnowNoFeatures = ArchitectureRules.mechanismsKnowNoFeatures(ArchitectureRules.PRODUCT);
}
