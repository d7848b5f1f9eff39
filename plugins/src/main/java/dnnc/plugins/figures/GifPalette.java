package dnnc.plugins.figures;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.IndexColorModel;
import java.util.Arrays;

/**
 * Turns an RGB frame into a GIF's 256-colour indexed image. A frame with at most 256 colours (image grids of
 * digits, flat charts) keeps them exactly; otherwise the 256 most common colours at 5 bits per channel form the
 * palette and every pixel takes the nearest. (The JDK GIF writer, given per-frame metadata, writes a generic
 * palette instead of quantising, so frames must arrive indexed.)
 */
final class GifPalette {
    private static final int MAX = 256;

    private GifPalette() {
    }

    static BufferedImage indexed(BufferedImage frame) {
        int w = frame.getWidth();
        int h = frame.getHeight();
        int[] pixels = rgb(frame);
        int[] distinct = distinctUpTo(pixels, MAX + 1);
        byte[] indices = new byte[pixels.length];
        int[] palette;
        if (distinct.length <= MAX) {
            palette = distinct;
            for (int i = 0; i < pixels.length; i++) {
                indices[i] = (byte) Arrays.binarySearch(palette, pixels[i]);
            }
        } else {
            palette = commonColours(pixels);
            int[] slot = new int[1 << 15];
            Arrays.fill(slot, -1);
            for (int i = 0; i < pixels.length; i++) {
                int key = coarse(pixels[i]);
                if (slot[key] < 0) {
                    slot[key] = nearest(palette, pixels[i]);
                }
                indices[i] = (byte) slot[key];
            }
        }
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_INDEXED, colourModel(palette));
        out.getRaster().setDataElements(0, 0, w, h, indices);
        return out;
    }

    private static int[] rgb(BufferedImage frame) {
        int w = frame.getWidth();
        int h = frame.getHeight();
        int[] pixels;
        if (frame.getType() == BufferedImage.TYPE_INT_RGB && frame.getRaster().getDataBuffer() instanceof DataBufferInt data
                && data.getNumBanks() == 1 && data.getData().length == w * h) {
            pixels = data.getData().clone();
        } else {
            pixels = frame.getRGB(0, 0, w, h, null, 0, w);
        }
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] &= 0xffffff;
        }
        return pixels;
    }

    /** The distinct values, sorted, or just the first {@code limit} found when there are more. */
    private static int[] distinctUpTo(int[] values, int limit) {
        int[] table = new int[1024];   // open addressing; -1 = empty (values are 24-bit, never -1)
        Arrays.fill(table, -1);
        int[] found = new int[limit];
        int n = 0;
        for (int v : values) {
            int slot = (v * 0x9E3779B1) >>> 22;
            while (table[slot] != -1 && table[slot] != v) {
                slot = (slot + 1) & 1023;
            }
            if (table[slot] == -1) {
                table[slot] = v;
                found[n++] = v;
                if (n == limit) {
                    break;
                }
            }
        }
        int[] out = Arrays.copyOf(found, n);
        Arrays.sort(out);
        return out;
    }

    private static int coarse(int rgb) {
        return (rgb >> 9 & 0x7c00) | (rgb >> 6 & 0x3e0) | (rgb >> 3 & 0x1f);
    }

    private static int[] commonColours(int[] pixels) {
        int[] counts = new int[1 << 15];
        long[][] sums = new long[1 << 15][3];
        for (int p : pixels) {
            int c = coarse(p);
            counts[c]++;
            sums[c][0] += p >> 16 & 0xff;
            sums[c][1] += p >> 8 & 0xff;
            sums[c][2] += p & 0xff;
        }
        Integer[] buckets = new Integer[counts.length];
        for (int i = 0; i < buckets.length; i++) {
            buckets[i] = i;
        }
        Arrays.sort(buckets, (a, b) -> Integer.compare(counts[b], counts[a]));
        int n = 0;
        int[] palette = new int[MAX];
        for (int k = 0; k < MAX && counts[buckets[k]] > 0; k++) {
            int b = buckets[k];
            palette[n++] = (int) (sums[b][0] / counts[b]) << 16 | (int) (sums[b][1] / counts[b]) << 8 | (int) (sums[b][2] / counts[b]);
        }
        return Arrays.copyOf(palette, n);
    }

    private static int nearest(int[] palette, int rgb) {
        int best = 0;
        long bestDistance = Long.MAX_VALUE;
        for (int i = 0; i < palette.length; i++) {
            long dr = (palette[i] >> 16 & 0xff) - (rgb >> 16 & 0xff);
            long dg = (palette[i] >> 8 & 0xff) - (rgb >> 8 & 0xff);
            long db = (palette[i] & 0xff) - (rgb & 0xff);
            long d = dr * dr + dg * dg + db * db;
            if (d < bestDistance) {
                bestDistance = d;
                best = i;
            }
        }
        return best;
    }

    private static IndexColorModel colourModel(int[] palette) {
        int size = Math.max(2, Integer.highestOneBit(Math.max(1, palette.length - 1)) << 1);   // GIF tables hold 2^n entries
        byte[] r = new byte[size];
        byte[] g = new byte[size];
        byte[] b = new byte[size];
        for (int i = 0; i < palette.length; i++) {
            r[i] = (byte) (palette[i] >> 16);
            g[i] = (byte) (palette[i] >> 8);
            b[i] = (byte) palette[i];
        }
        return new IndexColorModel(8, size, r, g, b);
    }
}
