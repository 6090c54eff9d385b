package com.muejam.infrastructure.routing;

import java.util.ArrayDeque;
import java.util.Deque;

import com.muejam.application.routing.ReadOnly;

/**
 * The route of the current thread's call stack. {@link ReadOnlyInterceptor} pushes a route when a
 * {@link ReadOnly} method is entered and pops it when the method returns, so nested calls restore the outer
 * route. Outside any {@code @ReadOnly} method the route is {@link Route#PRIMARY}.
 */
public final class RouteContext {

    private static final ThreadLocal<Deque<Route>> STACK = ThreadLocal.withInitial(ArrayDeque::new);
    /** The pool of the entity manager handed out last on this thread: names the pool of an acquisition timeout. */
    private static final ThreadLocal<Route> LAST_USED = new ThreadLocal<>();

    private RouteContext() {
    }

    /** The route in force for the current thread. */
    public static Route current() {
        Route top = STACK.get().peek();
        return top == null ? Route.PRIMARY : top;
    }

    /** True inside a {@link ReadOnly} method, whichever database serves it. */
    public static boolean isReadOnly() {
        return !STACK.get().isEmpty();
    }

    /** The route whose entity manager this thread was handed last ({@link Route#PRIMARY} if none). */
    public static Route lastUsed() {
        Route r = LAST_USED.get();
        return r == null ? Route.PRIMARY : r;
    }

    static void used(Route route) {
        LAST_USED.set(route);
    }

    static void push(Route route) {
        STACK.get().push(route);
    }

    /** Re-routes the innermost read-only call (its retry on the primary). */
    static void replaceTop(Route route) {
        Deque<Route> stack = STACK.get();
        stack.pop();
        stack.push(route);
    }

    static void pop() {
        Deque<Route> stack = STACK.get();
        stack.pop();
        if (stack.isEmpty()) {
            STACK.remove();
        }
    }
}
