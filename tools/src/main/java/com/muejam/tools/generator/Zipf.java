package com.muejam.tools.generator;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Zipf-distributed ranks 0..n-1 (rank 0 most frequent, weight 1/(r+1)^s), mapped to ids through a random
 * permutation so that popular ids are scattered like in real data. Sampling is a binary search in the
 * cumulative weights: O(log n).
 */
final class Zipf {

    private final double[] cumulative;
    private final long[] ids;

    /** Ranks over the ids {@code firstId .. firstId + n - 1}, shuffled with {@code random} (null: rank order). */
    Zipf(int n, double exponent, long firstId, SplittableRandom random) {
        cumulative = new double[n];
        double sum = 0;
        for (int r = 0; r < n; r++) {
            sum += 1.0 / Math.pow(r + 1, exponent);
            cumulative[r] = sum;
        }
        for (int r = 0; r < n; r++) {
            cumulative[r] /= sum;
        }
        ids = new long[n];
        for (int i = 0; i < n; i++) {
            ids[i] = firstId + i;
        }
        for (int i = n - 1; i > 0 && random != null; i--) {
            int j = random.nextInt(i + 1);
            long t = ids[i];
            ids[i] = ids[j];
            ids[j] = t;
        }
    }

    /** A rank (0 = most frequent). */
    int rank(SplittableRandom random) {
        int i = Arrays.binarySearch(cumulative, random.nextDouble());
        return Math.min(i >= 0 ? i : -i - 1, cumulative.length - 1);
    }

    /** An id drawn with Zipf frequency. */
    long next(SplittableRandom random) {
        return ids[rank(random)];
    }

    /** The id of a rank (rank 0 = the most frequent id). */
    long idOfRank(int rank) {
        return ids[rank];
    }

    /** Expected share of the most frequent id. */
    double topShare() {
        return cumulative[0];
    }
}
