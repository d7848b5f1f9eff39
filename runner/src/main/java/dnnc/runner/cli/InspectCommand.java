package dnnc.runner.cli;

import dnnc.api.NetworkSummary;
import dnnc.api.OpenNetwork;
import dnnc.api.Tensor;
import dnnc.api.TensorInfo;
import dnnc.api.TensorSelection;
import dnnc.db.TextTable;
import dnnc.runner.network.NetworkFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = {"What a network file holds: inputs, every tensor dnnc can probe (name, op, shape, units), outputs,",
                "operator sets, parameter count, and the ops whose inner tensors dnnc cannot instrument.",
                "Tensors marked * are probed by default (outputs of activation functions, and the graph output)."})
public final class InspectCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "MODEL", description = "network file (.onnx)")
    Path model;

    @Option(names = "--input-name", paramLabel = "NAME", description = "the input dnnc feeds, when the model has several")
    String inputName;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (OpenNetwork network = NetworkFiles.open(model, new TensorSelection(inputName, List.of()))) {
            NetworkSummary s = network.summary();
            out.printf("%s: %s model, %,d parameters, opsets %s%nsha256 %s%n%n", model, s.format(), s.parameters(),
                    s.opsets().entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")), s.sha256());
            out.println("inputs");
            out.println(table(s.inputs(), Set.of()).aligned());
            Set<String> probed = new HashSet<>();
            s.probed().forEach(t -> probed.add(t.name()));
            out.println("probe-able tensors (" + s.probeable().size() + "; * probed by default)");
            out.println(table(s.probeable(), probed).aligned());
            out.println("outputs");
            out.println(table(s.outputs(), probed).aligned());
            out.println("not instrumentable: " + (s.notInstrumentable().isEmpty() ? "none (every tensor of the graph can be probed)"
                    : String.join("; ", s.notInstrumentable())));
        }
        return 0;
    }

    private static TextTable table(List<TensorInfo> tensors, Set<String> marked) {
        TextTable table = new TextTable(List.of("", "name", "op", "type", "shape", "units"));
        for (TensorInfo t : tensors) {
            table.add(List.of(marked.contains(t.name()) ? "*" : "", t.name(), t.op(), t.type(), Tensor.shapeText(t.shape()),
                    Integer.toString(t.units())));
        }
        return table;
    }
}
