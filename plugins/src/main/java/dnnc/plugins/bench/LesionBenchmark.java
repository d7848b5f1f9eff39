package dnnc.plugins.bench;

import dnnc.api.Benchmark;
import dnnc.api.BenchmarkSettings;
import dnnc.plugins.lesion.LesionBench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Lesion evaluations per second: the incremental batched engine against one full forward pass per lesion. */
public final class LesionBenchmark implements Benchmark {
    @Override
    public String name() {
        return "lesion";
    }

    @Override
    public String description() {
        return "lesion evaluations/s, engine vs forward loop: 100 lesions of 50 hidden/output neurons, 7 alphas x 100 draws (options lesion.count, lesion.size, lesion.draws)";
    }

    @Override
    public Map<String, Double> run(BenchmarkSettings settings) {
        int count = settings.intOption("lesion.count", 100);
        int size = settings.intOption("lesion.size", 50);
        int draws = settings.intOption("lesion.draws", 100);
        double[] engine = new double[settings.repeats()];
        double[] loop = new double[settings.repeats()];
        boolean identical = true;
        for (int r = 0; r < settings.repeats(); r++) {
            List<LesionBench.Result> results = LesionBench.run(count, size, draws, settings.seed());
            LesionBench.Result hidden = results.stream().filter(x -> x.lesionPool().equals("hidden+output")).findFirst()
                    .orElse(results.get(0));
            engine[r] = hidden.engineEvaluationsPerSecond();
            loop[r] = hidden.loopEvaluationsPerSecond();
            identical &= hidden.identical();
        }
        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("engine.evals_per_s", Timings.median(engine));
        figures.put("loop.evals_per_s", Timings.median(loop));
        figures.put("engine_over_loop", Timings.median(engine) / Timings.median(loop));
        figures.put("identical", identical ? 1.0 : 0.0);
        return figures;
    }
}
