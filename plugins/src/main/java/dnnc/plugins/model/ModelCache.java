package dnnc.plugins.model;

import dnnc.api.InvalidInputException;
import dnnc.io.AtomicFile;
import dnnc.io.Sha256;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Trained models shared across runs, one file per (plugin, data, parameters). A file holds named float arrays
 * behind a header naming the plugin and the cache key, and ends with the sha256 of everything before it, so a
 * truncated, corrupt or foreign file is refused rather than loaded. Files are written to a temporary name and
 * renamed atomically, so a crash never leaves a half-written model under a valid name.
 */
public final class ModelCache {
    private static final byte[] MAGIC = "DNNC-MODEL 1\n".getBytes(StandardCharsets.US_ASCII);

    private final Path file;
    private final String plugin;
    private final String key;

    /** The cache entry for {@code plugin} trained on data {@code dataSha256} with {@code parameters}. */
    public ModelCache(Path cacheDir, String plugin, String dataSha256, Map<String, String> parameters) {
        this.plugin = plugin;
        StringBuilder identity = new StringBuilder("plugin=").append(plugin).append("\ndata=").append(dataSha256).append('\n');
        parameters.forEach((name, value) -> identity.append(name).append('=').append(value).append('\n'));
        this.key = Sha256.hex(identity.toString());
        this.file = cacheDir.resolve(plugin).resolve(key + ".model");
    }

    public Path file() {
        return file;
    }

    public String key() {
        return key;
    }

    /** The saved arrays, or empty when nothing is cached; a file that is not exactly what we wrote is refused. */
    public Optional<Saved> load() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        byte[] bytes = readBytes();
        try {
            ByteBuffer in = checkedBody(bytes);
            int count = in.getInt();
            Map<String, INDArray> arrays = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                String name = readString(in);
                long[] shape = new long[in.getInt()];
                for (int d = 0; d < shape.length; d++) {
                    shape[d] = in.getLong();
                }
                float[] values = new float[Math.toIntExact(Arrays.stream(shape).reduce(1, Math::multiplyExact))];
                in.asFloatBuffer().get(values);
                in.position(in.position() + 4 * values.length);
                arrays.put(name, Nd4j.create(values, shape, 'c'));
            }
            if (in.hasRemaining()) {
                throw refusal("has " + in.remaining() + " unexpected trailing bytes");
            }
            return Optional.of(new Saved(file, arrays, Sha256.hex(bytes)));
        } catch (BufferUnderflowException | IllegalArgumentException | ArithmeticException e) {
            throw refusal("is corrupt (it ends inside an array)");
        }
    }

    /** Refuses a cached file that is not exactly what we wrote for this entry, without loading its arrays. */
    public void verify() {
        if (Files.exists(file)) {
            try {
                checkedBody(readBytes());
            } catch (BufferUnderflowException | IllegalArgumentException e) {
                throw refusal("is corrupt (its header is cut short)");
            }
        }
    }

    private byte[] readBytes() {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InvalidInputException("cached model " + file + " could not be read: " + e.getMessage(), e);
        }
    }

    /** The body after the header, once magic, checksum, plugin and key are shown to be this entry's. */
    private ByteBuffer checkedBody(byte[] bytes) {
        if (bytes.length < MAGIC.length + Sha256.BYTES || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw refusal("is not a dnnc model file");
        }
        byte[] body = Arrays.copyOf(bytes, bytes.length - Sha256.BYTES);
        if (!Arrays.equals(Sha256.digest(body), Arrays.copyOfRange(bytes, body.length, bytes.length))) {
            throw refusal("is corrupt (its checksum does not match its contents)");
        }
        ByteBuffer in = ByteBuffer.wrap(body, MAGIC.length, body.length - MAGIC.length);
        String savedPlugin = readString(in);
        String savedKey = readString(in);
        if (!savedPlugin.equals(plugin) || !savedKey.equals(key)) {
            throw refusal("belongs to plugin '" + savedPlugin + "' with key " + savedKey + ", not to this model");
        }
        return in;
    }

    /** Writes the arrays (float32) under this entry's name and returns the file's sha256. */
    public String save(Map<String, INDArray> arrays) {
        try {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(buffer);
            out.write(MAGIC);
            writeString(out, plugin);
            writeString(out, key);
            out.writeInt(arrays.size());
            for (Map.Entry<String, INDArray> e : arrays.entrySet()) {
                writeString(out, e.getKey());
                INDArray a = e.getValue().castTo(DataType.FLOAT).dup('c');
                out.writeInt(a.rank());
                for (long d : a.shape()) {
                    out.writeLong(d);
                }
                for (float v : a.data().asFloat()) {
                    out.writeFloat(v);
                }
            }
            out.flush();
            byte[] body = buffer.toByteArray();
            byte[] bytes = Arrays.copyOf(body, body.length + Sha256.BYTES);
            System.arraycopy(Sha256.digest(body), 0, bytes, body.length, Sha256.BYTES);
            AtomicFile.write(file, ".part", stream -> stream.write(bytes));
            return Sha256.hex(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write cached model " + file, e);
        } catch (UncheckedIOException e) {
            throw new UncheckedIOException("could not write cached model " + file, e.getCause());
        }
    }

    /** What a cache file held, and the file's sha256. */
    public record Saved(Path file, Map<String, INDArray> arrays, String sha256) {
        /** The named array, which must have the given shape. */
        public INDArray get(String name, long... shape) {
            INDArray a = arrays.get(name);
            if (a == null || !Arrays.equals(a.shape(), shape)) {
                throw new InvalidInputException("cached model " + file + " lacks array '" + name + "' of shape "
                        + Arrays.toString(shape) + "; delete it to retrain");
            }
            return a;
        }
    }

    private InvalidInputException refusal(String why) {
        return new InvalidInputException("cached model " + file + " " + why + "; delete it to retrain");
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readString(ByteBuffer in) {
        int length = in.getInt();
        if (length < 0 || length > in.remaining()) {
            throw new IllegalArgumentException("string length " + length);
        }
        byte[] b = new byte[length];
        in.get(b);
        return new String(b, StandardCharsets.UTF_8);
    }
}
