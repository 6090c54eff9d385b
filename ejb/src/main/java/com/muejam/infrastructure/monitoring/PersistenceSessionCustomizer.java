package com.muejam.infrastructure.monitoring;

import javax.naming.InitialContext;
import javax.naming.NamingException;

import org.eclipse.persistence.sessions.Connector;
import org.eclipse.persistence.sessions.JNDIConnector;
import org.eclipse.persistence.sessions.Session;
import org.eclipse.persistence.sessions.SessionCustomizer;

import com.muejam.infrastructure.pools.PoolReturningConnector;
import com.muejam.infrastructure.routing.Route;

/**
 * Set on every persistence unit ({@code eclipselink.session.customizer}): installs the statement timer, named
 * after the unit's pool, makes every connection go back to its pool even when it broke in use
 * ({@link PoolReturningConnector}), and turns off EclipseLink's own retry of failed reads on the replica units (it would
 * retry up to three times, a second apart, on the same dead replica; the routing interceptor retries once on
 * the primary instead).
 */
public class PersistenceSessionCustomizer implements SessionCustomizer {

    @Override
    public void customize(Session session) {
        Route route = routeOf(session);
        String pool = route == null ? session.getName() : route.poolName();
        session.getEventManager().addListener(new SlowQueryListener(pool, route == null ? pool : route.unitName()));
        PoolReturningConnector.install(session);
        if (route != null && route.isReplica()) {
            session.getLogin().setQueryRetryAttemptCount(0);
        }
    }

    /** The unit's route: its data source is one of the routes' pools (compared by identity, then by name). */
    static Route routeOf(Session session) {
        Connector connector = session.getLogin().getConnector();
        if (connector instanceof JNDIConnector jndi) {
            for (Route r : Route.values()) {
                if (r.jndiName().equals(jndi.getName())) {
                    return r;
                }
                try {
                    if (jndi.getDataSource() != null && jndi.getDataSource() == InitialContext.doLookup(r.jndiName())) {
                        return r;
                    }
                } catch (NamingException | RuntimeException e) {
                    // not bound on this server: try the next
                }
            }
        }
        String name = session.getName() == null ? "" : session.getName();
        for (Route r : new Route[] {Route.REPLICA_2, Route.REPLICA, Route.PRIMARY}) {
            if (name.endsWith(r.unitName())) {
                return r;
            }
        }
        return null;
    }
}
