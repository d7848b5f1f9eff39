package dnnc.plugins.attribution;

import dnnc.api.AttributionRequest;
import dnnc.api.InputSchema;
import dnnc.api.Progress;
import dnnc.api.SampleFeatures;
import dnnc.api.Slots;
import dnnc.plugins.network.DenseNetworkProbe;
import dnnc.plugins.network.DenseNetworkProbe.Activation;
import dnnc.plugins.testing.TestRunContext;

import java.nio.file.Path;
import java.util.Map;

/**
 * Not a test: times the full ACE on a decoder-shaped random network (20-128-256-512-784) and draws the stage's
 * figures for a template decoder into a folder, for a person to look at.
 * usage: AceBench figures DIR | time DRAWS THREADS CHUNK
 */
public final class AceBench {
    private AceBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("figures")) {
            TemplateDecoder decoder = new TemplateDecoder(new double[] {0.1, 0.2, 0.1, 1.0, 0.1, 0.0, 0.3, 0.1, 0.1, 0.2});
            TestRunContext context = new TestRunContext(Path.of(args[1]), 42);
            context.put(Slots.MODEL, decoder);
            context.put(Slots.DATA, decoder.data(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}));
            MonteCarloAcePlugin plugin = new MonteCarloAcePlugin();
            plugin.configure(Map.of("draws", "200"));
            long t0 = System.nanoTime();
            new AttributionStage().run(plugin, context);
            System.out.printf("stage %.2f s%n", (System.nanoTime() - t0) / 1e9);
            context.results.forEach((k, v) -> System.out.println(k + " = " + v));
            return;
        }
        if (args[0].equals("figures-random")) {
            DenseNetworkProbe net = TestNetworks.dense(1, new int[] {20, 128, 256, 512, 784},
                    Activation.RELU, Activation.RELU, Activation.RELU, Activation.SIGMOID);
            TemplateDecoder shape = new TemplateDecoder(new double[10]);
            TestRunContext context = new TestRunContext(Path.of(args[1]), 42);
            context.put(Slots.MODEL, new dnnc.api.ConditionalGenerator() {
                public dnnc.api.NetworkProbe decoder() { return net; }
                public InputSchema inputs() { return TemplateDecoder.SCHEMA; }
                public int imageRows() { return 28; }
                public int imageCols() { return 28; }
                public double[] klPerLatent() { return new double[10]; }
                public String sha256() { return "0"; }
                public Map<String, Object> metrics() { return Map.of(); }
            });
            MonteCarloAcePlugin plugin = new MonteCarloAcePlugin();
            plugin.configure(Map.of("draws", "200", "inputs", "z_0,z_1,c_0,c_1,c_2,c_3,c_4,c_5,c_6,c_7,c_8,c_9"));
            new AttributionStage().run(plugin, context);
            context.results.forEach((k, v) -> System.out.println(k + " = " + v));
            return;
        }
        if (args[0].equals("taylor")) {
            DenseNetworkProbe net = TestNetworks.dense(1, new int[] {20, 128, 256, 512, 784},
                    Activation.RELU, Activation.RELU, Activation.RELU, Activation.SIGMOID);
            InputSchema schema = new InputSchema(10, 10, new double[] {.1, .1, .1, .1, .1, .1, .1, .1, .1, .1});
            TaylorAcePlugin taylor = new TaylorAcePlugin();
            taylor.configure(Map.of("curvature", args[1], "draws", "1000", "step", args.length > 2 ? args[2] : "0.01"));
            long t0 = System.nanoTime();
            var result = taylor.attribute(new AttributionRequest(net, schema, java.util.stream.IntStream.range(0, 20).toArray(),
                    new double[] {-3, -2, -1, 0, 1, 2, 3}, 5, 1), Progress.silent());
            System.out.printf("taylor %s (with MC reference of 1000 draws) %.2f s: %s%n", args[1], (System.nanoTime() - t0) / 1e9, result.diagnostics());
            return;
        }
        int draws = Integer.parseInt(args[1]);
        String threads = args[2];
        String chunk = args[3];
        DenseNetworkProbe net = TestNetworks.dense(1, new int[] {20, 128, 256, 512, 784},
                Activation.RELU, Activation.RELU, Activation.RELU, Activation.SIGMOID);
        InputSchema schema = new InputSchema(10, 10, new double[] {.1, .1, .1, .1, .1, .1, .1, .1, .1, .1});
        int[] all = java.util.stream.IntStream.range(0, 20).toArray();
        double[] alphas = {-3, -2, -1, 0, 1, 2, 3};
        MonteCarloAcePlugin plugin = new MonteCarloAcePlugin();
        plugin.configure(Map.of("draws", Integer.toString(draws), "threads", threads, "chunk", chunk));
        // warm up the native library and JIT
        MonteCarloAcePlugin warm = new MonteCarloAcePlugin();
        warm.configure(Map.of("draws", "256", "threads", threads, "chunk", chunk));
        warm.attribute(new AttributionRequest(net, schema, new int[] {1}, alphas, 5, 1), Progress.silent());

        long t0 = System.nanoTime();
        plugin.attribute(new AttributionRequest(net, schema, new int[] {1}, alphas, 5, 1), Progress.silent());
        double z1 = (System.nanoTime() - t0) / 1e9;
        t0 = System.nanoTime();
        plugin.attribute(new AttributionRequest(net, schema, all, alphas, 5, 1), Progress.silent());
        double full = (System.nanoTime() - t0) / 1e9;
        t0 = System.nanoTime();
        SampleFeatures f = plugin.sampleFeatures(new AttributionRequest(net, schema, all, alphas, 5, 1), 1, Progress.silent()).orElseThrow();
        double features = (System.nanoTime() - t0) / 1e9;
        long rows = (long) draws * (10 * 7 + 10);
        t0 = System.nanoTime();
        float[] x = new float[draws * 7 * 20];
        net.forward(x, draws * 7, dnnc.api.Lesion.none());
        double forward = (System.nanoTime() - t0) / 1e9;
        System.out.printf("draws %d threads %s chunk %s: ACE z_1 alone %.3f s; all 20 inputs %.3f s (%d forward rows, %.0f rows/s);"
                        + " features of z_1 %.3f s (%d x %d x %d); bare forward of %d rows %.3f s; max heap %d MB%n",
                draws, threads, chunk, z1, full, rows, rows / full, features, f.alphas().length, f.draws(), f.layout().total(),
                draws * 7, forward, Runtime.getRuntime().maxMemory() >> 20);
    }
}
