package dnnc.api;

/** Plugin kind "data": loads and splits a labelled image set. */
public interface DatasetSource extends Plugin {
    LabeledData load(RunContext context);
}
