package com.muejam.tools.generator;

import java.util.SplittableRandom;

/**
 * A fixed pseudo-word vocabulary (syllable combinations) whose use follows Zipf's law, so titles contain a few
 * very common words and many rare ones, as natural text does. Word {@code i} is the same in every run.
 */
public final class Words {

    private static final String[] ONSETS = {"b", "c", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t",
        "v", "w", "z", "br", "ch", "dr", "fl", "gr", "kr", "pl", "sh", "st", "th", "tr"};
    private static final String[] VOWELS = {"a", "e", "i", "o", "u", "ae", "ai", "ea", "io", "ou"};
    private static final String[] CODAS = {"", "", "n", "r", "l", "s", "th", "m", "nd", "st"};

    /** Vocabulary size. */
    public static final int SIZE = 3000;

    private static final String[] VOCABULARY = build();

    private Words() {
    }

    private static String[] build() {
        String[] words = new String[SIZE];
        SplittableRandom r = new SplittableRandom(20_261_128L);
        java.util.Set<String> seen = new java.util.HashSet<>();
        int i = 0;
        while (i < SIZE) {
            int syllables = 1 + r.nextInt(3);
            StringBuilder w = new StringBuilder();
            for (int s = 0; s < syllables; s++) {
                w.append(ONSETS[r.nextInt(ONSETS.length)]).append(VOWELS[r.nextInt(VOWELS.length)]);
            }
            w.append(CODAS[r.nextInt(CODAS.length)]);
            if (w.length() >= 3 && seen.add(w.toString())) {
                words[i++] = w.toString();
            }
        }
        return words;
    }

    /** Word of frequency rank {@code rank} (0 = most common). */
    public static String word(int rank) {
        return VOCABULARY[rank];
    }

    static String capitalized(String w) {
        return Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }
}
