package dnnc.plugins.report;

import dnnc.api.PreferenceSweep;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

class LesionSensitivityReporterTest {
    @Test
    void alternativesComeFromConvergedSweepPointsWithTwoToHalfNClusters() {
        PreferenceSweep sweep = new PreferenceSweep(new double[] {-9, -5, -2, -1, 0.5, 1},
                new int[] {1, 4, 6, 7, 60, 100}, new boolean[] {true, true, false, true, true, true}, -1);
        // -9: one cluster; -2: did not converge; 0.5 and 1: more than n/2 = 50 clusters
        assertArrayEquals(new double[] {-5, -1}, LesionSensitivityReporter.usablePreferences(sweep, 100));
        assertArrayEquals(new double[] {-5, -1, 0.5}, LesionSensitivityReporter.usablePreferences(sweep, 120));
    }

    @Test
    void alternativesAreEvenlySpacedInLogDistanceToTheLargestPreference() {
        PreferenceSweep sweep = new PreferenceSweep(new double[] {-9, -5, -2, -1, 0.5, 1},
                new int[] {1, 4, 6, 7, 60, 100}, new boolean[] {true, true, false, true, true, true}, -1);
        // usable -5 and -1 lie 6 and 2 from p_max = 1; three points: distances 6, sqrt(12), 2
        assertArrayEquals(new double[] {-5, 1 - Math.sqrt(12), -1}, LesionSensitivityReporter.alternativePreferences(sweep, 100, 3), 1e-12);
        assertArrayEquals(new double[] {-5}, LesionSensitivityReporter.alternativePreferences(sweep, 100, 1), 1e-12);
        PreferenceSweep trivial = new PreferenceSweep(new double[] {-9, 1}, new int[] {1, 100}, new boolean[] {true, true}, -1);
        assertArrayEquals(new double[0], LesionSensitivityReporter.alternativePreferences(trivial, 100, 3));
    }
}
