package dnnc.plugins.attribution;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import dnnc.api.AttributionMethod;
import dnnc.api.ParamSpec;
import dnnc.api.PluginKind;
import dnnc.api.Stage;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class AttributionPluginsTest {
    @Test
    void bindsTheFourMethodsByNameAndTheStage() {
        Injector injector = Guice.createInjector(new AttributionPlugins());
        Map<String, AttributionMethod> methods = injector.getInstance(Key.get(new TypeLiteral<Map<String, AttributionMethod>>() { }));
        assertEquals(Set.of("ace-monte-carlo", "ace-taylor", "saliency", "integrated-gradients"), methods.keySet());
        Map<PluginKind, Stage<?>> stages = injector.getInstance(Key.get(new TypeLiteral<Map<PluginKind, Stage<?>>>() { }));
        assertInstanceOf(AttributionStage.class, stages.get(PluginKind.ATTRIBUTION));
    }

    @Test
    void stepParametersAreDeclaredOnceInTheAceBase() {
        List<String> names = new TaylorAcePlugin().parameters().stream().map(ParamSpec::name).toList();
        assertEquals(List.of("target", "seed", "inputs", "alphas", "focus", "draws", "chunk", "threads", "step", "curvature", "compare"), names);
        assertEquals("-3,-2,-1,0,1,2,3", new MonteCarloAcePlugin().parameterValues().get("alphas"));
    }
}
