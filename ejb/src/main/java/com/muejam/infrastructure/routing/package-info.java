/**
 * How a read reaches a replica, and when it must not.
 * <ul>
 * <li>The application's {@link com.muejam.application.routing.ReadOnly} marks read-only calls;
 * {@link com.muejam.infrastructure.routing.ReadOnlyInterceptor} fixes the route before the call runs (before any
 * transaction or connection), counts it, and retries once on the primary when a replica fails at the
 * connection level.</li>
 * <li>{@link com.muejam.infrastructure.routing.RoutingPolicy} decides from local state only: the live
 * {@code USE_READ_REPLICA} switch, the JTA transaction (a transaction's reads, and above all a writing one's,
 * stay on the primary), the request's read-your-writes position
 * ({@link com.muejam.infrastructure.routing.ReadYourWrites}, fed by
 * {@link com.muejam.infrastructure.routing.CommitPositions}) and {@link com.muejam.infrastructure.routing.ReadRouter}.</li>
 * <li>{@link com.muejam.infrastructure.routing.ReplicaMonitor} checks every replica's replayed LSN and
 * reachability every 100 ms and keeps each one's {@link com.muejam.infrastructure.routing.ReplicaRotation}
 * (leave at once, rejoin only after staying healthy).</li>
 * <li>{@link com.muejam.infrastructure.routing.EntityManagers} hands out the persistence unit of the route
 * ({@code forRead}/{@code forWrite}) or of an explicit choice ({@code using}).</li>
 * <li>{@link com.muejam.infrastructure.routing.ReadConsistencyTokens} and
 * {@link com.muejam.infrastructure.routing.RoutedPoolTimeouts} are the application's {@code ReadConsistency} and
 * {@code PoolTimeouts}: what the web layer sees of the read-your-writes token and of pool acquisition timeouts.</li>
 * </ul>
 * Nothing here knows about stories or users.
 */
package com.muejam.infrastructure.routing;
