package dnnc.plugins.attribution;

import dnnc.api.AttributionMethod;
import dnnc.api.ParamSpec;
import dnnc.api.PluginKind;
import dnnc.api.PluginInfo;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AttributionPluginsTest {
    @Test
    void providesTheMethodsByNameAndTheStage() {
        AttributionPlugins provider = new AttributionPlugins();
        assertEquals(Set.of("ace-monte-carlo", "ace-taylor", "saliency", "integrated-gradients", "network-ace"),
                provider.plugins().stream().map(type -> type.getAnnotation(PluginInfo.class).name()).collect(Collectors.toSet()));
        assertTrue(provider.plugins().stream().allMatch(AttributionMethod.class::isAssignableFrom));
        assertEquals(List.of(AttributionStage.class), provider.stages());
        assertEquals(PluginKind.ATTRIBUTION, new AttributionStage().kind());
    }

    @Test
    void stepParametersAreDeclaredOnceInTheAceBase() {
        List<String> names = new TaylorAcePlugin().parameters().stream().map(ParamSpec::name).toList();
        assertEquals(List.of("target", "seed", "inputs", "alphas", "focus", "draws", "chunk", "threads", "step", "curvature", "compare"), names);
        assertEquals("-3,-2,-1,0,1,2,3", new MonteCarloAcePlugin().parameterValues().get("alphas"));
    }
}
