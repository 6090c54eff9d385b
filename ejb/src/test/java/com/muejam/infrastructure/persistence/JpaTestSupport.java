package com.muejam.infrastructure.persistence;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import com.muejam.domain.profile.UserProfile;
import com.muejam.infrastructure.routing.EntityManagers;
import com.muejam.liquibase.Migrations;
import com.muejam.services.LocalServices;
import com.muejam.services.PgNode;
import com.muejam.services.ServicesConfig;

/**
 * Runs the real persistence unit {@code primary} (this module's persistence.xml, entities found by scanning) in
 * Java SE with EclipseLink on the project-started PostgreSQL, schema applied by the packaged changelog. Each
 * test runs in one resource-local transaction that is rolled back afterwards.
 */
abstract class JpaTestSupport {

    static final String DATABASE = "ejb_repositories";
    private static EntityManagerFactory factory;
    private static final AtomicInteger NAMES = new AtomicInteger();

    EntityManager em;
    EntityManagers entityManagers;
    /** A fixed "now", truncated to microseconds like timestamptz. */
    final OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);

    static synchronized EntityManagerFactory factory() {
        if (factory == null) {
            Path stateDir = Path.of(System.getProperty("muejam.schema.stateDir",
                    System.getProperty("java.io.tmpdir") + "/muejam-schema-services"));
            boolean wasRunning;
            try (LocalServices existing = LocalServices.attach(stateDir)) {
                wasRunning = existing.primary().isRunning();
            } catch (RuntimeException e) {
                wasRunning = false;
            }
            LocalServices services = LocalServices.up(ServicesConfig.builder().stateDir(stateDir)
                    .primaryPort(Integer.getInteger("muejam.schema.primaryPort", 18432))
                    .replicaPorts(Integer.getInteger("muejam.schema.replicaPort", 18433))
                    .redisPort(Integer.getInteger("muejam.schema.redisPort", 18379)).build());
            if (!wasRunning) { // stop only what this JVM started
                Runtime.getRuntime().addShutdownHook(new Thread(services::down, "schema-services-down"));
            }
            PgNode primary = services.primary();
            try (Connection admin = DriverManager.getConnection(primary.jdbcUrl(), primary.user(), primary.password());
                 Statement st = admin.createStatement()) {
                st.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
                st.execute("CREATE DATABASE " + DATABASE);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            String url = primary.jdbcUrl().substring(0, primary.jdbcUrl().lastIndexOf('/') + 1) + DATABASE;
            Migrations.update(url, primary.user(), primary.password(), null);

            Map<String, Object> props = new HashMap<>();
            props.put("jakarta.persistence.transactionType", "RESOURCE_LOCAL");
            props.put("jakarta.persistence.jtaDataSource", "");
            props.put("jakarta.persistence.jdbc.driver", "org.postgresql.Driver");
            props.put("jakarta.persistence.jdbc.url", url);
            props.put("jakarta.persistence.jdbc.user", primary.user());
            props.put("jakarta.persistence.jdbc.password", primary.password());
            props.put("eclipselink.target-server", "None");
            factory = Persistence.createEntityManagerFactory("primary", props);
            Runtime.getRuntime().addShutdownHook(new Thread(factory::close));
        }
        return factory;
    }

    @BeforeEach
    void begin() {
        em = factory().createEntityManager();
        em.getTransaction().begin();
        EntityManager current = em;
        entityManagers = new EntityManagers() {
            @Override
            public EntityManager forRead() {
                return current;
            }

            @Override
            public EntityManager forWrite() {
                return current;
            }

            @Override
            public EntityManager forBookkeeping() {
                return current;
            }
        };
    }

    @AfterEach
    void rollback() {
        if (em.getTransaction().isActive()) {
            em.getTransaction().rollback();
        }
        em.close();
    }

    /** A new user with a unique name (tests share one database, each in its own rolled-back transaction). */
    UserProfile user(String base) {
        UserProfile p = new UserProfile(base + "_" + NAMES.incrementAndGet(), base, now);
        em.persist(p);
        em.flush();
        return p;
    }

    /** Clears the persistence context so the next read comes from the database. */
    void clear() {
        em.flush();
        em.clear();
    }
}
