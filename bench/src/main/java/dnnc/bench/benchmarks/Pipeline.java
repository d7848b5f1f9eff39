package dnnc.bench.benchmarks;

import dnnc.api.AttributionRequest;
import dnnc.api.Clustering;
import dnnc.api.FeatureKind;
import dnnc.api.LabeledData;
import dnnc.api.Lesion;
import dnnc.api.Matrix;
import dnnc.api.NetworkProbe;
import dnnc.api.Progress;
import dnnc.api.RunContext;
import dnnc.api.SampleFeatures;
import dnnc.api.SimilarityResult;
import dnnc.plugins.clustering.AffinityPropagation;
import dnnc.plugins.model.CbetaVae;
import dnnc.plugins.model.TrainedCvae;
import dnnc.plugins.similarity.SpearmanSimilarity;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The work of bench/reference/reference_pipeline.py done by dnnc's plugins, stage for stage: train the cVAE,
 * time the decoder forward (20 x batch 10,000), ACE of z_1 with its per-draw features (7 alphas x 1,000
 * draws), then Spearman + affinity propagation (max 1,000 iterations) per alpha on activation- and ACE-based
 * features. The reference also trains a small judge, which this leaves out (its time is subtracted there).
 */
final class Pipeline {
    private Pipeline() {
    }

    static TrainedCvae train(LabeledData data, int epochs, long seed, RunContext context) {
        CbetaVae vae = new CbetaVae();
        vae.configure(Map.of("epochs", Integer.toString(epochs), "seed", Long.toString(seed)));
        return (TrainedCvae) vae.fit(data, context);
    }

    /** Seconds per stage, in the reference's keys. */
    static Map<String, Double> run(LabeledData data, int epochs, int draws, long seed, RunContext context) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        TrainedCvae model = train(data, epochs, seed, context);
        seconds.put("train_cvae", since(t0));

        NetworkProbe decoder = model.decoder();
        float[] zc = DecoderShapes.inputs(10_000, seed);
        decoder.forward(zc, 10_000, Lesion.none());
        t0 = System.nanoTime();
        for (int r = 0; r < 20; r++) {
            decoder.forward(zc, 10_000, Lesion.none());
        }
        seconds.put("decoder_forward", since(t0));

        t0 = System.nanoTime();
        AttributionRequest z1 = new AttributionRequest(decoder, model.inputs(), new int[] {1}, AceBenchmark.ALPHAS,
                AceBenchmark.TARGET, seed);
        SampleFeatures features = AceBenchmark.plugin(draws).sampleFeatures(z1, 1, Progress.silent()).orElseThrow();
        seconds.put("ace_z1", since(t0));

        double spearman = 0;
        double ap = 0;
        SpearmanSimilarity similarity = new SpearmanSimilarity();
        AffinityPropagation clustering = new AffinityPropagation();
        clustering.configure(Map.of("max-iter", "1000"));
        int total = features.layout().total();
        for (FeatureKind kind : new FeatureKind[] {FeatureKind.ACTIVATION, FeatureKind.ACE}) {
            for (int a = 0; a < AceBenchmark.ALPHAS.length; a++) {
                Matrix x = toMatrix(features.of(kind, a), features.draws(), total);
                long ts = System.nanoTime();
                SimilarityResult s = similarity.similarity(x);
                spearman += since(ts);
                long ta = System.nanoTime();
                Clustering c = clustering.cluster(s.matrix(), 0, Progress.silent());
                ap += since(ta);
                seconds.put("clusters." + kind.name().toLowerCase() + a, (double) c.clusterCount());
            }
        }
        seconds.put("spearman_total", spearman);
        seconds.put("ap_total", ap);
        return seconds;
    }

    static Matrix toMatrix(float[] rowMajor, int rows, int cols) {
        double[] values = new double[rowMajor.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = rowMajor[i];
        }
        return new Matrix(rows, cols, values);
    }

    private static double since(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
