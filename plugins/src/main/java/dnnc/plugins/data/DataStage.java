package dnnc.plugins.data;

import dnnc.api.DatasetSource;
import dnnc.api.LabeledData;
import dnnc.api.PluginKind;
import dnnc.api.Recorder;
import dnnc.api.RunContext;
import dnnc.api.Slots;
import dnnc.api.Stage;

/** Loads the data set, leaves it in {@link Slots#DATA} and puts its files' hashes and split on record. */
public final class DataStage implements Stage<DatasetSource> {
    @Override
    public PluginKind kind() {
        return PluginKind.DATA;
    }

    @Override
    public void run(DatasetSource plugin, RunContext context) {
        LabeledData data = plugin.load(context);
        context.put(Slots.DATA, data);
        Recorder recorder = context.recorder();
        data.fileSha256().forEach(recorder::inputHash);
        recorder.result("data.source", data.source());
        recorder.result("data.train", data.train().count());
        recorder.result("data.held_out", data.heldOut().count());
    }
}
