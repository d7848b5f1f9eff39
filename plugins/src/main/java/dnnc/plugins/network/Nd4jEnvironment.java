package dnnc.plugins.network;

import dnnc.api.EnvironmentInfo;
import org.nd4j.linalg.factory.Nd4j;

import java.util.LinkedHashMap;
import java.util.Map;

/** ND4J's backend, BLAS and threading as the run used them. */
public final class Nd4jEnvironment implements EnvironmentInfo {
    @Override
    public Map<String, String> describe() {
        Map<String, String> info = new LinkedHashMap<>();
        info.put("nd4j.backend", Nd4j.getBackend().getClass().getSimpleName());
        info.put("nd4j.blas_vendor", String.valueOf(Nd4j.factory().blas().getBlasVendor()));
        info.put("nd4j.threads.omp", String.valueOf(Nd4j.getEnvironment().maxThreads()));
        info.put("nd4j.threads.blas", String.valueOf(Nd4j.getEnvironment().maxMasterThreads()));
        info.put("env.OMP_NUM_THREADS", String.valueOf(System.getenv("OMP_NUM_THREADS")));
        return info;
    }
}
