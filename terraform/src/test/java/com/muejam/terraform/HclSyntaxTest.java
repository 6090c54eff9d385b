package com.muejam.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The HCL adapter renders expressions back to their source form, which the rules compare against. */
class HclSyntaxTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "var.replica_count",
            "aws_db_instance.replica[count.index].identifier",
            "var.create_kms_key ? one(aws_kms_key.rds[*].arn) : var.kms_key_arn",
            "\"${var.identifier}-replica-${n + 1}\"",
            "split(\".\", var.engine_version)[0]",
            "floor(local.max_connections * var.connections_alarm_ratio)",
            "var.replica_count >= 0 && var.replica_count <= 2 && floor(var.replica_count) == var.replica_count",
            "var.manage || (try(length(var.p), 0) >= 8 && !can(regex(\"[/\\\"@ ]\", var.p)))",
            "try(aws_db_instance.replica[1].address, null)",
            "merge(local.tags, { \"muejam:db-role\" = \"primary\" })",
            "\"arn:${data.aws_partition.current.partition}:iam::aws:policy/x\"",
    })
    void rendersExpressionsAsWritten(String source) {
        assertThat(HclSyntax.parseExpression(source).text()).isEqualTo(source);
    }

    @Test
    void collectsReferencesIncludingIndexExpressions() {
        Expr expr = HclSyntax.parseExpression("\"${aws_db_instance.replica[count.index].identifier}-cpu\"");
        assertThat(expr.references()).contains("aws_db_instance.replica[count.index].identifier", "count.index");
        assertThat(expr.refersTo("aws_db_instance.replica[count.index]")).isTrue();
        assertThat(expr.refersTo("aws_db_instance.replica[0]")).isFalse();
        assertThat(expr.isLiteral()).isFalse();
    }

    @Test
    void readsLiteralsAndObjects() {
        assertThat(HclSyntax.parseExpression("true").isTrue()).isTrue();
        assertThat(HclSyntax.parseExpression("false").isFalse()).isTrue();
        assertThat(HclSyntax.parseExpression("7").number()).contains(new BigDecimal("7"));
        assertThat(HclSyntax.parseExpression("0.8").number()).contains(new BigDecimal("0.8"));
        assertThat(HclSyntax.parseExpression("\"gp3\"").literal()).isEqualTo("gp3");
        assertThat(HclSyntax.parseExpression("[\"postgresql\", \"upgrade\"]").literal())
                .isEqualTo(List.of("postgresql", "upgrade"));
        Expr object = HclSyntax.parseExpression("{\n  DBInstanceIdentifier = aws_db_instance.primary.identifier\n}");
        assertThat(object.entry("DBInstanceIdentifier")).map(Expr::text)
                .contains("aws_db_instance.primary.identifier");
    }

    @Test
    void readsBlocksWithLabelsNestedBlocksAndLines() {
        List<Block> blocks = HclSyntax.parseConfiguration("x.tf", """
                # comment
                resource "aws_db_parameter_group" "this" {
                  family = "postgres15"

                  parameter {
                    name  = "a"
                    value = "1"
                  }

                  parameter {
                    name  = "b"
                    value = "2"
                  }
                }
                """);
        assertThat(blocks).hasSize(1);
        Block group = blocks.get(0);
        assertThat(group.address()).isEqualTo("aws_db_parameter_group.this");
        assertThat(group.line()).isEqualTo(2);
        assertThat(group.nested("parameter")).extracting(p -> p.attr("name").orElseThrow().literal())
                .containsExactly("a", "b");
    }

    @Test
    void rejectsWhatItCannotRead() {
        assertThatThrownBy(() -> HclSyntax.parseConfiguration("bad.tf", "resource \"a\" \"b\" {\n  x = = 1\n}\n"))
                .isInstanceOf(HclSyntax.HclSyntaxException.class).hasMessageContaining("bad.tf");
        assertThatThrownBy(() -> HclSyntax.parseConfiguration("open.tf", "resource \"a\" \"b\" {\n  x = 1\n"))
                .isInstanceOf(HclSyntax.HclSyntaxException.class).hasMessageContaining("unbalanced");
        assertThatThrownBy(() -> HclSyntax.parseConfiguration("twice.tf", "resource \"a\" \"b\" {\n  x = 1\n  x = 2\n}\n"))
                .isInstanceOf(HclSyntax.HclSyntaxException.class).hasMessageContaining("set twice");
    }
}
