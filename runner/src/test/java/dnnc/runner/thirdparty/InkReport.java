package dnnc.runner.thirdparty;

import dnnc.api.ImageSet;
import dnnc.api.Param;
import dnnc.api.PluginInfo;
import dnnc.api.Reporter;
import dnnc.api.RunContext;
import dnnc.api.Slots;

/** A plugin that lives only in test sources: proves a provider on the classpath adds plugin names through ServiceLoader. */
@PluginInfo(name = "ink-report", description = "Mean ink (pixel intensity) of the training images of one class.")
public final class InkReport implements Reporter {
    @Param(description = "Class whose images are measured.", min = 0, max = 9)
    int digit = 5;

    @Override
    public void report(RunContext context) {
        ImageSet train = context.require(Slots.DATA, "ink-report").train();
        double sum = 0;
        int count = 0;
        for (int i = 0; i < train.count(); i++) {
            if (train.labels()[i] == digit) {
                for (int p = 0; p < train.pixelsPerImage(); p++) {
                    sum += train.pixels()[i * train.pixelsPerImage() + p];
                }
                count++;
            }
        }
        context.recorder().result("ink.mean_per_image", sum / Math.max(count, 1));
        context.recorder().result("ink.images", count);
    }
}
