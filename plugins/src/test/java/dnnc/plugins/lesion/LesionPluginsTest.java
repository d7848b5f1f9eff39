package dnnc.plugins.lesion;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import dnnc.api.LesionCriterion;
import dnnc.api.ParamSpec;
import dnnc.api.PluginKind;
import dnnc.api.Stage;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LesionPluginsTest {
    @Test
    void bindsBothCriteriaAndTheLesionStageWithTheStudyParameters() {
        Injector injector = Guice.createInjector(new LesionPlugins());
        Map<String, LesionCriterion> criteria = injector.getInstance(Key.get(new TypeLiteral<Map<String, LesionCriterion>>() { }));
        assertEquals(java.util.Set.of("judge", "pixel-bce"), criteria.keySet());
        assertTrue(criteria.get("judge").needsJudge());
        Map<PluginKind, Stage<?>> stages = injector.getInstance(Key.get(new TypeLiteral<Map<PluginKind, Stage<?>>>() { }));
        assertInstanceOf(LesionStage.class, stages.get(PluginKind.LESION));
        assertEquals(java.util.List.of("draws", "random-lesions", "tested-clusters", "significance", "target", "seed", "scope", "seeds"),
                criteria.get("pixel-bce").parameters().stream().map(ParamSpec::name).toList());
        assertEquals("200", criteria.get("judge").parameterValues().get("random-lesions"));
    }
}
