package dnnc.bench.benchmarks;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** Runs {@link LesionBench} from Maven: {@code -Dtest=LesionBenchRun -Ddnnc.bench=true}. Prints numbers only. */
@EnabledIfSystemProperty(named = "dnnc.bench", matches = "true")
class LesionBenchRun {
    @Test
    void printLesionEvaluationRates() {
        LesionBench.main(new String[] {System.getProperty("dnnc.bench.lesions", "100"),
                System.getProperty("dnnc.bench.size", "50"), System.getProperty("dnnc.bench.draws", "20")});
    }
}
