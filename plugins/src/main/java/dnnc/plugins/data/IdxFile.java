package dnnc.plugins.data;

import dnnc.api.InvalidInputException;
import dnnc.io.Sha256;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * One IDX file of unsigned bytes (the MNIST format): a 4-byte magic {@code 0x0000 08 rank}, {@code rank} big-endian
 * dimensions, then the values. Gzip-compressed files are recognised by their own magic. Every problem is reported
 * as one line naming the file.
 */
public record IdxFile(String name, int[] dims, byte[] values, String sha256) {

    private static final int UNSIGNED_BYTE = 0x08;

    /** Parses {@code stored} (the file's bytes as stored, gzip or raw) and checks it has the expected rank. */
    public static IdxFile parse(String name, byte[] stored, int expectedRank) {
        byte[] raw = isGzip(stored) ? gunzip(name, stored) : stored;
        int expectedMagic = (UNSIGNED_BYTE << 8) | expectedRank;
        if (raw.length < 4) {
            throw new InvalidInputException("IDX file " + name + " is truncated: " + raw.length + " bytes, shorter than its 4-byte magic number");
        }
        ByteBuffer in = ByteBuffer.wrap(raw);
        int magic = in.getInt();
        if (magic != expectedMagic) {
            throw new InvalidInputException(String.format("IDX file %s has magic number 0x%08X; expected 0x%08X (unsigned bytes, %d dimension%s)",
                    name, magic, expectedMagic, expectedRank, expectedRank == 1 ? "" : "s"));
        }
        int headerBytes = 4 + 4 * expectedRank;
        if (raw.length < headerBytes) {
            throw new InvalidInputException("IDX file " + name + " is truncated: " + raw.length + " bytes, shorter than its " + headerBytes + "-byte header");
        }
        int[] dims = new int[expectedRank];
        long count = 1;
        for (int d = 0; d < expectedRank; d++) {
            dims[d] = in.getInt();
            if (dims[d] <= 0) {
                throw new InvalidInputException("IDX file " + name + " has dimension " + d + " = " + dims[d] + "; dimensions must be positive");
            }
            count *= dims[d];
        }
        long found = raw.length - headerBytes;
        if (found < count) {
            throw new InvalidInputException("IDX file " + name + " is truncated: its header " + Arrays.toString(dims)
                    + " needs " + count + " bytes of data, found " + found);
        }
        if (found > count) {
            throw new InvalidInputException("IDX file " + name + " has a length mismatch: its header " + Arrays.toString(dims)
                    + " needs " + count + " bytes of data, found " + found);
        }
        return new IdxFile(name, dims, Arrays.copyOfRange(raw, headerBytes, raw.length), Sha256.hex(stored));
    }

    public int count() {
        return dims[0];
    }

    public int unsigned(int index) {
        return values[index] & 0xFF;
    }

    private static boolean isGzip(byte[] b) {
        return b.length >= 2 && (b[0] & 0xFF) == 0x1F && (b[1] & 0xFF) == 0x8B;
    }

    private static byte[] gunzip(String name, byte[] stored) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(stored))) {
            return in.readAllBytes();
        } catch (EOFException e) {
            throw new InvalidInputException("IDX file " + name + " is truncated: its gzip stream ends early", e);
        } catch (ZipException e) {
            throw new InvalidInputException("IDX file " + name + " is not a valid gzip file: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new InvalidInputException("IDX file " + name + " could not be read: " + e.getMessage(), e);
        }
    }
}
