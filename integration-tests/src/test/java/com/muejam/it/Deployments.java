package com.muejam.it;

import java.io.File;
import java.net.URISyntaxException;

import org.assertj.core.api.Assertions;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.JavaArchive;

/** The deployment under test: the EAR the build produced, plus the test classes as a library of it. */
public final class Deployments {

    /** Only classes with a bean-defining annotation become beans: the test classes themselves are not. */
    private static final StringAsset BEANS_XML = new StringAsset(
            "<beans xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"4.0\" bean-discovery-mode=\"annotated\"/>");

    private Deployments() {
    }

    public static EnterpriseArchive ear(Class<?>... testClasses) {
        EnterpriseArchive ear = ShrinkWrap.createFromZipFile(EnterpriseArchive.class,
                new File(System.getProperty("muejam.ear")));
        JavaArchive tests = ShrinkWrap.create(JavaArchive.class, "muejam-it.jar")
                .addClasses(testClasses)
                .addAsManifestResource(BEANS_XML, "beans.xml");
        ear.addAsLibraries(tests);
        ear.addAsLibrary(jarOf(Assertions.class));
        return ear;
    }

    private static File jarOf(Class<?> type) {
        try {
            return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
