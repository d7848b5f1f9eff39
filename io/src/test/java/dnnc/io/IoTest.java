package dnnc.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class IoTest {
    @TempDir
    Path folder;

    @Test
    void sha256OfKnownInputs() throws IOException {
        // FIPS 180-2 test vector "abc", and the empty input
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Sha256.hex("abc"));
        Path empty = Files.createFile(folder.resolve("empty"));
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Sha256.hex(empty));
        assertEquals(Sha256.hex("abc"), HexFormat.of().formatHex(Sha256.digest("abc".getBytes(StandardCharsets.US_ASCII))));
    }

    @Test
    void aFailedWriteKeepsTheOldFileAndLeavesNoTemporaryFile() throws IOException {
        Path target = AtomicFile.writeString(folder.resolve("results.json"), "old");
        UncheckedIOException failed = assertThrows(UncheckedIOException.class, () -> AtomicFile.write(target, out -> {
            out.write("half".getBytes(StandardCharsets.UTF_8));
            throw new IOException("No space left on device");
        }));
        assertEquals("cannot write " + target, failed.getMessage());
        assertEquals("No space left on device", failed.getCause().getMessage());
        assertEquals("old", Files.readString(target));
        assertEquals(List.of(target), files());
    }

    @Test
    void twoWritersOfOneTargetUseTheirOwnTemporaryFiles() throws IOException {
        Path target = folder.resolve("a.npy");
        AtomicFile.write(target, outer -> {
            AtomicFile.writeString(target, "inner");         // a second writer while the first is half-way
            outer.write("outer".getBytes(StandardCharsets.UTF_8));
        });
        assertEquals("outer", Files.readString(target));
        assertEquals(List.of(target), files());
    }

    /** The bytes numpy.save writes for np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.5]]): header padded to 64 bytes. */
    @Test
    void npyAsNumpySavesIt() throws IOException {
        Path file = Npy.write(folder.resolve("m.npy"), new int[]{2, 3}, new double[]{1, 2, 3, 4, 5, 6.5});
        byte[] bytes = Files.readAllBytes(file);
        String header = new String(bytes, 10, 118, StandardCharsets.US_ASCII);
        assertEquals("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }" + " ".repeat(58) + "\n", header);
        assertArrayEquals(new byte[]{(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, 118, 0}, java.util.Arrays.copyOf(bytes, 10));
        ByteBuffer data = ByteBuffer.wrap(bytes, 128, 48).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(6.5, data.getDouble(128 + 40));
        assertEquals(128 + 48, bytes.length);
        String vector = new String(Npy.bytes(new long[]{4}, 8, i -> 0), 10, 118, StandardCharsets.US_ASCII);
        assertEquals("{'descr': '<f8', 'fortran_order': False, 'shape': (4,), }", vector.strip());
    }

    /** float64 arrays are written and read in bulk, in blocks: the same bytes as value by value, over several blocks. */
    @Test
    void float64ArraysWrittenInBlocksReadBackExactly() throws IOException {
        double[] values = new double[3 * 43700]; // two blocks of 65,536 and 28 more
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        java.util.Arrays.setAll(values, i -> i % 7 == 0 ? -0.0 : random.nextGaussian() * Math.pow(10, random.nextInt(-300, 300)));
        long[] shape = {3, values.length / 3};
        Path file = Npy.write(folder.resolve("big.npy"), shape, values);
        assertArrayEquals(Npy.bytes(shape, 8, i -> values[i]), Files.readAllBytes(file));
        Npy.Contents read = Npy.read(file);
        assertArrayEquals(shape, read.shape());
        for (int i = 0; i < values.length; i++) {
            assertEquals(Double.doubleToRawLongBits(values[i]), Double.doubleToRawLongBits(read.values()[i]), "value " + i);
        }
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> all = Files.list(folder)) {
            return all.toList();
        }
    }

    /** Labels come as integers: NumPy's int64 (and other integer types) read as their values; floats only where floats are needed. */
    @Test
    void integerArraysReadAsTheirValuesButNotWhereFloatsAreNeeded() throws IOException {
        String header = "{'descr': '<i8', 'fortran_order': False, 'shape': (3,), }";
        header += " ".repeat(63 - (10 + header.length()) % 64) + "\n";
        ByteBuffer buf = ByteBuffer.allocate(10 + header.length() + 24).order(ByteOrder.LITTLE_ENDIAN);
        buf.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) header.length());
        buf.put(header.getBytes(StandardCharsets.ISO_8859_1)).putLong(7).putLong(-2).putLong(1L << 40);
        Path file = Files.write(folder.resolve("labels.npy"), buf.array());
        Npy.Contents labels = Npy.readAnyType(file);
        assertEquals("int64", labels.dtype());
        assertArrayEquals(new double[] {7, -2, 1L << 40}, labels.values());
        FileFormatException e = assertThrows(FileFormatException.class, () -> Npy.read(file));
        assertEquals(file + ": dtype int64; expected a little-endian float32 or float64 C-order array (numpy.save of a float array)", e.getMessage());
    }
}
