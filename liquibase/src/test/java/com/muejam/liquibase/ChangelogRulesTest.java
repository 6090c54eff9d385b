package com.muejam.liquibase;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Static rules every changeset follows, checked on the packaged changelog files (no database). */
class ChangelogRulesTest {

    private static final Pattern HEADER = Pattern.compile("^--changeset muejam:(\\S+)(.*)$", Pattern.MULTILINE);

    @Test
    void everyIndexChangesetIsOneConcurrentRebuildableBuildWithLockTimeoutAndRollback() throws Exception {
        List<String[]> changeSets = changeSets("indexes");
        assertThat(changeSets).hasSize(ReleasePathTest.INDEX_CHANGESETS);
        for (String[] cs : changeSets) {
            String id = cs[0];
            String header = cs[1];
            String body = cs[2];
            String name = id; // the changeset id is the index name
            assertThat(header).as(id).contains("labels:index").contains("runInTransaction:false");
            assertThat(body).as(id)
                    .contains("--comment: ")
                    .contains("--preconditions onFail:MARK_RAN onError:HALT")
                    .contains("--precondition-sql-check expectedResult:0 SELECT count(*) FROM pg_index "
                            + "WHERE indexrelid = to_regclass('" + name + "') AND indisvalid")
                    .contains("\nSET lock_timeout = '${index.lock_timeout}';\n")
                    .contains("\nDROP INDEX CONCURRENTLY IF EXISTS " + name + ";\n")
                    .contains("--rollback DROP INDEX CONCURRENTLY IF EXISTS " + name + ";");
            Matcher create = Pattern.compile("^CREATE (UNIQUE )?INDEX CONCURRENTLY (\\S+) ON ", Pattern.MULTILINE)
                    .matcher(body);
            assertThat(create.find()).as(id + " builds an index").isTrue();
            assertThat(create.group(2)).as(id).isEqualTo(name);
            assertThat(create.find()).as(id + " builds exactly one index").isFalse();
            assertThat(body).as(id).doesNotContain("IF NOT EXISTS");
        }
    }

    @Test
    void schemaChangesetsAreTransactionalAndBuildNoIndexConcurrently() throws Exception {
        for (String[] cs : changeSets("schema")) {
            assertThat(cs[1]).as(cs[0]).contains("labels:schema").doesNotContain("runInTransaction");
            assertThat(cs[2]).as(cs[0]).doesNotContain("CONCURRENTLY").contains("--rollback ");
            if (!cs[0].startsWith("001-")) { // 001 predates the rule and is already released
                assertThat(cs[2]).as(cs[0]).contains("SET LOCAL lock_timeout = '${schema.lock_timeout}';");
            }
        }
    }

    /** {id, header rest, body} of every changeset in the SQL files of one changelog directory. */
    static List<String[]> changeSets(String directory) throws IOException, URISyntaxException {
        Path dir = Path.of(ChangelogRulesTest.class.getClassLoader()
                .getResource("db/changelog/" + directory).toURI());
        List<String[]> result = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".sql")).sorted().toList()) {
                String text = Files.readString(file);
                assertThat(text).as(file.toString()).startsWith("--liquibase formatted sql");
                Matcher m = HEADER.matcher(text);
                List<int[]> starts = new ArrayList<>();
                while (m.find()) {
                    starts.add(new int[] {m.start(), m.end()});
                }
                for (int i = 0; i < starts.size(); i++) {
                    String headerLine = text.substring(starts.get(i)[0], starts.get(i)[1]);
                    Matcher h = HEADER.matcher(headerLine);
                    h.find();
                    int end = i + 1 < starts.size() ? starts.get(i + 1)[0] : text.length();
                    result.add(new String[] {h.group(1), h.group(2), text.substring(starts.get(i)[1], end)});
                }
            }
        }
        return result;
    }
}
