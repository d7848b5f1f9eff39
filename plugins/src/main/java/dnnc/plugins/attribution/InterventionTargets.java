package dnnc.plugins.attribution;

import dnnc.api.InterventionTarget;
import dnnc.api.InvalidInputException;
import dnnc.api.Layer;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The do() targets of a network attribution, from its {@code groups} parameter: {@code each} unit alone,
 * {@code blocks:K} (K contiguous features per target), {@code patches:P} (P x P pixel patches of an image input,
 * all channels together), an explicit list ({@code 0-15,20;30-40}: targets separated by ';', each indices and
 * ranges), or {@code auto}: 7 x 7-ish patches (a 4 x 4 grid) of an image input, each feature of an input of at most
 * 32, else 16 blocks; each unit of a hidden tensor.
 */
final class InterventionTargets {
    private InterventionTargets() {
    }

    static List<InterventionTarget> of(String groups, int layerIndex, Layer layer, long[] rowShape) {
        int n = layer.size();
        boolean input = layerIndex == 0;
        int[] image = input ? imageShape(rowShape, n) : null;
        if (groups.equals("auto")) {
            if (!input) {
                return each(layerIndex, layer);
            }
            if (image != null) {
                return patches(layerIndex, image, Math.max(1, (int) Math.ceil(Math.max(image[1], image[2]) / 4.0)));
            }
            return n <= 32 ? each(layerIndex, layer) : blocks(layerIndex, layer, (int) Math.ceil(n / 16.0));
        }
        if (groups.equals("each")) {
            return each(layerIndex, layer);
        }
        if (groups.startsWith("blocks:")) {
            return blocks(layerIndex, layer, positive(groups, groups.substring(7)));
        }
        if (groups.startsWith("patches:")) {
            if (image == null) {
                throw new InvalidInputException("parameter 'groups' is " + groups + "; patches need an image input (rows, [C,] H, W) "
                        + "or a square number of features; this one has " + n + " features");
            }
            return patches(layerIndex, image, positive(groups, groups.substring(8)));
        }
        return listed(groups, layerIndex, layer);
    }

    /** (channels, height, width) of an image-like input, or null: rank >= 2 after the batch, or a square feature count. */
    static int[] imageShape(long[] rowShape, int features) {
        if (rowShape.length >= 2 && rowShape[rowShape.length - 1] >= 4 && rowShape[rowShape.length - 2] >= 4) {
            int h = (int) rowShape[rowShape.length - 2];
            int w = (int) rowShape[rowShape.length - 1];
            return new int[] {features / (h * w), h, w};
        }
        int side = (int) Math.round(Math.sqrt(features));
        return rowShape.length == 1 && side >= 4 && side * side == features ? new int[] {1, side, side} : null;
    }

    private static List<InterventionTarget> each(int layerIndex, Layer layer) {
        List<InterventionTarget> targets = new ArrayList<>();
        for (int u = 0; u < layer.size(); u++) {
            targets.add(new InterventionTarget(name(layerIndex, layer) + "[" + u + "]", layerIndex, new int[] {u}));
        }
        return targets;
    }

    private static List<InterventionTarget> blocks(int layerIndex, Layer layer, int size) {
        List<InterventionTarget> targets = new ArrayList<>();
        for (int start = 0; start < layer.size(); start += size) {
            int end = Math.min(layer.size(), start + size);
            int[] units = java.util.stream.IntStream.range(start, end).toArray();
            targets.add(new InterventionTarget(name(layerIndex, layer) + "[" + start + "-" + (end - 1) + "]", layerIndex, units));
        }
        return targets;
    }

    private static List<InterventionTarget> patches(int layerIndex, int[] image, int side) {
        int channels = image[0];
        int h = image[1];
        int w = image[2];
        List<InterventionTarget> targets = new ArrayList<>();
        for (int r0 = 0; r0 < h; r0 += side) {
            for (int c0 = 0; c0 < w; c0 += side) {
                List<Integer> units = new ArrayList<>();
                for (int c = 0; c < channels; c++) {
                    for (int r = r0; r < Math.min(h, r0 + side); r++) {
                        for (int col = c0; col < Math.min(w, c0 + side); col++) {
                            units.add(c * h * w + r * w + col);
                        }
                    }
                }
                targets.add(new InterventionTarget("patch rows " + r0 + "-" + (Math.min(h, r0 + side) - 1) + ", cols " + c0 + "-"
                        + (Math.min(w, c0 + side) - 1), layerIndex, units.stream().mapToInt(Integer::intValue).toArray()));
            }
        }
        return targets;
    }

    private static List<InterventionTarget> listed(String groups, int layerIndex, Layer layer) {
        List<InterventionTarget> targets = new ArrayList<>();
        for (String group : groups.split(";")) {
            Set<Integer> units = new LinkedHashSet<>();
            for (String item : group.split(",")) {
                String t = item.strip();
                try {
                    int dash = t.indexOf('-', 1);
                    int from = Integer.parseInt(dash < 0 ? t : t.substring(0, dash));
                    int to = dash < 0 ? from : Integer.parseInt(t.substring(dash + 1));
                    for (int u = from; u <= to; u++) {
                        units.add(inRange(u, layer, groups));
                    }
                } catch (NumberFormatException e) {
                    throw new InvalidInputException("parameter 'groups' is '" + groups + "'; expected auto, each, blocks:K, patches:P, "
                            + "or unit lists like 0-15,20;30-40 (targets separated by ';')");
                }
            }
            targets.add(new InterventionTarget(name(layerIndex, layer) + "[" + group.strip() + "]", layerIndex,
                    units.stream().mapToInt(Integer::intValue).toArray()));
        }
        return targets;
    }

    private static int inRange(int unit, Layer layer, String groups) {
        if (unit < 0 || unit >= layer.size()) {
            throw new InvalidInputException("parameter 'groups' names unit " + unit + " ('" + groups + "'); '" + layer.name()
                    + "' has units 0 to " + (layer.size() - 1));
        }
        return unit;
    }

    private static int positive(String groups, String number) {
        try {
            int k = Integer.parseInt(number);
            if (k >= 1) {
                return k;
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new InvalidInputException("parameter 'groups' is " + groups + "; expected a whole number >= 1 after the colon");
    }

    private static String name(int layerIndex, Layer layer) {
        return layerIndex == 0 ? "x" : layer.name();
    }
}
