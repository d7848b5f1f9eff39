package dnnc.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

/** NumPy's .npy format (version 1.0) for little-endian float64 C-order arrays, the form numpy.load reads. */
public final class Npy {
    /** The first bytes of every .npy file. */
    public static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};

    private Npy() {
    }

    /** Writes the array atomically ({@link AtomicFile}); the header is padded so the data starts on a 64-byte boundary. */
    public static Path write(Path file, int[] shape, double[] values) {
        return AtomicFile.writeBytes(file, bytes(shape, values));
    }

    static byte[] bytes(int[] shape, double[] values) {
        String dims = Arrays.stream(shape).mapToObj(Integer::toString).collect(Collectors.joining(", "));
        String header = "{'descr': '<f8', 'fortran_order': False, 'shape': (" + dims + (shape.length == 1 ? "," : "") + "), }";
        int unpadded = 10 + header.length() + 1;
        byte[] head = (header + " ".repeat((64 - unpadded % 64) % 64) + "\n").getBytes(StandardCharsets.US_ASCII);
        ByteBuffer buffer = ByteBuffer.allocate(10 + head.length + 8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        buffer.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) head.length).put(head);
        for (double v : values) {
            buffer.putDouble(v);
        }
        return buffer.array();
    }
}
