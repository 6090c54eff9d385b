package com.muejam.infrastructure.pools;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.Properties;

import org.eclipse.persistence.exceptions.DatabaseException;
import org.eclipse.persistence.exceptions.ValidationException;
import org.eclipse.persistence.sessions.DatasourceLogin;
import org.eclipse.persistence.sessions.JNDIConnector;
import org.eclipse.persistence.sessions.Login;
import org.eclipse.persistence.sessions.Session;
import org.eclipse.persistence.sessions.server.ServerSession;

/**
 * Makes EclipseLink give back every pooled connection it took, including broken ones.
 *
 * <p>EclipseLink releases a connection only if {@code isClosed()} is false ({@code DatasourceAccessor.closeConnection}
 * skips {@code close()} otherwise). A pooled connection whose server died (PostgreSQL FATAL, a SIGKILLed replica) or
 * that the pool evicted while in use reports {@code isClosed() == true} through the pool's wrapper, so EclipseLink
 * dropped it without {@code close()}: the pool never saw it come back and counted it as in use forever (Agroal on
 * WildFly: {@code active-count} stays up and {@code available-count} goes negative, while creation and destroy
 * counts are equal). The connections this connector hands out report closed only once they were closed, so the
 * release always reaches the pool, which then discards the dead connection.
 */
public final class PoolReturningConnector extends JNDIConnector {

    private static final long serialVersionUID = 1L;

    PoolReturningConnector(JNDIConnector original) {
        setDataSource(original.getDataSource());
        setContext(original.getContext());
        if (original.getName() != null) {
            setName(original.getName());
        }
        setLookupType(original.getLookupType());
    }

    /** Installs the connector on every login of {@code session} that obtains connections from a JNDI data source. */
    public static void install(Session session) {
        install(session.getDatasourceLogin());
        if (session instanceof ServerSession server) {
            if (server.getReadConnectionPool() != null) {
                install(server.getReadConnectionPool().getLogin());
            }
            server.getConnectionPools().values().forEach(p -> install(p.getLogin()));
        }
    }

    private static void install(Login login) {
        if (login instanceof DatasourceLogin l && l.getConnector() instanceof JNDIConnector j
                && !(j instanceof PoolReturningConnector)) {
            l.setConnector(new PoolReturningConnector(j));
        }
    }

    @Override
    public Connection connect(Properties properties, Session session) throws DatabaseException, ValidationException {
        return returning(super.connect(properties, session));
    }

    /** {@code pooled} as a connection whose {@code isClosed()} is true only after its own {@code close()}. */
    static Connection returning(Connection pooled) {
        return (Connection) Proxy.newProxyInstance(PoolReturningConnector.class.getClassLoader(),
                new Class<?>[] {Connection.class}, new Returning(pooled));
    }

    private static final class Returning implements InvocationHandler {
        private final Connection pooled;
        private volatile boolean closed;

        Returning(Connection pooled) {
            this.pooled = pooled;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (args == null) {
                switch (method.getName()) {
                    case "isClosed":
                        return closed;
                    case "close":
                        if (!closed) {
                            closed = true;
                            pooled.close();
                        }
                        return null;
                    case "hashCode":
                        return System.identityHashCode(proxy);
                    case "toString":
                        return "returning " + pooled;
                    default:
                }
            } else if (args.length == 1 && method.getName().equals("equals")) {
                return proxy == args[0];
            }
            try {
                return method.invoke(pooled, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}
