package com.muejam.infrastructure.persistence;

import java.util.Locale;

/**
 * Turns a case-insensitive prefix search into a range on {@code lower(column) COLLATE "C"}: [prefix, end). A
 * range works with a bound parameter in every plan, where {@code LIKE :p || '%'} needs a literal pattern.
 */
final class Prefixes {

    private Prefixes() {
    }

    static String lower(String prefix) {
        return prefix.toLowerCase(Locale.ROOT);
    }

    /** The smallest string above every string that starts with {@code lowerPrefix}, in code-point (= UTF-8 byte) order. */
    static String end(String lowerPrefix) {
        if (lowerPrefix.isEmpty()) {
            throw new IllegalArgumentException("empty prefix");
        }
        int last = lowerPrefix.codePointBefore(lowerPrefix.length());
        String head = lowerPrefix.substring(0, lowerPrefix.length() - Character.charCount(last));
        int next = last + 1 == Character.MIN_SURROGATE ? Character.MAX_SURROGATE + 1 : last + 1;
        return head + new String(Character.toChars(next));
    }
}
