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
        for (String region : Regions.PRESETS) {
            assertThat(c.l2Ttl(region)).as(region).isEqualTo(Duration.ofSeconds(300));
        }
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
        assertThat(c.l2Ttl(Regions.DEFAULT)).isEqualTo(Duration.ofMinutes(10));
        assertThat(c.l2Ttl(Regions.STORY_LISTING)).isEqualTo(Duration.ofMinutes(10));
        assertThat(c.l2Ttl(Regions.SEARCH_RESULTS)).isEqualTo(Duration.ofSeconds(45));
        assertThat(c.l2Ttl("trending")).isEqualTo(Duration.ofSeconds(90));
        assertThat(c.l2Timeout()).isEqualTo(Duration.ofMillis(150));
        assertThat(TwoTierCacheConfig.fromProperties(c.toProperties()).toString()).isEqualTo(c.toString());
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
