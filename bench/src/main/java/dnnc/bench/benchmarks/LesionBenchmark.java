package dnnc.bench.benchmarks;

import dnnc.bench.Benchmark;
import dnnc.bench.BenchmarkSettings;

import java.util.ArrayList;
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
        return "lesion evaluations/s, engine vs forward loops, decoder only and judged: 100 lesions of 50 neurons from three pools, 7 alphas x 20 draws (options lesion.count, lesion.size, lesion.draws)";
    }

    @Override
    public Map<String, Double> run(BenchmarkSettings settings) {
        int count = settings.intOption("lesion.count", 100);
        int size = settings.intOption("lesion.size", 50);
        int draws = settings.intOption("lesion.draws", 20);
        List<List<LesionBench.Result>> repeats = new ArrayList<>();
        for (int r = 0; r < settings.repeats(); r++) {
            repeats.add(LesionBench.run(count, size, draws, settings.seed()));
        }
        Map<String, Double> figures = new LinkedHashMap<>();
        for (int pool = 0; pool < repeats.get(0).size(); pool++) {
            int p = pool;
            String prefix = pool == HEADLINE_POOL ? "" : repeats.get(0).get(pool).lesionPool() + ".";
            List<LesionBench.Result> results = repeats.stream().map(r -> r.get(p)).toList();
            figures.put(prefix + "engine.evals_per_s", median(results, LesionBench.Result::engineEvaluationsPerSecond));
            figures.put(prefix + "loop.evals_per_s", median(results, LesionBench.Result::loopEvaluationsPerSecond));
            figures.put(prefix + "per_alpha_loop.evals_per_s", median(results, LesionBench.Result::perAlphaLoopEvaluationsPerSecond));
            figures.put(prefix + "engine_over_loop", figures.get(prefix + "engine.evals_per_s") / figures.get(prefix + "loop.evals_per_s"));
            figures.put(prefix + "judged.engine.evals_per_s", median(results, LesionBench.Result::judgedEngineEvaluationsPerSecond));
            figures.put(prefix + "judged.loop.evals_per_s", median(results, LesionBench.Result::judgedLoopEvaluationsPerSecond));
            figures.put(prefix + "judged.loop_graph_judge.evals_per_s", median(results, LesionBench.Result::judgedLoopOnGraphEvaluationsPerSecond));
            figures.put(prefix + "identical", results.stream().allMatch(LesionBench.Result::identical) ? 1.0 : 0.0);
        }
        return figures;
    }

    /** The pool whose figures carry no prefix: lesions of hidden and output neurons, as clusters are. */
    private static final int HEADLINE_POOL = 1;

    private static double median(List<LesionBench.Result> results, java.util.function.ToDoubleFunction<LesionBench.Result> figure) {
        return Timings.median(results.stream().mapToDouble(figure).toArray());
    }
}
