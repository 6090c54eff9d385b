package com.muejam.application.story;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code @username} mentions of a text: distinct (case-insensitively, in order of first appearance) and at
 * most {@link #MAX} of them, so one story cannot notify the whole platform. A mention is an {@code @} not preceded
 * by a username character (so {@code mail@example.org} is none) followed by 3 to 50 username characters; trailing
 * dots and hyphens are punctuation ("thanks @ana.").
 */
public final class Mentions {

    /** Most users one story notifies. */
    public static final int MAX = 20;

    private static final Pattern MENTION = Pattern.compile("(?<![A-Za-z0-9_.@-])@([A-Za-z0-9_.-]{3,50})");

    private Mentions() {
    }

    /** Lower-cased usernames mentioned in the texts (nulls ignored), at most {@link #MAX}. */
    public static Set<String> in(String... texts) {
        Set<String> names = new LinkedHashSet<>();
        for (String text : texts) {
            if (text == null) {
                continue;
            }
            Matcher m = MENTION.matcher(text);
            while (m.find() && names.size() < MAX) {
                String name = m.group(1).replaceAll("[.-]+$", "");
                if (name.length() >= 3) {
                    names.add(name.toLowerCase(Locale.ROOT));
                }
            }
        }
        return names;
    }
}
