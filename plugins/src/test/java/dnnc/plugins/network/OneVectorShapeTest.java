package dnnc.plugins.network;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every SIMD path of the plugins uses the preferred vector shape. On JDK 17, once a second float vector class
 * (a half-width shape) was live in the JVM, C2 stopped compiling the other float vector code to registers: after one
 * ACE whose moments loaded floats in the half shape, the judge's SIMD convolutions ran 10x slower, in the bench and
 * in the study's lesion stage. A test of speed would be a timed assertion; this one keeps the cause out.
 */
class OneVectorShapeTest {
    private static final Pattern OTHER_SHAPE =
            Pattern.compile("\\bVectorShape\\b|SPECIES_(64|128|256|512|MAX)\\b|VectorSpecies\\.of\\(|\\.withShape\\(");

    @Test
    void noPluginCodeNamesAVectorShapeOtherThanThePreferredOne() throws IOException {
        Path sources = Path.of("src/main/java");
        try (Stream<Path> files = Files.walk(sources)) {
            List<String> offenders = files.filter(f -> f.toString().endsWith(".java"))
                    .flatMap(OneVectorShapeTest::offendingLines).toList();
            assertEquals(List.of(), offenders);
        }
    }

    private static Stream<String> offendingLines(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return java.util.stream.IntStream.range(0, lines.size())
                    .filter(i -> OTHER_SHAPE.matcher(lines.get(i)).find())
                    .mapToObj(i -> file + ":" + (i + 1) + ": " + lines.get(i).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
