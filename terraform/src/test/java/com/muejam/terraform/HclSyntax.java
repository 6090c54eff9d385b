package com.muejam.terraform;

import com.bertramlabs.plugins.hcl4j.RuntimeSymbols.ComputedObject;
import com.bertramlabs.plugins.hcl4j.RuntimeSymbols.ComputedTuple;
import com.bertramlabs.plugins.hcl4j.RuntimeSymbols.ForConditional;
import com.bertramlabs.plugins.hcl4j.RuntimeSymbols.ForSource;
import com.bertramlabs.plugins.hcl4j.RuntimeSymbols.Function;
import com.bertramlabs.plugins.hcl4j.RuntimeSymbols.GroupedExpression;
import com.bertramlabs.plugins.hcl4j.RuntimeSymbols.Operator;
import com.bertramlabs.plugins.hcl4j.RuntimeSymbols.PrimitiveType;
import com.bertramlabs.plugins.hcl4j.RuntimeSymbols.StringInterpolatedExpression;
import com.bertramlabs.plugins.hcl4j.RuntimeSymbols.SubTypePrimitiveType;
import com.bertramlabs.plugins.hcl4j.RuntimeSymbols.Variable;
import com.bertramlabs.plugins.hcl4j.RuntimeSymbols.VariableTree;
import com.bertramlabs.plugins.hcl4j.symbols.HCLArray;
import com.bertramlabs.plugins.hcl4j.symbols.HCLAttribute;
import com.bertramlabs.plugins.hcl4j.symbols.HCLBlock;
import com.bertramlabs.plugins.hcl4j.symbols.HCLValue;
import com.bertramlabs.plugins.hcl4j.symbols.Symbol;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.io.StringReader;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns HCL text into {@link Block}s and {@link Expr}s using hcl4j's lexer.
 *
 * <p>hcl4j's {@code HCLParser} evaluates what it parses: {@code count = var.replica_count} comes back as the
 * variable's default, unresolvable expressions as null, so the structure the checks need is lost. Its lexer, though,
 * builds a faithful syntax tree (blocks, attributes, operators, function calls, traversals with their index
 * expressions), so this class drives the lexer directly and renders each expression back to normalised text.
 * The lexer class is package-private in hcl4j 0.9.4, hence the reflection; it also prints a few debug lines to
 * {@code System.out}, which are swallowed.
 */
final class HclSyntax {

    private static final Set<String> TOP_LEVEL_BLOCKS = Set.of("terraform", "provider", "variable", "locals", "output",
            "module", "resource", "data", "ephemeral", "moved", "import", "check", "removed");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

    private static final Constructor<?> LEXER;
    private static final Method YYLEX;
    private static final Field ELEMENT_STACK;

