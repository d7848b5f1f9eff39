package dnnc.runner.golden;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ResultsComparisonTest {
    private static final String BEFORE = """
            {"run_id": "a", "model": {"test_bce": 390.012828125, "active_latents": 9},
             "ace": {"focus_latent": 7, "alphas": [-3.0, 3.0]}, "findings": {"fails": false}}""";

    @Test
    void theSameResultsOfAnotherRunAgree() throws Exception {
        assertEquals(List.of(), ResultsComparison.differences(json(BEFORE), json(BEFORE.replace("\"a\"", "\"b\""))));
    }

    @Test
    void summationOrderNoiseAgreesButAChangedNumberIsNamedByItsPath() throws Exception {
        assertEquals(List.of(), ResultsComparison.differences(json(BEFORE), json(BEFORE.replace("390.012828125", "390.0128282"))));
        assertEquals(List.of("model.test_bce: expected 390.012828125, was 390.0135"),
                ResultsComparison.differences(json(BEFORE), json(BEFORE.replace("390.012828125", "390.0135"))));
    }

    @Test
    void integersTextBooleansAndListElementsMustBeEqualAndMissingOrNewKeysAreDifferences() throws Exception {
        String after = BEFORE.replace("\"active_latents\": 9", "\"active_latents\": 8").replace("[-3.0, 3.0]", "[-3.0, 2.0]")
                .replace("false", "true").replace("\"focus_latent\": 7", "\"most_moving\": 7");
        assertEquals(List.of("ace.alphas[1]: expected 3.0, was 2.0", "ace.focus_latent: missing (was 7)",
                        "findings.fails: expected false, was true", "model.active_latents: expected 9, was 8", "ace.most_moving: new (7)"),
                ResultsComparison.differences(json(BEFORE), json(after)));
    }

    private static JsonNode json(String text) throws Exception {
        return new ObjectMapper().readTree(text);
    }
}
