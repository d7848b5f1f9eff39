package dnnc.plugins.model;

import dnnc.api.ImageSet;
import dnnc.api.LabeledData;
import dnnc.plugins.data.MnistIdxDataset;
import dnnc.plugins.testing.TestRunContext;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.PolySchedule;
import org.nd4j.linalg.schedule.ScheduleType;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/** Throw-away exploration of judge configurations: java ... JudgeExplore "k=5 f1=16 ..." "..." */
public final class JudgeExplore {
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
        double drop = Double.parseDouble(o.getOrDefault("drop", "0"));
        boolean bn = Boolean.parseBoolean(o.getOrDefault("bn", "false"));
        int shift = Integer.parseInt(o.getOrDefault("shift", "0"));
        int s1 = Integer.parseInt(o.getOrDefault("s1", "1"));
        boolean mlp = Boolean.parseBoolean(o.getOrDefault("mlp", "false"));
        long seed = Long.parseLong(o.getOrDefault("seed", "1"));
        int stepsPerEpoch = (data.train().count() + batch - 1) / batch;
        ISchedule schedule = power > 0 ? new PolySchedule(ScheduleType.ITERATION, lr, power, epochs * stepsPerEpoch + 1) : null;
        NeuralNetConfiguration.ListBuilder b = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .updater(schedule != null ? new Adam(schedule) : new Adam(lr))
                .weightInit(WeightInit.RELU)
                .list();
        if (mlp) {
            b.layer(new DenseLayer.Builder().nOut(f1).activation(Activation.RELU).build());
            b.layer(new DenseLayer.Builder().nOut(f2).activation(Activation.RELU).build());
        } else {
            b.layer(new ConvolutionLayer.Builder(k, k).stride(s1, s1).nOut(f1).activation(bn ? Activation.IDENTITY : Activation.RELU).hasBias(!bn).build());
            if (bn) {
                b.layer(new BatchNormalization.Builder().activation(Activation.RELU).build());
            }
            if (s1 == 1) {
                b.layer(new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build());
            }
            b.layer(new ConvolutionLayer.Builder(k, k).nOut(f2).activation(bn ? Activation.IDENTITY : Activation.RELU).hasBias(!bn).build());
            if (bn) {
                b.layer(new BatchNormalization.Builder().activation(Activation.RELU).build());
            }
            b.layer(new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build());
        }
        DenseLayer.Builder d = new DenseLayer.Builder().nOut(dense).activation(Activation.RELU);
        if (drop > 0) {
            d.dropOut(1 - drop);
        }
        b.layer(d.build());
        b.layer(new OutputLayer.Builder(LossFunctions.LossFunction.NEGATIVELOGLIKELIHOOD)
                .nOut(10).activation(Activation.SOFTMAX).weightInit(WeightInit.XAVIER).build());
        b.setInputType(InputType.convolutionalFlat(28, 28, 1));
        MultiLayerNetwork net = new MultiLayerNetwork(b.build());
        net.init();
        ImageSet train = data.train();
        Random random = new Random(seed);
        long cpu0 = cpu();
        long wall0 = System.nanoTime();
        long evalCpu = 0;
        StringBuilder accs = new StringBuilder();
        for (int epoch = 0; epoch < epochs; epoch++) {
            int[] order = Batches.shuffled(train.count(), random);
            for (int from = 0; from < train.count(); from += batch) {
                int size = Math.min(batch, train.count() - from);
                INDArray x = shift > 0 ? shifted(train, order, from, size, shift, random) : Batches.pixels(train, order, from, size);
                INDArray y = Batches.oneHot(train, order, from, size, 10);
                net.fit(new DataSet(x, y));
            }
            long e0 = cpu();
            accs.append(String.format(Locale.ROOT, " %.4f", accuracy(net, data.heldOut())));
            evalCpu += cpu() - e0;
        }
        double cpuS = (cpu() - cpu0 - evalCpu) / 1e9;
        double wallS = (System.nanoTime() - wall0) / 1e9;
        System.out.printf(Locale.ROOT, "[%s] params=%d train_cpu=%.1fs eval_cpu/epoch=%.2fs wall=%.1fs (incl eval) acc/epoch:%s%n",
                spec.trim(), net.numParams(), cpuS, evalCpu / 1e9 / epochs, wallS, accs);
    }

    /** Each image moved by a random whole-pixel offset in [-shift, shift]^2, zero-filled. */
    static INDArray shifted(ImageSet images, int[] order, int from, int size, int shift, Random random) {
        int rows = images.rows();
        int cols = images.cols();
        int p = rows * cols;
        float[] x = new float[size * p];
        for (int i = 0; i < size; i++) {
            int dy = random.nextInt(2 * shift + 1) - shift;
            int dx = random.nextInt(2 * shift + 1) - shift;
            int src = order[from + i] * p;
            for (int r = 0; r < rows; r++) {
                int sr = r - dy;
                if (sr < 0 || sr >= rows) {
                    continue;
                }
                for (int c = 0; c < cols; c++) {
                    int sc = c - dx;
                    if (sc >= 0 && sc < cols) {
                        x[i * p + r * cols + c] = images.pixels()[src + sr * cols + sc];
                    }
                }
            }
        }
        return Nd4j.create(x, new long[] {size, p}, 'c');
    }

    static double accuracy(MultiLayerNetwork net, ImageSet images) {
        INDArray out = net.output(Nd4j.create(images.pixels(), new long[] {images.count(), images.pixelsPerImage()}, 'c')).argMax(1);
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
