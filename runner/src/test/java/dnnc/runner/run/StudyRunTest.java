package dnnc.runner.run;

import dnnc.api.Recorder;
import dnnc.api.Slot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StudyRunTest {
    private static final Slot<String> FEATURES = new Slot<>("features", String.class);

    @TempDir
    Path dir;

    private StudyRun main() {
        return new StudyRun("run-1", dir, dir.resolve("cache"), 7, () -> (Recorder) null,
                new PrintStream(OutputStream.nullOutputStream()), false);
    }

    @Test
    void eachStepOfARepeatSeesWhatEarlierStepsOfThatRepeatPut() {
        StudyRun main = main();
        main.put(FEATURES, "main");
        StudyRun firstStep = main.forStep(1, 11);
        assertEquals("main", firstStep.get(FEATURES).orElseThrow(), "a repeat starts from the main analysis");
        firstStep.put(FEATURES, "repeat 1");
        StudyRun nextStep = main.forStep(1, 12);
        assertEquals("repeat 1", nextStep.get(FEATURES).orElseThrow());
        assertEquals("main", main.get(FEATURES).orElseThrow(), "the main analysis keeps its own");
        assertEquals(List.of("main", "repeat 1"), main.history(FEATURES));
        assertEquals(12, nextStep.seed(), "each step sees its own seed");
        assertEquals(7, main.seed());
        assertEquals(1, nextStep.repeat());
        assertTrue(Files.isDirectory(dir.resolve("repeat-1")));
        assertSame(main, main.forRepeat(0));
    }
}