    static {
        try {
            Class<?> lexer = Class.forName("com.bertramlabs.plugins.hcl4j.HCLLexer");
            LEXER = lexer.getDeclaredConstructor(Reader.class);
            LEXER.setAccessible(true);
            YYLEX = lexer.getDeclaredMethod("yylex");
            YYLEX.setAccessible(true);
            ELEMENT_STACK = lexer.getField("elementStack");
            ELEMENT_STACK.setAccessible(true);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private HclSyntax() {
    }

    /** Thrown when a file is not HCL the checks can read. */
    static final class HclSyntaxException extends RuntimeException {
        HclSyntaxException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Blocks of a configuration file ({@code .tf}). */
    static List<Block> parseConfiguration(String file, String text) {
        List<Block> blocks = new ArrayList<>();
        for (Symbol symbol : lex(file, text)) {
            if (!(symbol instanceof HCLBlock block) || !TOP_LEVEL_BLOCKS.contains(block.blockNames.get(0))) {
                // The lexer does not reject an unclosed block: its content then surfaces here.
                throw new HclSyntaxException(file + ":" + line(symbol) + ": unexpected top-level "
                        + symbol.getSymbolName() + " '" + symbol.getName() + "' (unbalanced braces?)", null);
            }
            blocks.add(block(file, block));
        }
        return blocks;
    }

    /** Attributes of a variable definitions file ({@code .tfvars}). */
    static Map<String, Expr> parseAttributes(String file, String text) {
        Map<String, Expr> attributes = new LinkedHashMap<>();
        for (Symbol symbol : lex(file, text)) {
            if (!(symbol instanceof HCLAttribute attribute)) {
                throw new HclSyntaxException(file + ":" + line(symbol) + ": only attributes expected", null);
            }
            if (attributes.put(attribute.getName(), expr(attribute.getChildren())) != null) {
                throw new HclSyntaxException(file + ":" + line(symbol) + ": duplicate " + attribute.getName(), null);
            }
        }
        return attributes;
    }

    /** The expression of {@code value = <text>}; for tests of the renderer. */
    static Expr parseExpression(String text) {
        return parseAttributes("<expression>", "value = " + text + "\n").get("value");
    }

    @SuppressWarnings("unchecked")
    private static List<Symbol> lex(String file, String text) {
        PrintStream out = System.out;
        synchronized (HclSyntax.class) {
            System.setOut(new PrintStream(OutputStream.nullOutputStream()));
            try {
                Object lexer = LEXER.newInstance(new StringReader(text));
                YYLEX.invoke(lexer);
                return new ArrayList<>((List<Symbol>) ELEMENT_STACK.get(lexer));
            } catch (InvocationTargetException e) {
                throw new HclSyntaxException(file + ": " + e.getCause().getMessage(), e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            } finally {
                System.setOut(out);
            }
        }
    }

    private static int line(Symbol symbol) {
        return symbol.getLine() == null ? 0 : symbol.getLine() + 1;
    }

    private static Block block(String file, HCLBlock block) {
        Map<String, Expr> attributes = new LinkedHashMap<>();
        List<Block> nested = new ArrayList<>();
        for (Symbol child : children(block)) {
            if (child instanceof HCLAttribute attribute) {
                if (attributes.put(attribute.getName(), expr(attribute.getChildren())) != null) {
                    throw new HclSyntaxException(file + ":" + line(child) + ": attribute " + attribute.getName()
                            + " set twice", null);
                }
            } else if (child instanceof HCLBlock inner) {
                nested.add(block(file, inner));
            } else {
                throw new HclSyntaxException(file + ":" + line(child) + ": unexpected " + child.getSymbolName()
                        + " inside block " + block.blockNames, null);
            }
        }
        List<String> names = block.blockNames;
        return new Block(names.get(0), List.copyOf(names.subList(1, names.size())),
                Collections.unmodifiableMap(attributes), List.copyOf(nested), file, line(block));
    }

    private static Expr expr(List<Symbol> symbols) {
        List<Symbol> sequence = symbols == null ? List.of() : symbols;
        Object literal = null;
        boolean isLiteral = false;
        Map<String, Expr> entries = Map.of();
        if (sequence.size() == 1) {
            Symbol only = sequence.get(0);
            if (only instanceof HCLValue value) {
                literal = literal(value);
                isLiteral = true;
            } else if (only instanceof HCLArray array && children(array).stream().allMatch(HCLValue.class::isInstance)) {
                literal = children(array).stream().map(s -> literal((HCLValue) s)).toList();
                isLiteral = true;
            } else if (only instanceof HCLBlock object) {
                Map<String, Expr> map = new LinkedHashMap<>();
                for (Symbol child : children(object)) {
                    if (child instanceof HCLAttribute attribute) {
                        map.put(attribute.getName(), expr(attribute.getChildren()));
                    }
                }
                entries = Collections.unmodifiableMap(map);
            }
        }
        Set<String> references = new LinkedHashSet<>();
        collectReferences(sequence, references);
        return new Expr(sequence(sequence, false), literal, isLiteral, entries,
                Collections.unmodifiableSet(references));
    }

    private static Object literal(HCLValue value) {
        return switch (value.type) {
            case "string" -> String.valueOf(value.value);
            case "number" -> new BigDecimal(String.valueOf(value.value));
            case "boolean" -> Boolean.valueOf(String.valueOf(value.value));
            default -> null;
        };
    }

    private static void collectReferences(List<Symbol> symbols, Set<String> into) {
        for (Symbol symbol : symbols) {
            if (symbol instanceof VariableTree tree) {
                into.add(render(tree));
            } else if (symbol instanceof Variable variable) {
                into.add(variable.getName());
            }
            if (symbol instanceof HCLBlock object) {
                for (Symbol child : children(object)) {
                    collectReferences(children(child), into);
                }
            } else if (!(symbol instanceof VariableTree)) {
                collectReferences(children(symbol), into);
            } else {
                // index expressions inside a traversal: replica[count.index]
                for (Symbol part : children(symbol)) {
                    if (part instanceof HCLArray index) {
                        collectReferences(children(index), into);
                    }
                }
            }
        }
    }

    private static List<Symbol> children(Symbol symbol) {
        return symbol.getChildren() == null ? List.of() : symbol.getChildren();
    }

    /**
     * Renders a sequence of operands and operators. The lexer keeps function arguments and list elements as
     * plain siblings, so in an argument list adjacent operands are separated by commas; elsewhere a list right
     * after an operand is an index ({@code split(".", v)[0]}).
     */
    private static String sequence(List<Symbol> symbols, boolean arguments) {
        StringBuilder text = new StringBuilder();
        boolean afterOperand = false;
        for (Symbol symbol : symbols) {
            if (symbol instanceof ForSource || symbol instanceof ForConditional) {
                continue;
            }
            if (symbol instanceof Operator operator) {
                if (afterOperand) {
                    text.append(' ').append(operator.getName()).append(' ');
                } else {
                    text.append(operator.getName()); // unary ! or -
                }
                afterOperand = false;
                continue;
            }
            if (afterOperand) {
                if (!arguments && symbol instanceof HCLArray index) {
                    text.append('[').append(sequence(children(index), true)).append(']');
                    continue;
                }
                text.append(", ");
            }
            text.append(render(symbol));
            afterOperand = true;
        }
        return text.toString();
    }

    private static String render(Symbol symbol) {
        if (symbol instanceof HCLValue value) {
            return switch (value.type) {
                case "string" -> quote(String.valueOf(value.value));
                case "null" -> "null";
                default -> String.valueOf(value.value);
            };
        }
        if (symbol instanceof VariableTree tree) {
            StringBuilder text = new StringBuilder();
            for (Symbol part : children(tree)) {
                if (part instanceof HCLArray index) {
                    List<Symbol> inner = children(index);
                    boolean splat = inner.size() == 1 && inner.get(0) instanceof Operator op && "*".equals(op.getName());
                    text.append('[').append(splat ? "*" : sequence(inner, true)).append(']');
                } else {
                    text.append(text.length() == 0 ? "" : ".").append(part.getName());
                }
            }
            return text.toString();
        }
        if (symbol instanceof Function function) {
            return function.getName() + "(" + sequence(children(function), true) + ")";
        }
        if (symbol instanceof HCLArray array) {
            return "[" + sequence(children(array), true) + "]";
        }
        if (symbol instanceof HCLBlock object) {
            List<String> entries = new ArrayList<>();
            for (Symbol child : children(object)) {
                String key = child.getName();
                entries.add((IDENTIFIER.matcher(key).matches() ? key : quote(key)) + " = "
                        + sequence(children(child), false));
            }
            return entries.isEmpty() ? "{}" : "{ " + String.join(", ", entries) + " }";
        }
        if (symbol instanceof StringInterpolatedExpression template) {
            return template(template);
        }
        if (symbol instanceof GroupedExpression group) {
            return "(" + sequence(children(group), false) + ")";
        }
        if (symbol instanceof ComputedTuple tuple) {
            return "[for " + forBody(tuple.getVariables(), children(tuple)) + "]";
        }
        if (symbol instanceof ComputedObject object) {
            return "{for " + forBody(object.getVariables(), children(object)) + "}";
        }
        if (symbol instanceof SubTypePrimitiveType type) {
            String inner = type.getSubType() != null ? render(type.getSubType()) : sequence(children(type), true);
            return type.getName() + "(" + inner + ")";
        }
        if (symbol instanceof PrimitiveType type) {
            List<Symbol> inner = children(type);
            return inner.isEmpty() ? type.getName() : type.getName() + "(" + sequence(inner, true) + ")";
        }
        return symbol.getName();
    }

    private static String forBody(List<Variable> variables, List<Symbol> children) {
        List<String> names = variables == null ? List.of() : variables.stream().map(Variable::getName).toList();
        int source = 0;
        while (source < children.size() && !(children.get(source) instanceof ForSource)) {
            source++;
        }
        String in = sequence(children.subList(0, source), false);
        String body = source < children.size() ? sequence(children.subList(source + 1, children.size()), false) : "";
        return String.join(", ", names) + " in " + in + (body.isEmpty() ? "" : " : " + body);
    }

    /** A quoted template: literal parts as they are, interpolations as {@code ${...}}. */
    private static String template(StringInterpolatedExpression template) {
        StringBuilder text = new StringBuilder("\"");
        for (Symbol part : children(template)) {
            if (part instanceof Operator) {
                continue; // the lexer joins template parts with "+"
            }
            if (part instanceof HCLValue value && "string".equals(value.type)) {
                text.append(escape(String.valueOf(value.value)));
            } else if (part instanceof StringInterpolatedExpression inner) {
                text.append("${").append(sequence(children(inner), false)).append('}');
            } else {
                text.append("${").append(render(part)).append('}');
            }
        }
        return text.append('"').toString();
    }

    private static String quote(String value) {
        return "\"" + escape(value) + "\"";
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
