package com.muejam.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class TwoTierCacheConfigTest {

    @Test
    void defaultsAreTheSeedValues() {
        TwoTierCacheConfig c = TwoTierCacheConfig.builder().build();
        assertThat(c.l1MaxSize()).isEqualTo(1000);
        assertThat(c.l1Ttl()).isEqualTo(Duration.ofSeconds(60));
        assertThat(c.regionTtls()).containsOnlyKeys(TwoTierCacheConfig.DEFAULT_REGION);
        assertThat(c.l2Ttl(TwoTierCacheConfig.DEFAULT_REGION)).isEqualTo(Duration.ofSeconds(300));
        assertThat(c.l2Ttl("anything_else")).isEqualTo(Duration.ofSeconds(300));
        assertThat(c.tagTtl()).isGreaterThanOrEqualTo(Duration.ofSeconds(600));
    }

    @Test
    void propertiesOverrideWithTheEnvironmentNames() {
        Properties p = new Properties();
        p.setProperty("VALKEY_URL", "redis://:secret@cache.local:6380/3");
        p.setProperty("L1_CACHE_MAX_SIZE", "250");
        p.setProperty("L1_CACHE_DEFAULT_TTL", "30");
        p.setProperty("L2_CACHE_TTL_DEFAULT", "10m");
        p.setProperty("L2_CACHE_TTL_SEARCH_RESULTS", "PT45S");
        p.setProperty("L2_CACHE_TTL_TRENDING", "90s");
        p.setProperty("L2_TIMEOUT", "150ms");
        TwoTierCacheConfig c = TwoTierCacheConfig.fromProperties(p);
        assertThat(c.valkeyUrl()).isEqualTo("redis://:secret@cache.local:6380/3");
        assertThat(c.redactedUrl()).isEqualTo("redis://***@cache.local:6380/3");
        assertThat(c.toString()).doesNotContain("secret");
        assertThat(c.l1MaxSize()).isEqualTo(250);
        assertThat(c.l1Ttl()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.l2Ttl(TwoTierCacheConfig.DEFAULT_REGION)).isEqualTo(Duration.ofMinutes(10));
        assertThat(c.l2Ttl("story_listing")).isEqualTo(Duration.ofMinutes(10));
        assertThat(c.l2Ttl("search_results")).isEqualTo(Duration.ofSeconds(45));
        assertThat(c.l2Ttl("trending")).isEqualTo(Duration.ofSeconds(90));
        assertThat(c.l2Timeout()).isEqualTo(Duration.ofMillis(150));
        assertThat(TwoTierCacheConfig.fromProperties(c.toProperties()).toString()).isEqualTo(c.toString());
    }

    @Test
    void declaredRegionsGetTheDefaultTtlUnlessConfigured() {
        Properties p = new Properties();
        p.setProperty("L2_CACHE_TTL_DEFAULT", "2m");
        p.setProperty("L2_CACHE_TTL_STORIES", "30s");
        TwoTierCacheConfig c = TwoTierCacheConfig.fromProperties(p).toBuilder()
                .regions(java.util.List.of("stories", "users")).build();
        assertThat(c.regionTtls()).containsOnlyKeys(TwoTierCacheConfig.DEFAULT_REGION, "stories", "users");
        assertThat(c.l2Ttl("stories")).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.l2Ttl("users")).isEqualTo(Duration.ofMinutes(2));
        // the declared regions survive the trip through the provider's properties
        assertThat(TwoTierCacheConfig.fromProperties(c.toProperties()).regionTtls()).isEqualTo(c.regionTtls());
        assertThatThrownBy(() -> TwoTierCacheConfig.builder().regions(java.util.List.of(" ")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void badValuesAreRejected() {
        assertThatThrownBy(() -> TwoTierCacheConfig.parseDuration("ten")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TwoTierCacheConfig.builder().l1MaxSize(0).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TwoTierCacheConfig.builder().l1Ttl(Duration.ZERO).build())
                .isInstanceOf(IllegalArgumentException.class);
    }
}
