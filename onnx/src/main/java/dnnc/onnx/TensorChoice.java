package dnnc.onnx;

import dnnc.api.InvalidInputException;
import dnnc.api.TensorInfo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which probe-able tensors to probe. By default the outputs of activation functions; otherwise the names and globs
 * given. The graph outputs are always probed, last.
 */
final class TensorChoice {
    /** Ops whose outputs are a layer's activations, as interpretability tools count neurons. */
    static final Set<String> ACTIVATIONS = Set.of("Relu", "LeakyRelu", "PRelu", "Sigmoid", "HardSigmoid", "Tanh", "Gelu",
            "Elu", "Selu", "Celu", "Softplus", "Softsign", "Mish", "HardSwish", "ThresholdedRelu");

    private TensorChoice() {
    }

    static List<TensorInfo> choose(Path file, List<TensorInfo> probeable, List<TensorInfo> outputs, List<String> patterns) {
        Set<String> outputNames = new LinkedHashSet<>();
        outputs.forEach(o -> outputNames.add(o.name()));
        List<TensorInfo> chosen = new ArrayList<>();
        if (patterns.isEmpty()) {
            probeable.stream().filter(t -> ACTIVATIONS.contains(t.op())).forEach(chosen::add);
        } else {
            Set<String> wanted = new LinkedHashSet<>();
            for (String pattern : patterns) {
                Pattern glob = glob(pattern);
                List<String> matches = probeable.stream().map(TensorInfo::name).filter(n -> glob.matcher(n).matches()).toList();
                if (matches.isEmpty() && !outputNames.contains(pattern)) {
                    throw new InvalidInputException(file + ": no probe-able tensor " + (isGlob(pattern) ? "matches '" : "is named '")
                            + pattern + "'; close names: " + String.join(", ", closest(pattern, probeable)) + " (dnnc inspect " + file + " lists them all)");
                }
                wanted.addAll(matches);
            }
            probeable.stream().filter(t -> wanted.contains(t.name())).forEach(chosen::add);
        }
        chosen.addAll(outputs.stream().filter(o -> o.units() > 0 && o.type().equals("float")).toList());
        return chosen;
    }

    private static boolean isGlob(String pattern) {
        return pattern.contains("*") || pattern.contains("?");
    }

    private static Pattern glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(regex.toString());
    }

    /** The three names nearest by edit distance (a name containing the pattern counts as nearest). */
    static List<String> closest(String pattern, List<TensorInfo> candidates) {
        String bare = pattern.replace("*", "").replace("?", "");
        return candidates.stream().map(TensorInfo::name)
                .sorted(Comparator.comparingInt((String n) -> n.contains(bare) ? 0 : 1).thenComparingInt(n -> editDistance(bare, n)))
                .limit(3).toList();
    }

    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
