package dnnc.plugins.analysis;

import dnnc.api.ImageShape;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImageMomentsTest {
    private static final int SIZE = 41;

    /** A bar of half-length 15 and half-width 1.5 through the centre at the given angle (reader's view, y up). */
    private static float[] bar(double angleDeg) {
        float[] img = new float[SIZE * SIZE];
        double t = Math.toRadians(angleDeg);
        double c = SIZE / 2;
        for (int r = 0; r < SIZE; r++) {
            for (int col = 0; col < SIZE; col++) {
                double x = col - c;
                double y = c - r;
                double along = x * Math.cos(t) + y * Math.sin(t);
                double across = -x * Math.sin(t) + y * Math.cos(t);
                if (Math.abs(along) <= 15 && Math.abs(across) <= 1.5) {
                    img[r * SIZE + col] = 1f;
                }
            }
        }
        return img;
    }

    private static float[] gaussianBlob(double sigma) {
        float[] img = new float[SIZE * SIZE];
        double c = SIZE / 2;
        for (int r = 0; r < SIZE; r++) {
            for (int col = 0; col < SIZE; col++) {
                double d2 = (r - c) * (r - c) + (col - c) * (col - c);
                img[r * SIZE + col] = (float) Math.exp(-d2 / (2 * sigma * sigma));
            }
        }
        return img;
    }

    @Test
    void axisAlignedBarsGiveZeroAndNinetyDegrees() {
        assertEquals(0, ImageMoments.of(bar(0), SIZE, SIZE).orientationDeg(), 1e-9);
        assertEquals(90, ImageMoments.of(bar(90), SIZE, SIZE).orientationDeg(), 1e-9);
    }

    @Test
    void rotatedBarsGiveTheirAngleCountingCounterClockwiseAsTheReaderSeesIt() {
        for (double angle : new double[] {30, 45, 60, -20, -45, -75}) {
            assertEquals(angle, ImageMoments.of(bar(angle), SIZE, SIZE).orientationDeg(), 1.5, "bar at " + angle);
        }
        // rows grow downwards: a bar rising to the right has its right end in a smaller row
        float[] rising = new float[9 * 9];
        for (int k = 0; k < 9; k++) {
            rising[(8 - k) * 9 + k] = 1f;
        }
        assertEquals(45, ImageMoments.of(rising, 9, 9).orientationDeg(), 1e-9);
    }

    @Test
    void inkAreaOfAGaussianBlobIsTwoPiSigmaSquaredAndScalesWithSigmaSquared() {
        ImageShape small = ImageMoments.of(gaussianBlob(2), SIZE, SIZE);
        ImageShape large = ImageMoments.of(gaussianBlob(4), SIZE, SIZE);
        assertEquals(2 * Math.PI * 4, small.inkArea(), 1e-3);
        assertEquals(2 * Math.PI * 16, large.inkArea(), 1e-2);
        assertEquals(4, ImageMoments.areaRatio(new double[] {small.inkArea(), large.inkArea()}), 1e-3);
        assertEquals(20, small.centroidRow(), 1e-9);
        assertEquals(20, small.centroidCol(), 1e-9);
        assertEquals(0, small.orientationDeg(), 1e-6, "a round blob has no preferred axis");
        assertEquals(0, small.elongation(), 1e-6);
        assertTrue(ImageMoments.of(bar(30), SIZE, SIZE).elongation() > 0.9, "a thin bar is nearly a line");
    }

    @Test
    void emptyImageHasZeroAreaAndNoCentroid() {
        ImageShape m = ImageMoments.of(new float[16], 4, 4);
        assertEquals(0, m.inkArea());
        assertEquals(Double.NaN, m.centroidRow());
    }

    @Test
    void orientationRangeWrapsAtOneHundredEightyDegrees() {
        assertEquals(10, ImageMoments.orientationRange(new double[] {85, -85}), 1e-9);
        assertEquals(60, ImageMoments.orientationRange(new double[] {-30, 0, 30}), 1e-9);
        assertEquals(135, ImageMoments.orientationRange(new double[] {0, 45, 90, -45}), 1e-9);
        assertEquals(0, ImageMoments.orientationRange(new double[] {12, 12, 12}), 1e-9);
        assertEquals(90, ImageMoments.orientationRange(new double[] {0, 90, 0, 90}), 1e-9);
    }

    @Test
    void unwrapTurnsJumpsAtTheWrapIntoSmallSteps() {
        assertArrayEquals(new double[] {-100, -85, -70, -80}, ImageMoments.unwrap(new double[] {80, -85, -70, -80}), 1e-12);
        assertArrayEquals(new double[] {70, 95, 80}, ImageMoments.unwrap(new double[] {70, -85, 80}), 1e-12);
        assertArrayEquals(new double[] {-10, 10}, ImageMoments.unwrap(new double[] {-10, 10}), 1e-12);
    }

    @Test
    void areaRatioIsMaxOverMin() {
        assertEquals(3, ImageMoments.areaRatio(new double[] {2, 6, 4}), 1e-12);
        assertEquals(1, ImageMoments.areaRatio(new double[] {5, 5}), 1e-12);
    }
}
