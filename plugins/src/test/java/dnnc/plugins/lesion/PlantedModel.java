package dnnc.plugins.lesion;

import dnnc.api.ConditionalGenerator;
import dnnc.api.ImageClassifier;
import dnnc.api.InputSchema;
import dnnc.api.NetworkProbe;

import java.util.Map;

/** The planted decoder as a model with 5 x 5 images, and a judge that knows its intact digit. */
final class PlantedModel implements ConditionalGenerator {
    private final NetworkProbe decoder;

    PlantedModel(NetworkProbe decoder) {
        this.decoder = decoder;
    }

    @Override
    public NetworkProbe decoder() {
        return decoder;
    }

    @Override
    public InputSchema inputs() {
        return PlantedStudy.SCHEMA;
    }

    @Override
    public int imageRows() {
        return 5;
    }

    @Override
    public int imageCols() {
        return 5;
    }

    @Override
    public double[] klPerLatent() {
        return new double[] {0, 1, 0, 0};
    }

    @Override
    public String sha256() {
        return "planted";
    }

    @Override
    public Map<String, Object> metrics() {
        return Map.of();
    }

    /**
     * Sees the target digit when an image lies within {@code maxDistance} (mean absolute pixel difference) of the
     * prototype, otherwise calls it the next class.
     */
    record PrototypeJudge(float[] prototype, double maxDistance, int target, int classes) implements ImageClassifier {
        @Override
        public int[] classify(float[] images, int count) {
            int pixels = prototype.length;
            int[] labels = new int[count];
            for (int i = 0; i < count; i++) {
                double distance = 0;
                for (int p = 0; p < pixels; p++) {
                    distance += Math.abs(images[i * pixels + p] - prototype[p]);
                }
                labels[i] = distance / pixels <= maxDistance ? target : (target + 1) % classes;
            }
            return labels;
        }

        @Override
        public double heldOutAccuracy() {
            return 1;
        }

        @Override
        public String sha256() {
            return "prototype";
        }

        @Override
        public Map<String, Object> metrics() {
            return Map.of();
        }
    }
}
