package com.muejam.load;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.commons.math3.distribution.ZipfDistribution;
import org.apache.commons.math3.random.JDKRandomGenerator;

/**
 * What the virtual users act on: signed-in users (each with a story of their own to edit and an address of their
 * own), published story ids read with Zipf popularity, and username prefixes for profile search.
 */
public final class Workload {

    /** A signed-in load user. */
    public record User(long id, String token, long story, String address) {
    }

    private final List<User> users;
    private final long[] stories;
    private final List<String> prefixes;
    private final ZipfDistribution zipf;
    private final AtomicLong edits = new AtomicLong();
    private final java.util.concurrent.ConcurrentLinkedQueue<User> idle;

    public Workload(List<User> users, long[] stories, List<String> prefixes) {
        if (users.isEmpty() || stories.length == 0 || prefixes.isEmpty()) {
            throw new IllegalArgumentException("a workload needs users, stories and prefixes");
        }
        this.users = List.copyOf(users);
        this.stories = stories.clone();
        this.prefixes = List.copyOf(prefixes);
        JDKRandomGenerator random = new JDKRandomGenerator();
        random.setSeed(42);
        // exponent 1.0: the classic web-popularity skew; a few stories get most reads
        this.zipf = new ZipfDistribution(random, this.stories.length, 1.0);
        this.idle = new java.util.concurrent.ConcurrentLinkedQueue<>(this.users);
    }

    /** A user no other cross-node cycle is using (its edits then come in order), or null when all are busy. */
    public User borrow() {
        return idle.poll();
    }

    public void giveBack(User user) {
        idle.add(user);
    }

    public int userCount() {
        return users.size();
    }

    public int storyCount() {
        return stories.length;
    }

    public User anyUser() {
        return users.get(ThreadLocalRandom.current().nextInt(users.size()));
    }

    /** A story id; rank k is drawn with probability proportional to 1/k. */
    public synchronized long zipfStory() {
        return stories[zipf.sample() - 1];
    }

    public String anyPrefix() {
        return prefixes.get(ThreadLocalRandom.current().nextInt(prefixes.size()));
    }

    public long nextEdit() {
        return edits.incrementAndGet();
    }
}
