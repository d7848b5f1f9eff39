package dnnc.runner.matrixio;

import dnnc.api.InvalidInputException;
import dnnc.api.Matrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MatrixFilesTest {
    @TempDir
    Path dir;

    @Test
    void csvWithHeaderAndNpyRoundTrip() throws IOException {
        Matrix m = csv("a,b,c\n1,2,3\n4,5.5,-6e-3\n", MatrixFiles.NaNs.REJECT);
        assertEquals(2, m.rows());
        assertArrayEquals(new double[] {1, 2, 3, 4, 5.5, -6e-3}, m.values());
        for (String name : new String[] {"m.npy", "m.csv"}) {
            Path f = dir.resolve(name);
            MatrixFiles.write(f, m);
            assertArrayEquals(m.values(), MatrixFiles.read(f, MatrixFiles.NaNs.REJECT).values(), name);
        }
        assertEquals(0, Files.size(dir.resolve("m.npy")) % 16 == 0 ? 0 : 1, "header aligned");
    }

    @Test
    void npyVersion2AndFloat32AreRead() throws IOException {
        Path f = dir.resolve("v2.npy");
        String header = "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 2), }";
        ByteBuffer b = ByteBuffer.allocate(12 + header.length() + 16).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 2, 0}).putInt(header.length()).put(header.getBytes(StandardCharsets.ISO_8859_1));
        b.putFloat(1.5f).putFloat(2f).putFloat(-3f).putFloat(4.25f);
        Files.write(f, b.array());
        assertArrayEquals(new double[] {1.5, 2, -3, 4.25}, MatrixFiles.read(f, MatrixFiles.NaNs.REJECT).values());
    }

    @Test
    void nonNumericNamesLineAndColumn() {
        String msg = error("1,2\n3,x\n");
        assertTrue(msg.contains("line 2, column 2") && msg.contains("'x'") && msg.contains("expected a number"), msg);
    }

    @Test
    void raggedRowsNamed() {
        String msg = error("1,2,3\n4,5\n");
        assertTrue(msg.contains("line 2 has 2 values; expected 3"), msg);
    }

    @Test
    void nanAndInfinityRejected() {
        assertTrue(error("1,2\nnan,3\n").contains("line 2, column 1 is NaN; expected a finite number"));
        assertTrue(error("1,inf\n1,3\n").contains("line 1, column 2 is Infinity"));
    }

    @Test
    void emptyFileRejected() {
        assertTrue(error("\n\n").contains("holds no rows of numbers"));
        assertTrue(error("a,b\n").contains("holds no rows of numbers"));
    }

    @Test
    void tooFewRowsAndNonSquareRejected() throws IOException {
        Path f = write("one.csv", "1,2,3\n");
        Matrix m = MatrixFiles.read(f, MatrixFiles.NaNs.REJECT);
        String rows = assertThrows(InvalidInputException.class, () -> MatrixFiles.requireRows(f, m, 2)).getMessage();
        assertTrue(rows.contains("has 1 row(s); expected at least 2"), rows);
        String square = assertThrows(InvalidInputException.class, () -> MatrixFiles.requireSquare(f, m)).getMessage();
        assertTrue(square.contains("is 1 x 3") && square.contains("square"), square);
    }

    @Test
    void unknownExtensionAndBadNpyRejected() throws IOException {
        Path txt = write("m.txt", "1,2\n");
        assertTrue(assertThrows(InvalidInputException.class, () -> MatrixFiles.read(txt, MatrixFiles.NaNs.REJECT)).getMessage().contains(".csv or .npy"));
        Path npy = write("bad.npy", "1,2\n");
        assertTrue(assertThrows(InvalidInputException.class, () -> MatrixFiles.read(npy, MatrixFiles.NaNs.REJECT)).getMessage().contains("not an .npy file"));
    }

    @Test
    void messagesAreOneLine() {
        assertFalse(error("1,2\n3\n").contains("\n"));
    }

    private String error(String content) {
        return assertThrows(InvalidInputException.class, () -> csv(content, MatrixFiles.NaNs.REJECT)).getMessage();
    }

    private Matrix csv(String content, MatrixFiles.NaNs nans) throws IOException {
        return MatrixFiles.read(write("m.csv", content), nans);
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }
}
