package dnnc.plugins.model;

import dnnc.api.ImageSet;
import dnnc.api.LabeledData;
import dnnc.plugins.data.MnistIdxDataset;
import dnnc.plugins.testing.TestRunContext;
import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.schedule.PolySchedule;
import org.nd4j.linalg.schedule.ScheduleType;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/** Throw-away: the LeNet judge as a SameDiff graph with convolutions as im2col (slices + concat) and one GEMM. */
public final class SdExplore {
    public static void main(String[] args) throws Exception {
        LabeledData data = new MnistIdxDataset().load(new TestRunContext(Files.createTempDirectory("judge")));
        for (String spec : args) {
            run(spec, data);
        }
    }

    static void run(String spec, LabeledData data) {
        Map<String, String> o = new HashMap<>();
        for (String kv : spec.trim().split("\\s+")) {
            String[] p = kv.split("=");
            o.put(p[0], p[1]);
        }
        int k = Integer.parseInt(o.getOrDefault("k", "5"));
        int f1 = Integer.parseInt(o.getOrDefault("f1", "16"));
        int f2 = Integer.parseInt(o.getOrDefault("f2", "32"));
        int dense = Integer.parseInt(o.getOrDefault("dense", "128"));
        int epochs = Integer.parseInt(o.getOrDefault("epochs", "6"));
        int batch = Integer.parseInt(o.getOrDefault("batch", "64"));
        double lr = Double.parseDouble(o.getOrDefault("lr", "1e-3"));
        double power = Double.parseDouble(o.getOrDefault("decay", "0"));
        int shift = Integer.parseInt(o.getOrDefault("shift", "0"));
        long seed = Long.parseLong(o.getOrDefault("seed", "1"));
        Random random = new Random(seed);
        SameDiff sd = SameDiff.create();
        boolean jp0 = Boolean.parseBoolean(o.getOrDefault("jp", "false"));
        SDVariable x = sd.placeHolder("x", DataType.FLOAT, -1, jp0 ? (28 - k + 1) * (28 - k + 1) * k * k : 784);
        SDVariable y = sd.placeHolder("y", DataType.FLOAT, -1, 10);
        SDVariable h;
        boolean jp = Boolean.parseBoolean(o.getOrDefault("jp", "false"));
        if (jp) {
            int o1 = 28 - k + 1;
            SDVariable w1 = weight(sd, "conv1_w", k * k, f1, 2.0, random);
            h = sd.reshape(sd.nn.relu(sd.nn.linear(sd.reshape(x, -1, k * k), w1, sd.var("conv1_b", Nd4j.zeros(DataType.FLOAT, f1))), 0), -1, o1, o1, f1);
            h = pool(h);
        } else {
            h = pool(conv(sd, sd.reshape(x, -1, 28, 28, 1), "conv1", k, 1, f1, random));
        }
        h = pool(conv(sd, h, "conv2", k, f1, f2, random));
        long flat = h.getShape() == null ? -1 : 0;
        int side = ((28 - k + 1) / 2 - k + 1) / 2;
        h = sd.reshape(h, -1, side * side * f2);
        h = sd.nn.relu(sd.nn.linear(h, weight(sd, "dense_w", side * side * f2, dense, 2.0, random), sd.var("dense_b", Nd4j.zeros(DataType.FLOAT, dense))), 0);
        SDVariable logits = sd.nn.linear("logits", h, weight(sd, "out_w", dense, 10, 1.0, random), sd.var("out_b", Nd4j.zeros(DataType.FLOAT, 10)));
        sd.loss.softmaxCrossEntropy("loss", y, logits, null);
        sd.setLossVariables("loss");
        int steps = (data.train().count() + batch - 1) / batch;
        sd.setTrainingConfig(TrainingConfig.builder()
                .updater(power > 0 ? new Adam(new LinearDecay(lr, epochs * steps)) : new Adam(lr))
                .dataSetFeatureMapping("x").dataSetLabelMapping("y").build());
        CvaeTraining.silently(sd::createGradFunction);
        ImageSet train = data.train();
        long cpu0 = cpu();
        long wall0 = System.nanoTime();
        long evalCpu = 0;
        StringBuilder accs = new StringBuilder();
        for (int epoch = 0; epoch < epochs; epoch++) {
            int[] order = Batches.shuffled(train.count(), random);
            for (int from = 0; from < train.count(); from += batch) {
                int size = Math.min(batch, train.count() - from);
                INDArray xb = shift > 0 ? JudgeExplore.shifted(train, order, from, size, shift, random) : Batches.pixels(train, order, from, size);
                if (jp0) {
                    xb = patches(xb, k);
                }
                sd.fit(new DataSet(xb, Batches.oneHot(train, order, from, size, 10)));
            }
            long e0 = cpu();
            accs.append(String.format(Locale.ROOT, " %.4f", accuracy(sd, data.heldOut(), jp0 ? k : 0)));
            evalCpu += cpu() - e0;
        }
        if (o.containsKey("prof")) {
            Map<String, long[]> t = new java.util.TreeMap<>();
            org.nd4j.autodiff.listeners.BaseListener l = new org.nd4j.autodiff.listeners.BaseListener() {
                long start;
                public boolean isActive(org.nd4j.autodiff.listeners.Operation op) { return true; }
                public void preOpExecution(SameDiff s, org.nd4j.autodiff.listeners.At at, org.nd4j.autodiff.samediff.internal.SameDiffOp op, org.nd4j.linalg.api.ops.OpContext c) { start = System.nanoTime(); }
                public void opExecution(SameDiff s, org.nd4j.autodiff.listeners.At at, org.nd4j.linalg.dataset.api.MultiDataSet b, org.nd4j.autodiff.samediff.internal.SameDiffOp op, org.nd4j.linalg.api.ops.OpContext c, INDArray[] outs) {
                    long[] v = t.computeIfAbsent(op.getOp().opName(), n -> new long[2]); v[0] += System.nanoTime() - start; v[1]++; }
            };
            int[] order = Batches.shuffled(train.count(), random);
            long w = System.nanoTime();
            for (int from = 0; from < 64 * 20; from += 64) {
                INDArray xb = Batches.pixels(train, order, from, 64);
                if (jp0) { xb = patches(xb, k); }
                sd.fit(new DataSet(xb, Batches.oneHot(train, order, from, 64, 10)), l);
            }
            long total = System.nanoTime() - w;
            long sum = 0;
            for (long[] v : t.values()) sum += v[0];
            System.out.printf("profile 20 steps: total %.1f ms, in ops %.1f ms%n", total / 1e6, sum / 1e6);
            t.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0])).limit(15)
                    .forEach(e -> System.out.printf("  %-28s %8.1f ms  x%d%n", e.getKey(), e.getValue()[0] / 1e6, e.getValue()[1]));
        }
        System.out.println("iterations " + sd.getTrainingConfig().getIterationCount() + " lr now " + sd.getTrainingConfig().getUpdater().getLearningRate(sd.getTrainingConfig().getIterationCount(), sd.getTrainingConfig().getEpochCount()));
        System.out.printf(Locale.ROOT, "SD [%s] train_cpu=%.1fs eval_cpu/epoch=%.2fs wall=%.1fs acc/epoch:%s%n",
                spec.trim(), (cpu() - cpu0 - evalCpu) / 1e9, evalCpu / 1e9 / epochs, (System.nanoTime() - wall0) / 1e9, accs);
    }

    /** Valid k x k convolution over NHWC input as im2col: the k*k shifted views side by side, then one GEMM. */
    static SDVariable conv(SameDiff sd, SDVariable in, String name, int k, int channels, int filters, Random random) {
        long[] shape = null;
        int side = name.equals("conv1") ? 28 : (28 - k + 1) / 2;
        int out = side - k + 1;
        // separable im2col: k column shifts side by side, then k row shifts of that (2k slices instead of k*k)
        SDVariable[] columns = new SDVariable[k];
        for (int dx = 0; dx < k; dx++) {
            columns[dx] = in.get(SDIndex.all(), SDIndex.all(), SDIndex.interval(dx, dx + out), SDIndex.all());
        }
        SDVariable wide = sd.concat(3, columns);
        SDVariable[] views = new SDVariable[k];
        for (int dy = 0; dy < k; dy++) {
            views[dy] = wide.get(SDIndex.all(), SDIndex.interval(dy, dy + out), SDIndex.all(), SDIndex.all());
        }
        SDVariable patches = sd.reshape(sd.concat(3, views), -1, k * k * channels);
        SDVariable w = weight(sd, name + "_w", k * k * channels, filters, 2.0, random);
        SDVariable b = sd.var(name + "_b", Nd4j.zeros(DataType.FLOAT, filters));
        return sd.reshape(sd.nn.relu(sd.nn.linear(patches, w, b), 0), -1, out, out, filters);
    }

    static int K = 0;

    /** Per image, for each output pixel (row-major), its k x k input window: [n, out*out*k*k]. */
    static INDArray patches(INDArray images, int k) {
        float[] px = images.data().asFloat();
        int n = (int) images.size(0);
        int out = 28 - k + 1;
        float[] p = new float[n * out * out * k * k];
        int at = 0;
        for (int i = 0; i < n; i++) {
            int base = i * 784;
            for (int r = 0; r < out; r++) {
                for (int c = 0; c < out; c++) {
                    for (int dy = 0; dy < k; dy++) {
                        System.arraycopy(px, base + (r + dy) * 28 + c, p, at, k);
                        at += k;
                    }
                }
            }
        }
        return Nd4j.create(p, new long[] {n, (long) out * out * k * k}, 'c');
    }

    static SDVariable pool(SDVariable in) {
        return in.getSameDiff().cnn.maxPooling2d(in, org.nd4j.linalg.api.ops.impl.layers.convolution.config.Pooling2DConfig.builder()
                .kH(2).kW(2).sH(2).sW(2).isNHWC(true).build());
    }

    static SDVariable weight(SameDiff sd, String name, int fanIn, int fanOut, double gain, Random random) {
        float[] v = new float[fanIn * fanOut];
        double std = Math.sqrt(gain / fanIn);
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (random.nextGaussian() * std);
        }
        return sd.var(name, Nd4j.create(v, new long[] {fanIn, fanOut}, 'c'));
    }

    static double accuracy(SameDiff sd, ImageSet images, int k) {
        INDArray logits = sd.output(Map.of("x", k > 0 ? patches(Nd4j.create(images.pixels(), new long[] {images.count(), images.pixelsPerImage()}, 'c'), k) : Nd4j.create(images.pixels(), new long[] {images.count(), images.pixelsPerImage()}, 'c')), "logits").get("logits");
        INDArray out = logits.argMax(1);
        int correct = 0;
        for (int i = 0; i < images.count(); i++) {
            correct += out.getInt(i) == images.labels()[i] ? 1 : 0;
        }
        return (double) correct / images.count();
    }

    static long cpu() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }
}
