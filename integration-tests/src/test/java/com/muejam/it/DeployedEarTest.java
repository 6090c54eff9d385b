package com.muejam.it;

import java.net.URL;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

import com.muejam.it.routing.AppClient;

/**
 * A test of the deployed application from outside, over HTTP: Arquillian deploys the EAR the build produced
 * ({@link Deployments#ear}) once per test class, {@link #base} is the application's URL and {@link #app} a new
 * client of it before each test. Tests that run inside the server (their classes added to the deployment) declare
 * their own {@code @Deployment} instead.
 */
@RunAsClient
@ExtendWith(ArquillianExtension.class)
public abstract class DeployedEarTest {

    @ArquillianResource
    protected URL base;

    /** A client of {@link #base}, new for each test. */
    protected AppClient app;

    @Deployment(testable = false)
    public static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @BeforeEach
    void newClient() {
        app = new AppClient(base.toString());
    }
}
