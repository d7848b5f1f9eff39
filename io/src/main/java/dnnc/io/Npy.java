package dnnc.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * NumPy's .npy format: versions 1-3 read, version 1 written; little-endian float32 or float64 (and, read only, the
 * integer and bool types labels come in), C order, any rank.
 * The one codec of the project (the api's Tensor and Matrix read and write through it).
 */
public final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");
    private static final String VALID = "expected a little-endian float32 or float64 C-order array (numpy.save of a float array)";
    private static final String VALID_ANY = "expected a little-endian C-order array of floats, integers or bools";

    private Npy() {
    }

    /**
     * The header's shape, the values read as doubles whatever their width (float32 values, and integers up to 2^53,
     * are exact in a double), and NumPy's name of their type ({@code float32}, {@code int64}, ...).
     */
    public record Contents(long[] shape, double[] values, String dtype) {
        public boolean isFloat() {
            return dtype.startsWith("float");
        }
    }

    /** A float32 or float64 array; any other type is refused, naming it. */
    public static Contents read(Path file) {
        Contents contents = readAnyType(file);
        if (!contents.isFloat()) {
            throw new FileFormatException(file + ": dtype " + contents.dtype() + "; " + VALID);
        }
        return contents;
    }

    /** The value at an index, for writing: float32 and float64 arrays alike. */
    public interface Values {
        double get(int index);
    }

    /** An array of floats, integers or bools (labels, class indices). */
    public static Contents readAnyType(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new FileFormatException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (bytes.length <= i || bytes[i] != MAGIC[i]) {
                throw new FileFormatException(file + ": not an .npy file (no \\x93NUMPY magic); " + VALID);
            }
        }
        if (bytes.length < 12) {
            throw new FileFormatException(file + ": truncated .npy header; " + VALID);
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int major = bytes[6];
        if (major < 1 || major > 3) {
            throw new FileFormatException(file + ": .npy version " + major + "; expected version 1, 2 or 3");
        }
        int headerLength = major == 1 ? Short.toUnsignedInt(buf.getShort(8)) : buf.getInt(8);
        int dataStart = (major == 1 ? 10 : 12) + headerLength;
        if (headerLength < 0 || dataStart > bytes.length) {
            throw new FileFormatException(file + ": truncated .npy header; " + VALID);
        }
        String header = new String(bytes, dataStart - headerLength, headerLength, StandardCharsets.ISO_8859_1);
        String descr = find(file, DESCR, header, "descr");
        if (find(file, FORTRAN, header, "fortran_order").equals("True")) {
            throw new FileFormatException(file + ": array is in Fortran order; " + VALID + " (use numpy.ascontiguousarray)");
        }
        NumberType type = NumberType.of(descr);
        if (type == null) {
            throw new FileFormatException(file + ": dtype '" + descr + "'; " + VALID_ANY);
        }
        long[] shape = parseShape(file, find(file, SHAPE, header, "shape"));
        long count = elementCount(shape);
        if ((bytes.length - dataStart) / type.width < count) {
            throw new FileFormatException(file + ": holds " + (bytes.length - dataStart) / type.width + " values; its header promises "
                    + shapeText(shape) + " = " + count + " (truncated file?)");
        }
        double[] values = new double[Math.toIntExact(count)];
        if (type == NumberType.FLOAT64) { // in bulk: a 200 MB similarity matrix is read in a fraction of the per-value time
            buf.slice(dataStart, 8 * values.length).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(values);
        } else {
            for (int i = 0; i < values.length; i++) {
                values[i] = type.get(buf, dataStart + type.width * i);
            }
        }
        return new Contents(shape, values, type.numpyName);
    }

    /** The element types read: little-endian ('<') or byte-sized ('|') floats, signed and unsigned integers, bools. */
    private enum NumberType {
        FLOAT32("<f4", "float32", 4), FLOAT64("<f8", "float64", 8), INT8("|i1", "int8", 1), UINT8("|u1", "uint8", 1),
        BOOL("|b1", "bool", 1), INT16("<i2", "int16", 2), INT32("<i4", "int32", 4), INT64("<i8", "int64", 8);

        final String descr;
        final String numpyName;
        final int width;

        NumberType(String descr, String numpyName, int width) {
            this.descr = descr;
            this.numpyName = numpyName;
            this.width = width;
        }

        static NumberType of(String descr) {
            return Arrays.stream(values()).filter(t -> t.descr.equals(descr)).findFirst().orElse(null);
        }

        double get(ByteBuffer buf, int at) {
            return switch (this) {
                case FLOAT32 -> buf.getFloat(at);
                case FLOAT64 -> buf.getDouble(at);
                case INT8, BOOL -> buf.get(at);
                case UINT8 -> Byte.toUnsignedInt(buf.get(at));
                case INT16 -> buf.getShort(at);
                case INT32 -> buf.getInt(at);
                case INT64 -> buf.getLong(at);
            };
        }
    }

    /**
     * Version 1, little-endian float32 ({@code width} 4) or float64 (8), C order, the header padded so the data starts
     * on a 64-byte boundary; written atomically ({@link AtomicFile}), so a reader never sees half a file.
     */
    public static Path write(Path file, long[] shape, int width, Values values) {
        return AtomicFile.writeBytes(file, bytes(shape, width, values));
    }

    /** A float64 array of any rank. */
    public static Path write(Path file, int[] shape, double[] values) {
        return write(file, Arrays.stream(shape).asLongStream().toArray(), values);
    }

    /** A float64 array of any rank, streamed to the file in blocks (no second copy of a 200 MB matrix in memory). */
    public static Path write(Path file, long[] shape, double[] values) {
        if (elementCount(shape) != values.length) {
            throw new IllegalArgumentException("shape " + shapeText(shape) + " given " + values.length + " values");
        }
        return AtomicFile.write(file, out -> {
            out.write(header(shape, 8));
            ByteBuffer block = ByteBuffer.allocate(8 * WRITE_BLOCK).order(ByteOrder.LITTLE_ENDIAN);
            for (int from = 0; from < values.length; from += WRITE_BLOCK) {
                int length = Math.min(WRITE_BLOCK, values.length - from);
                block.clear();
                block.asDoubleBuffer().put(values, from, length);
                out.write(block.array(), 0, 8 * length);
            }
        });
    }

    private static final int WRITE_BLOCK = 1 << 16;

    /** {@code (2, 1, 28, 28)}; -1 (an axis of any length) is written as {@code batch} for axis 0, {@code ?} elsewhere. */
    public static String shapeText(long[] shape) {
        StringBuilder s = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            s.append(i > 0 ? ", " : "").append(shape[i] >= 0 ? Long.toString(shape[i]) : i == 0 ? "batch" : "?");
        }
        return s.append(shape.length == 1 ? ",)" : ")").toString();
    }

    public static long elementCount(long[] shape) {
        return Arrays.stream(shape).reduce(1L, Math::multiplyExact);
    }

    static byte[] bytes(long[] shape, int width, Values values) {
        byte[] header = header(shape, width);
        int count = Math.toIntExact(elementCount(shape));
        ByteBuffer buf = ByteBuffer.allocate(header.length + width * count).order(ByteOrder.LITTLE_ENDIAN);
        buf.put(header);
        for (int i = 0; i < count; i++) {
            if (width == 4) {
                buf.putFloat((float) values.get(i));
            } else {
                buf.putDouble(values.get(i));
            }
        }
        return buf.array();
    }

    /** Magic, version 1 and the header, padded so the data starts on a 64-byte boundary. */
    private static byte[] header(long[] shape, int width) {
        StringBuilder dims = new StringBuilder();
        for (int i = 0; i < shape.length; i++) {
            dims.append(i > 0 ? ", " : "").append(shape[i]);
        }
        String header = "{'descr': '<f" + width + "', 'fortran_order': False, 'shape': (" + dims + (shape.length == 1 ? "," : "") + "), }";
        int unpadded = 10 + header.length() + 1;
        byte[] head = (header + " ".repeat((64 - unpadded % 64) % 64) + "\n").getBytes(StandardCharsets.ISO_8859_1);
        return ByteBuffer.allocate(10 + head.length).order(ByteOrder.LITTLE_ENDIAN)
                .put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) head.length).put(head).array();
    }

    private static long[] parseShape(Path file, String text) {
        String[] dims = text.replace(" ", "").split(",");
        int rank = dims.length > 0 && dims[dims.length - 1].isEmpty() ? dims.length - 1 : dims.length;
        long[] shape = new long[text.isBlank() ? 0 : rank];
        for (int i = 0; i < shape.length; i++) {
            try {
                shape[i] = Long.parseLong(dims[i].replace("L", ""));
            } catch (NumberFormatException e) {
                throw new FileFormatException(file + ": .npy shape (" + text + ") is not a list of integers; " + VALID);
            }
        }
        return shape;
    }

    private static String find(Path file, Pattern p, String header, String key) {
        Matcher m = p.matcher(header);
        if (!m.find()) {
            throw new FileFormatException(file + ": .npy header lacks '" + key + "'; " + VALID);
        }
        return m.group(1);
    }
}
