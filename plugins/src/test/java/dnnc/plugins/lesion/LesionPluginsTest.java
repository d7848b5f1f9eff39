package dnnc.plugins.lesion;

import dnnc.api.LesionCriterion;
import dnnc.api.ParamSpec;
import dnnc.api.PluginKind;
import dnnc.api.Plugin;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LesionPluginsTest {
    @Test
    void providesBothCriteriaAndTheLesionStageWithTheStudyParameters() {
        LesionPlugins provider = new LesionPlugins();
        Map<String, LesionCriterion> criteria = new TreeMap<>();
        for (Class<? extends Plugin> type : provider.plugins()) {
            LesionCriterion criterion = (LesionCriterion) assertDoesNotThrow(() -> type.getConstructor().newInstance());
            criteria.put(criterion.name(), criterion);
        }
        assertEquals(java.util.Set.of("judge", "pixel-bce", "accuracy", "agreement", "output-distance"), criteria.keySet());
        assertTrue(criteria.get("judge").needsJudge());
        assertEquals(java.util.List.of(LesionStage.class), provider.stages());
        assertEquals(PluginKind.LESION, new LesionStage().kind());
        assertEquals(java.util.List.of("random-lesions", "tested-clusters", "significance", "seed", "scope", "seeds", "draws", "target"),
                criteria.get("pixel-bce").parameters().stream().map(ParamSpec::name).toList());
        assertEquals("200", criteria.get("judge").parameterValues().get("random-lesions"));
    }
}
