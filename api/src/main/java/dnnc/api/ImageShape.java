package dnnc.api;

/**
 * Shape of a grey image from its intensity moments (docs/METHODS.md, finding 1): ink area (sum of intensities),
 * centroid (row, column), the orientation of the principal axis in degrees in (-90, 90], counter-clockwise from
 * the horizontal as a reader sees the image, and the elongation in [0, 1] that says how well defined that axis is.
 */
public record ImageShape(double inkArea, double centroidRow, double centroidCol, double orientationDeg, double elongation) {
}
