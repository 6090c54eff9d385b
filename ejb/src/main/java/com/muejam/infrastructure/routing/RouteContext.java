package com.muejam.infrastructure.routing;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The route of the current thread's call stack. {@link ReadOnlyInterceptor} pushes a route when a
 * {@link ReadOnly} method is entered and pops it when the method returns, so nested calls restore the outer
 * route. Outside any {@code @ReadOnly} method the route is {@link Route#PRIMARY}.
 */
public final class RouteContext {

    private static final ThreadLocal<Deque<Route>> STACK = ThreadLocal.withInitial(ArrayDeque::new);

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

    static void push(Route route) {
        STACK.get().push(route);
    }

    static void pop() {
        Deque<Route> stack = STACK.get();
        stack.pop();
        if (stack.isEmpty()) {
            STACK.remove();
        }
    }
}
