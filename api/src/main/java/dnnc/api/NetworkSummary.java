package dnnc.api;

import java.util.List;
import java.util.Map;

/**
 * What an opened network is: its file and sha256, inputs, the tensors it can probe (the selected ones are
 * {@code probed}, in the order the network computes them; the graph outputs come last), outputs, operator sets,
 * number of trained parameters, and the ops whose inner tensors cannot be instrumented (with why).
 */
public record NetworkSummary(String file, String sha256, String format, List<TensorInfo> inputs,
                             List<TensorInfo> probeable, List<TensorInfo> probed, List<TensorInfo> outputs,
                             Map<String, Long> opsets, long parameters, List<String> notInstrumentable) {
    public NetworkSummary {
        inputs = List.copyOf(inputs);
        probeable = List.copyOf(probeable);
        probed = List.copyOf(probed);
        outputs = List.copyOf(outputs);
        opsets = Map.copyOf(opsets);
        notInstrumentable = List.copyOf(notInstrumentable);
    }
}
