package dnnc.web;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A filter over runs, parsed from text such as {@code beta > 2 and model.test_bce < 140 or seed in (1, 2, 3)}. It is
 * evaluated on each run's values in Java, never turned into SQL.
 *
 * <pre>
 * expression := and ("or" and)*
 * and        := unary ("and" unary)*
 * unary      := "not" unary | "(" expression ")" | comparison
 * comparison := name operator value | name ["not"] "in" "(" value ("," value)* ")"
 * operator   := = | == | != | &lt;&gt; | &lt; | &lt;= | &gt; | &gt;=
 * value      := number | 'text' | "text" | word
 * name       := letters, digits, '_', '.', '-' (starting with a letter or '_'), or `any text`
 * </pre>
 *
 * Words are case-insensitive ({@code AND}, {@code In}). A value compares as a number when both sides read as
 * numbers, else as text. A run without a value under the name matches no comparison (so {@code not} of one matches).
 */
public final class RunFilterExpression {
    /** The value of a name for one run, or null when the run has none. */
    @FunctionalInterface
    public interface Values {
        JsonNode valueOf(String name);
    }

    private sealed interface Node permits Or, And, Not, Comparison, Membership {
        boolean matches(Values values);
    }

    private record Or(List<Node> terms) implements Node {
        public boolean matches(Values values) {
            return terms.stream().anyMatch(t -> t.matches(values));
        }
    }

    private record And(List<Node> terms) implements Node {
        public boolean matches(Values values) {
            return terms.stream().allMatch(t -> t.matches(values));
        }
    }

    private record Not(Node term) implements Node {
        public boolean matches(Values values) {
            return !term.matches(values);
        }
    }

    private record Comparison(String name, String operator, String literal) implements Node {
        public boolean matches(Values values) {
            JsonNode value = values.valueOf(name);
            if (value == null || value.isNull() || value.isContainerNode()) {
                return false;
            }
            int order = compare(value, literal);
            return switch (operator) {
                case "=" -> order == 0;
                case "!=" -> order != 0;
                case "<" -> order < 0;
                case "<=" -> order <= 0;
                case ">" -> order > 0;
                case ">=" -> order >= 0;
                default -> throw new IllegalStateException(operator);
            };
        }
    }

    private record Membership(String name, List<String> literals, boolean negated) implements Node {
        public boolean matches(Values values) {
            JsonNode value = values.valueOf(name);
            if (value == null || value.isNull() || value.isContainerNode()) {
                return false;
            }
            return literals.stream().anyMatch(l -> compare(value, l) == 0) != negated;
        }
    }

    private final String text;
    private final Node root;
    private final Set<String> names;

    private RunFilterExpression(String text, Node root, Set<String> names) {
        this.text = text;
        this.root = root;
        this.names = names;
    }

    /** Parses a filter; blank text is the filter that keeps every run. */
    public static RunFilterExpression parse(String text) {
        if (text == null || text.isBlank()) {
            return new RunFilterExpression("", null, Set.of());
        }
        Parser parser = new Parser(text);
        Node root = parser.expression();
        parser.expectEnd();
        return new RunFilterExpression(text, root, parser.names);
    }

    public boolean matches(Values values) {
        return root == null || root.matches(values);
    }

    /** The names the filter reads, in order of appearance. */
    public Set<String> names() {
        return names;
    }

    public String text() {
        return text;
    }

    /** Numbers by value when both sides are numbers (or numeric text), everything else as text. */
    static int compare(JsonNode value, String literal) {
        Double number = number(value);
        Double wanted = parseNumber(literal);
        if (number != null && wanted != null) {
            return Double.compare(number, wanted);
        }
        String textValue = value.isTextual() ? value.textValue() : value.asText();
        return textValue.compareTo(literal);
    }

    static Double number(JsonNode value) {
        if (value == null) {
            return null;
        }
        if (value.isNumber()) {
            return value.doubleValue();
        }
        return value.isTextual() ? parseNumber(value.textValue()) : null;
    }

