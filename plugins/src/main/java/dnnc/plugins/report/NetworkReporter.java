package dnnc.plugins.report;

import dnnc.api.ImageSet;
import dnnc.api.LabeledData;
import dnnc.api.Lesion;
import dnnc.api.PluginInfo;
import dnnc.api.ProbedNetwork;
import dnnc.api.Reporter;
import dnnc.api.RunContext;
import dnnc.api.Slots;
import dnnc.io.AtomicFile;

import java.nio.file.Path;

/**
 * The analysis of a network brought as a file as one self-contained page, {@code report.html}: what network and
 * data were analysed (file, sha256, inputs, probed tensors and their units, parameter count), the intact network's
 * accuracy on labelled rows, the effects of do() on each target, the clusters, and the lesion tests with their
 * significance, critical sets and minimal sets; then the run's parameters and provenance. Records
 * {@code network.accuracy} (labelled rows only) and {@code report.file}.
 */
@PluginInfo(name = "network", description = "a network brought as a file, analysed: one self-contained HTML page (report.html) "
        + "with the network, data, effects, clusters and lesion tests")
public final class NetworkReporter implements Reporter {
    @Override
    public void report(RunContext context) {
        ProbedNetwork network = context.require(Slots.NETWORK, "report step 'network'");
        LabeledData data = context.require(Slots.DATA, "report step 'network'");
        Double accuracy = data.classCount() > 0 ? accuracy(network, data.heldOut()) : null;
        if (accuracy != null) {
            context.recorder().result("network.accuracy", accuracy);
        }
        String html = new NetworkReportPage(context, network, data, accuracy).render();
        Path file = AtomicFile.writeString(context.outputDir().resolve(StudyReportReporter.FILE), html);
        context.recorder().artifact(file, "the network report: one self-contained page (figures embedded)");
        context.recorder().result("report.file", StudyReportReporter.FILE);
    }

    /** Share of rows whose top-1 output is their label. */
    static double accuracy(ProbedNetwork network, ImageSet rows) {
        float[] out = network.probe().forward(rows.pixels(), rows.count(), Lesion.none()).output();
        int width = out.length / rows.count();
        int right = 0;
        for (int r = 0; r < rows.count(); r++) {
            int best = 0;
            for (int k = 1; k < width; k++) {
                if (out[r * width + k] > out[r * width + best]) {
                    best = k;
                }
            }
            right += best == rows.labels()[r] ? 1 : 0;
        }
        return right / (double) rows.count();
    }
}
