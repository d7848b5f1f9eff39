package dnnc.runner.matrixio;

import dnnc.api.InvalidInputException;
import dnnc.api.Matrix;
import dnnc.io.Npy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** NumPy's .npy format, versions 1 and 2: 2-D, little-endian float64 ('&lt;f8') or float32 ('&lt;f4'), C order. */
final class NpyMatrix {
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");
    private static final String VALID = "expected a 2-D little-endian float64 or float32 C-order array (numpy.save of a float matrix)";

    private NpyMatrix() {
    }

    static Matrix read(Path file, MatrixFiles.NaNs nans) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InvalidInputException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < Npy.MAGIC.length; i++) {
            if (bytes.length <= i || bytes[i] != Npy.MAGIC[i]) {
                throw new InvalidInputException(file + ": not an .npy file (no \\x93NUMPY magic); " + VALID);
            }
        }
        if (bytes.length < 10) {
            throw new InvalidInputException(file + ": truncated .npy header; " + VALID);
        }
        int major = bytes[6];
        int headerLength;
        int dataStart;
        if (major == 1) {
            headerLength = Short.toUnsignedInt(buf.getShort(8));
            dataStart = 10 + headerLength;
        } else if (major == 2 || major == 3) {
            headerLength = buf.getInt(8);
            dataStart = 12 + headerLength;
        } else {
            throw new InvalidInputException(file + ": .npy version " + major + "; expected version 1 or 2");
        }
        if (dataStart > bytes.length || headerLength < 0) {
            throw new InvalidInputException(file + ": truncated .npy header; " + VALID);
        }
        String header = new String(bytes, dataStart - headerLength, headerLength, StandardCharsets.ISO_8859_1);
        String descr = find(file, DESCR, header, "descr");
        if (find(file, FORTRAN, header, "fortran_order").equals("True")) {
            throw new InvalidInputException(file + ": array is in Fortran order; " + VALID + " (use numpy.ascontiguousarray)");
        }
        String[] dims = find(file, SHAPE, header, "shape").replace(" ", "").split(",");
        if (dims.length != 2 || dims[1].isEmpty()) {
            throw new InvalidInputException(file + ": shape (" + String.join(",", dims) + ") is not 2-D; " + VALID);
        }
        int rows = Integer.parseInt(dims[0]);
        int cols = Integer.parseInt(dims[1]);
        int width = switch (descr) {
            case "<f8" -> 8;
            case "<f4" -> 4;
            default -> throw new InvalidInputException(file + ": dtype '" + descr + "'; " + VALID);
        };
        long count = (long) rows * cols;
        if (bytes.length - dataStart < count * width) {
            throw new InvalidInputException(file + ": holds " + (bytes.length - dataStart) / width + " values; its header promises "
                    + rows + " x " + cols + " = " + count);
        }
        double[] values = new double[Math.toIntExact(count)];
        for (int i = 0; i < values.length; i++) {
            values[i] = width == 8 ? buf.getDouble(dataStart + 8 * i)
                    : buf.getFloat(dataStart + 4 * i);
            MatrixFiles.checkValue(file, values[i], nans, "element [" + i / cols + ", " + i % cols + "]");
        }
        return new Matrix(rows, cols, values);
    }

    private static String find(Path file, Pattern p, String header, String key) {
        Matcher m = p.matcher(header);
        if (!m.find()) {
            throw new InvalidInputException(file + ": .npy header lacks '" + key + "'; " + VALID);
        }
        return m.group(1);
    }

    static void write(Path file, Matrix m) {
        try {
            Npy.write(file, new int[]{m.rows(), m.cols()}, m.values());
        } catch (UncheckedIOException e) {
            throw new InvalidInputException(file + ": cannot be written (" + e.getCause().getMessage() + ")", e);
        }
    }
}
