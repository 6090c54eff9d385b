package com.muejam.infrastructure.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.muejam.domain.TimeCursor;
import com.muejam.domain.profile.UserProfile;

class JpaUserProfileRepositoryTest extends JpaTestSupport {

    JpaUserProfileRepository repo() {
        JpaUserProfileRepository r = new JpaUserProfileRepository();
        r.entityManagers = entityManagers;
        return r;
    }

    UserProfile named(String username, String displayName) {
        return repo().add(new UserProfile(username, displayName, now));
    }

    @Test
    void usernamePrefixSearchIgnoresCaseAndPagesByKey() {
        named("Zephyrine", "Z one");
        named("zephyr_b", "Z two");
        named("ZEPHYRUS", "Z three");
        named("zeta_prime", "not a match");
        clear();

        List<String> all = names(repo().searchByUsernamePrefix("zEpHy", "", 10));
        assertThat(all).containsExactly("zephyr_b", "Zephyrine", "ZEPHYRUS"); // lower-case byte order
        assertThat(names(repo().searchByUsernamePrefix("zephy", "", 2))).containsExactly("zephyr_b", "Zephyrine");
        assertThat(names(repo().searchByUsernamePrefix("zephy", "Zephyrine", 2))).containsExactly("ZEPHYRUS");
        assertThat(repo().findByUsername("zeta_prime")).isPresent();
        assertThat(repo().findByUsername("ZETA_PRIME")).isEmpty(); // exact lookup is exact
    }

    @Test
    void usernamesAreUniqueIgnoringCase() {
        named("Quentin_x", null);
        assertThatThrownBy(() -> named("quentin_X", null))
                .hasStackTraceContaining("user_profiles_username_lower_key");
    }

    @Test
    void displayNamePrefixSearchPagesByNameThenId() {
        UserProfile a = named("dn_one", "Marigold Vale");
        UserProfile b = named("dn_two", "marigold vale");
        UserProfile c = named("dn_three", "Marigold Zee");
        clear();
        List<UserProfile> page1 = repo().searchByDisplayNamePrefix("MARIGOLD", "", 0, 2);
        assertThat(page1).extracting(UserProfile::getId).containsExactly(a.getId(), b.getId());
        UserProfile last = page1.get(1);
        assertThat(repo().searchByDisplayNamePrefix("marigold", last.getDisplayName(), last.getId(), 2))
                .extracting(UserProfile::getId).containsExactly(c.getId());
    }

    @Test
    void recentlyActiveAndCreatedBetween() {
        UserProfile old = named("active_old", null);
        UserProfile recent = named("active_new", null);
        UserProfile never = named("never_seen", null);
        old.touch(now.minusDays(3));
        recent.touch(now.minusMinutes(1));
        clear();
        List<UserProfile> active = repo().recentlyActive(TimeCursor.newestFirst(), 1000);
        assertThat(active).extracting(UserProfile::getId).containsSubsequence(recent.getId(), old.getId())
                .doesNotContain(never.getId());
        UserProfile first = active.get(0);
        assertThat(repo().recentlyActive(new TimeCursor(first.getLastSeen(), first.getId()), 1000))
                .extracting(UserProfile::getId).doesNotContain(first.getId());

        assertThat(repo().createdBetween(TimeCursor.from(now), now.plusSeconds(1), 1000))
                .extracting(UserProfile::getId).contains(old.getId(), recent.getId(), never.getId());
        assertThat(repo().createdBetween(TimeCursor.from(now.plusSeconds(1)), now.plusDays(1), 1000))
                .extracting(UserProfile::getId).doesNotContain(old.getId());
    }

    static List<String> names(List<UserProfile> profiles) {
        return profiles.stream().map(UserProfile::getUsername).toList();
    }
}