    private static Double parseNumber(String text) {
        String trimmed = text.trim();
        if (trimmed.isEmpty() || !(Character.isDigit(trimmed.charAt(trimmed.length() - 1)) || trimmed.endsWith("."))) {
            return null; // "NaN", "Infinity", "1e" and words are text
        }
        try {
            return Double.valueOf(trimmed);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Recursive descent over the characters; errors name the column (1-based) and what was expected. */
    private static final class Parser {
        private final String text;
        private final Set<String> names = new LinkedHashSet<>();
        private int position;

        Parser(String text) {
            this.text = text;
        }

        Node expression() {
            List<Node> terms = new ArrayList<>(List.of(and()));
            while (acceptWord("or")) {
                terms.add(and());
            }
            return terms.size() == 1 ? terms.get(0) : new Or(terms);
        }

        private Node and() {
            List<Node> terms = new ArrayList<>(List.of(unary()));
            while (acceptWord("and")) {
                terms.add(unary());
            }
            return terms.size() == 1 ? terms.get(0) : new And(terms);
        }

        private Node unary() {
            if (acceptWord("not")) {
                return new Not(unary());
            }
            if (accept("(")) {
                Node inner = expression();
                expect(")", "')' to close the '(' opened before");
                return inner;
            }
            return comparison();
        }

        private Node comparison() {
            String name = name();
            names.add(name);
            boolean negated = acceptWord("not");
            if (acceptWord("in")) {
                expect("(", "'(' and a list of values after 'in'");
                List<String> literals = new ArrayList<>(List.of(value()));
                while (accept(",")) {
                    literals.add(value());
                }
                expect(")", "',' or ')' in the list of values");
                return new Membership(name, literals, negated);
            }
            if (negated) {
                throw error("'in' after 'not' (write 'not " + name + " = ...' to negate a comparison)");
            }
            String operator = operator();
            return new Comparison(name, operator, value());
        }

        private String operator() {
            skipSpaces();
            for (String candidate : List.of("==", "!=", "<>", "<=", ">=", "=", "<", ">")) {
                if (text.startsWith(candidate, position)) {
                    position += candidate.length();
                    return switch (candidate) {
                        case "==" -> "=";
                        case "<>" -> "!=";
                        default -> candidate;
                    };
                }
            }
            throw error("a comparison (=, !=, <, <=, >, >=) or 'in'");
        }

        private String name() {
            skipSpaces();
            if (accept("`")) {
                int end = text.indexOf('`', position);
                if (end < 0) {
                    throw error("a closing '`'");
                }
                String quoted = text.substring(position, end);
                position = end + 1;
                return quoted;
            }
            if (position >= text.length() || !(Character.isLetter(text.charAt(position)) || text.charAt(position) == '_')) {
                throw error("a name (a run field such as seed or status, a parameter such as beta, or a result such as model.test_bce)");
            }
            String word = word();
            if (isKeyword(word)) {
                position -= word.length();
                throw error("a name before '" + word + "'");
            }
            return word;
        }

        private String value() {
            skipSpaces();
            if (position < text.length() && (text.charAt(position) == '\'' || text.charAt(position) == '"')) {
                char quote = text.charAt(position++);
                int end = text.indexOf(quote, position);
                if (end < 0) {
                    throw error("a closing " + quote);
                }
                String literal = text.substring(position, end);
                position = end + 1;
                return literal;
            }
            int start = position;
            while (position < text.length() && !Character.isWhitespace(text.charAt(position))
                    && "(),=!<>'\"`".indexOf(text.charAt(position)) < 0) {
                position++;
            }
            if (start == position || isKeyword(text.substring(start, position))) {
                position = start;
                throw error("a value (a number, 'text' in quotes or a word)");
            }
            return text.substring(start, position);
        }

        private String word() {
            int start = position;
            while (position < text.length() && isNameCharacter(text.charAt(position))) {
                position++;
            }
            return text.substring(start, position);
        }

        private static boolean isNameCharacter(char c) {
            return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-';
        }

        private static boolean isKeyword(String word) {
            return List.of("and", "or", "not", "in").contains(word.toLowerCase(Locale.ROOT));
        }

        private boolean acceptWord(String keyword) {
            skipSpaces();
            int end = position + keyword.length();
            if (text.regionMatches(true, position, keyword, 0, keyword.length())
                    && (end == text.length() || !isNameCharacter(text.charAt(end)))) {
                position = end;
                return true;
            }
            return false;
        }

        private boolean accept(String symbol) {
            skipSpaces();
            if (text.startsWith(symbol, position)) {
                position += symbol.length();
                return true;
            }
            return false;
        }

        private void expect(String symbol, String expected) {
            if (!accept(symbol)) {
                throw error(expected);
            }
        }

        void expectEnd() {
            skipSpaces();
            if (position < text.length()) {
                throw error("'and', 'or' or the end of the filter");
            }
        }

        private void skipSpaces() {
            while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
                position++;
            }
        }

        private FilterSyntaxException error(String expected) {
            String found = position >= text.length() ? "the end" : "'" + text.substring(position, Math.min(text.length(), position + 12)) + "'";
            return new FilterSyntaxException("filter '" + text + "', column " + (position + 1) + ": expected " + expected
                    + ", found " + found);
        }
    }
}
