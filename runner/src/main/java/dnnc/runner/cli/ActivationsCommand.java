package dnnc.runner.cli;

import dnnc.api.InvalidInputException;
import dnnc.api.OpenNetwork;
import dnnc.api.Tensor;
import dnnc.api.TensorInfo;
import dnnc.api.TensorSelection;
import dnnc.api.UnitEdits;
import dnnc.db.TextTable;
import dnnc.runner.network.NetworkFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

@Command(name = "activations", mixinStandardHelpOptions = true,
        description = {"Runs a network on the rows of an .npy file and writes every probed tensor, exactly as the network",
                "computes it after the lesions and interventions given, one .npy per tensor (shape: rows, ...), the graph",
                "output as output.npy, and DIR/layers.csv (tensor,file,shape,units). A unit is one element of a dense",
                "tensor, one channel of a (batch, channels, ...) tensor. Compare them with your framework's."})
public final class ActivationsCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, paramLabel = "MODEL.onnx", description = "network file")
    Path model;

    @Option(names = "--input", required = true, paramLabel = "X.npy", description = "inputs, float32 or float64, shape (rows, ...) fitting the network's input")
    Path input;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "folder for the .npy files and layers.csv")
    Path out;

    @Option(names = "--tensors", paramLabel = "GLOB", description = "tensors to probe, by name or glob (repeatable); default: outputs of activation functions")
    List<String> tensors = List.of();

    @Option(names = "--lesion", paramLabel = "TENSOR=i,j,...", description = "units forced to 0 (repeatable; TENSOR may be 'output')")
    List<String> lesions = List.of();

    @Option(names = "--set", paramLabel = "TENSOR=i:v,...", description = "do(unit i = v) (repeatable)")
    List<String> sets = List.of();

    @Option(names = "--input-name", paramLabel = "NAME", description = "the input dnnc feeds, when the model has several")
    String inputName;

    @Option(names = "--batch", defaultValue = "256", paramLabel = "ROWS", description = "rows per forward pass (default ${DEFAULT-VALUE})")
    int batch;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (batch < 1) {
            throw new InvalidInputException("--batch " + batch + ": must be at least 1");
        }
        Tensor x = Tensor.readNpy(input);
        UnitEdits edits = new UnitEdits(parse("--lesion", lesions, ActivationsCommand::unitList),
                parse("--set", sets, ActivationsCommand::unitValues));
        try (OpenNetwork network = NetworkFiles.open(model, new TensorSelection(inputName, tensors))) {
            TensorInfo fed = network.summary().inputs().get(0);
            if (!fed.fits(x.shape())) {
                throw new InvalidInputException(input + ": shape " + Tensor.shapeText(x.shape()) + " does not fit input '" + fed.name()
                        + "' of " + model + ", shape " + Tensor.shapeText(fed.shape()));
            }
            Map<String, Tensor> computed = network.run(x, edits, batch);
            Files.createDirectories(out);
            TextTable layers = new TextTable(List.of("tensor", "file", "shape", "units"));
            Set<String> files = new HashSet<>();
            for (Map.Entry<String, Tensor> e : computed.entrySet()) {
                String file = uniqueFileName(e.getKey(), files);
                e.getValue().writeNpy(out.resolve(file));
                layers.add(List.of(e.getKey(), file, Arrays.stream(e.getValue().shape()).mapToObj(Long::toString).collect(Collectors.joining("x")),
                        Integer.toString(TensorInfo.unitsOf(e.getValue().shape()))));
            }
            Path csv = out.resolve("layers.csv");
            Files.writeString(csv, layers.csv(), StandardCharsets.UTF_8);
            spec.commandLine().getOut().printf("%d rows through %s: %d tensors (%d lesioned, %d set) -> %s%n", x.rows(), model,
                    computed.size(), edits.lesions().size(), edits.values().size(), csv);
        }
        return 0;
    }

    /** ONNX names such as /fc1/Relu_output_0 become fc1_Relu_output_0.npy; a clash gets a number. */
    static String uniqueFileName(String tensor, Set<String> taken) {
        String base = tensor.replaceAll("[^A-Za-z0-9_.-]+", "_").replaceAll("^[_.]+|_+$", "");
        base = base.isEmpty() ? "tensor" : base;
        String name = base + ".npy";
        for (int i = 2; !taken.add(name); i++) {
            name = base + "_" + i + ".npy";
        }
        return name;
    }

    private interface Units<T> {
        T parse(String option, String text);
    }

    private static <T> Map<String, T> parse(String option, List<String> specs, Units<T> units) {
        Map<String, T> parsed = new LinkedHashMap<>();
        for (String spec : specs) {
            int eq = spec.lastIndexOf('=');
            if (eq <= 0 || eq == spec.length() - 1) {
                throw new InvalidInputException(option + " " + spec + ": expected TENSOR=" + (option.equals("--set") ? "i:v,..." : "i,j,..."));
            }
            parsed.put(spec.substring(0, eq), units.parse(option + " " + spec, spec.substring(eq + 1)));
        }
        return parsed;
    }

    private static int[] unitList(String option, String text) {
        try {
            return Arrays.stream(text.split(",")).mapToInt(s -> Integer.parseInt(s.strip())).toArray();
        } catch (NumberFormatException e) {
            throw new InvalidInputException(option + ": unit indices must be integers separated by commas, e.g. 0,3,7");
        }
    }

    private static Map<Integer, Float> unitValues(String option, String text) {
        Map<Integer, Float> values = new LinkedHashMap<>();
        for (String pair : text.split(",")) {
            String[] parts = pair.split(":");
            try {
                values.put(Integer.parseInt(parts[0].strip()), Float.parseFloat(parts[1].strip()));
            } catch (RuntimeException e) {
                throw new InvalidInputException(option + ": expected unit:value pairs separated by commas, e.g. 3:0.5,7:-1");
            }
        }
        return values;
    }
}
