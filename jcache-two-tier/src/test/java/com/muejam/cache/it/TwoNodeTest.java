package com.muejam.cache.it;

import com.muejam.cache.TwoTierCacheManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Base of the tests that run two nodes, {@code a} and {@code b}, on a fresh namespace for every test. */
abstract class TwoNodeTest {

    private final String testName;
    protected Nodes nodes;
    protected TwoTierCacheManager a;
    protected TwoTierCacheManager b;

    TwoNodeTest(String testName) {
        this.testName = testName;
    }

    @BeforeEach
    void startNodes() {
        TestRedis.url();
        nodes = new Nodes(testName);
        a = nodes.node("a");
        b = nodes.node("b");
    }

    @AfterEach
    void stopNodes() {
        TestRedis.url(); // restarts Redis if a test left it down
        nodes.close();
    }
}
