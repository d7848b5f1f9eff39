package dnnc.api;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** NumPy's .npy format for {@link Tensor} and {@link Matrix}: versions 1-3, little-endian float32 or float64, C order, any rank. */
final class NpyCodec {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");
    private static final String VALID = "expected a little-endian float32 or float64 C-order array (numpy.save of a float array)";

    private NpyCodec() {
    }

    /** The header's shape and the values, read as doubles whatever their width (float32 values are exact in a double). */
    record Contents(long[] shape, double[] values) {
    }

    static Contents read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InvalidInputException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (bytes.length <= i || bytes[i] != MAGIC[i]) {
                throw new InvalidInputException(file + ": not an .npy file (no \\x93NUMPY magic); " + VALID);
            }
        }
        if (bytes.length < 12) {
            throw new InvalidInputException(file + ": truncated .npy header; " + VALID);
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int major = bytes[6];
        if (major < 1 || major > 3) {
            throw new InvalidInputException(file + ": .npy version " + major + "; expected version 1, 2 or 3");
        }
        int headerLength = major == 1 ? Short.toUnsignedInt(buf.getShort(8)) : buf.getInt(8);
        int dataStart = (major == 1 ? 10 : 12) + headerLength;
        if (headerLength < 0 || dataStart > bytes.length) {
            throw new InvalidInputException(file + ": truncated .npy header; " + VALID);
        }
        String header = new String(bytes, dataStart - headerLength, headerLength, StandardCharsets.ISO_8859_1);
        String descr = find(file, DESCR, header, "descr");
        if (find(file, FORTRAN, header, "fortran_order").equals("True")) {
            throw new InvalidInputException(file + ": array is in Fortran order; " + VALID + " (use numpy.ascontiguousarray)");
        }
        int width = switch (descr) {
            case "<f4" -> 4;
            case "<f8" -> 8;
            default -> throw new InvalidInputException(file + ": dtype '" + descr + "'; " + VALID);
        };
        long[] shape = parseShape(file, find(file, SHAPE, header, "shape"));
        long count = Tensor.elementCount(shape);
        if ((bytes.length - dataStart) / width < count) {
            throw new InvalidInputException(file + ": holds " + (bytes.length - dataStart) / width + " values; its header promises "
                    + Tensor.shapeText(shape) + " = " + count + " (truncated file?)");
        }
        double[] values = new double[Math.toIntExact(count)];
        for (int i = 0; i < values.length; i++) {
            values[i] = width == 4 ? buf.getFloat(dataStart + 4 * i) : buf.getDouble(dataStart + 8 * i);
        }
        return new Contents(shape, values);
    }

    private static long[] parseShape(Path file, String text) {
        String[] dims = text.replace(" ", "").split(",");
        int rank = dims.length > 0 && dims[dims.length - 1].isEmpty() ? dims.length - 1 : dims.length;
        long[] shape = new long[text.isBlank() ? 0 : rank];
        for (int i = 0; i < shape.length; i++) {
            try {
                shape[i] = Long.parseLong(dims[i].replace("L", ""));
            } catch (NumberFormatException e) {
                throw new InvalidInputException(file + ": .npy shape (" + text + ") is not a list of integers; " + VALID);
            }
        }
        return shape;
    }

    private static String find(Path file, Pattern p, String header, String key) {
        Matcher m = p.matcher(header);
        if (!m.find()) {
            throw new InvalidInputException(file + ": .npy header lacks '" + key + "'; " + VALID);
        }
        return m.group(1);
    }

    /** The value at an index, for writing: float32 and float64 arrays alike. */
    interface Values {
        double get(int index);
    }

    /**
     * Version 1, little-endian float32 ({@code width} 4) or float64 (8), C order, header padded so the data starts on a
     * 64-byte boundary; written beside the file and moved into place, so a reader never sees half a file.
     */
    static void write(Path file, long[] shape, int width, Values values) {
        StringBuilder dims = new StringBuilder();
        for (int i = 0; i < shape.length; i++) {
            dims.append(i > 0 ? ", " : "").append(shape[i]);
        }
        String header = "{'descr': '<f" + width + "', 'fortran_order': False, 'shape': (" + dims + (shape.length == 1 ? "," : "") + "), }";
        int unpadded = 10 + header.length() + 1;
        byte[] head = (header + " ".repeat((64 - unpadded % 64) % 64) + "\n").getBytes(StandardCharsets.ISO_8859_1);
        int count = Math.toIntExact(Tensor.elementCount(shape));
        ByteBuffer buf = ByteBuffer.allocate(10 + head.length + width * count).order(ByteOrder.LITTLE_ENDIAN);
        buf.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) head.length).put(head);
        for (int i = 0; i < count; i++) {
            if (width == 4) {
                buf.putFloat((float) values.get(i));
            } else {
                buf.putDouble(values.get(i));
            }
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path partial = parent.resolve(file.getFileName() + ".partial");
            Files.write(partial, buf.array());
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new InvalidInputException(file + ": cannot be written (" + e.getMessage() + ")", e);
        }
    }
}
