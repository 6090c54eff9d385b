package com.muejam.infrastructure.persistence;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;

/** A {@link HotQuery}'s SQL with {@code :name} placeholders, its positional form and the indexes it must use. */
public final class SqlText {

    private final String namedSql;
    private final String sql;
    private final List<String> parameters;
    private final List<String> indexes;

    SqlText(String namedSql, String... indexes) {
        this.namedSql = namedSql;
        this.indexes = List.of(indexes);
        List<String> names = new ArrayList<>();
        Matcher m = Sql.PARAMETER.matcher(namedSql);
        StringBuilder positional = new StringBuilder();
        while (m.find()) {
            names.add(m.group(1));
            m.appendReplacement(positional, "?");
        }
        m.appendTail(positional);
        this.sql = positional.toString();
        this.parameters = Collections.unmodifiableList(names);
    }

    public String sql() {
        return sql;
    }

    public String namedSql() {
        return namedSql;
    }

    public List<String> parameters() {
        return parameters;
    }

    public List<String> indexes() {
        return indexes;
    }

    /** See {@link HotQuery#bind}; {@code query} names the entry in the messages. */
    Object[] bind(String query, Map<String, ?> values) {
        Set<String> unknown = new HashSet<>(values.keySet());
        unknown.removeAll(parameters);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(query + " has no parameters " + unknown);
        }
        Object[] result = new Object[parameters.size()];
        for (int i = 0; i < result.length; i++) {
            String p = parameters.get(i);
            if (!values.containsKey(p)) {
                throw new IllegalArgumentException(query + " needs a value for :" + p);
            }
            result[i] = values.get(p);
        }
        return result;
    }
}
