package dnnc.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunFilterExpressionTest {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** A run as the table sees it: parameters are text, results numbers, booleans or text. */
    private static final Map<String, JsonNode> RUN = Map.of("beta", NODES.textNode("4"), "seed", NODES.numberNode(2),
            "model.test_bce", NODES.numberNode(139.5), "status", NODES.textNode("failed"),
            "clustering.ace.0.converged", NODES.booleanNode(true), "lesion-draws", NODES.textNode("5"),
            "a name", NODES.textNode("x y"));

    private static boolean matches(String filter) {
        return RunFilterExpression.parse(filter).matches(RUN::get);
    }

    @Test
    void comparesNumbersByValueAndTextAsText() {
        assertTrue(matches("beta > 2"));
        assertTrue(matches("beta = 4.0"), "the parameter '4' is the number 4");
        assertFalse(matches("beta > 10"));
        assertTrue(matches("model.test_bce < 140 and model.test_bce >= 139.5"));
        assertTrue(matches("status = failed and status != 'succeeded' and status <> \"running\""));
        assertTrue(matches("clustering.ace.0.converged = true"));
        assertTrue(matches("lesion-draws == 5"));
        assertTrue(matches("`a name` = 'x y'"));
    }

    @Test
    void andBindsTighterThanOrAndParenthesesGroup() {
        assertTrue(matches("beta > 10 and seed = 1 or seed = 2"));
        assertFalse(matches("beta > 10 and (seed = 1 or seed = 2)"));
        assertTrue(matches("NOT (beta > 10) AND seed IN (1, 2, 3)"));
        assertFalse(matches("seed not in (1, 2, 3)"));
        assertTrue(matches("status in (failed, interrupted)"));
    }

    @Test
    void aMissingValueMatchesNoComparison() {
        assertFalse(matches("judge.test_accuracy > 0"));
        assertFalse(matches("judge.test_accuracy != 0"));
        assertTrue(matches("not judge.test_accuracy > 0"));
        assertFalse(matches("judge.test_accuracy in (1)"));
    }

    @Test
    void blankKeepsEveryRunAndNamesAreListed() {
        assertTrue(RunFilterExpression.parse("  ").matches(name -> null));
        assertEquals(Set.of("beta", "model.test_bce", "seed"),
                RunFilterExpression.parse("(beta > 2 or model.test_bce < 1) and seed in (1)").names());
    }

    @Test
    void malformedFiltersNameTheColumnAndWhatWouldBeValid() {
        Map<String, String> errors = Map.of(
                "beta >", "column 7: expected a value",
                "beta > and seed = 1", "column 8: expected a value",
                "(beta > 2", "column 10: expected ')'",
                "beta 2", "column 6: expected a comparison",
                "beta > 2 seed = 1", "column 10: expected 'and', 'or' or the end",
                "> 2", "column 1: expected a name",
                "seed in 1, 2", "column 9: expected '(' and a list of values",
                "seed in (1 2)", "column 12: expected ',' or ')'",
                "status = 'failed", "expected a closing '",
                "seed not = 1", "expected 'in' after 'not'");
        errors.forEach((filter, expected) -> {
            FilterSyntaxException e = assertThrows(FilterSyntaxException.class, () -> RunFilterExpression.parse(filter));
            assertTrue(e.getMessage().contains(expected), filter + " -> " + e.getMessage());
            assertTrue(e.getMessage().startsWith("filter '" + filter + "'"), e.getMessage());
        });
    }

    @Test
    void keywordsAreNotNames() {
        for (String filter : List.of("and = 1", "or > 2", "in = 3")) {
            assertThrows(FilterSyntaxException.class, () -> RunFilterExpression.parse(filter), filter);
        }
    }
}
