package dnnc.api;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BlackboardTest {
    private static final Slot<String> MODEL_NOTE = new Slot<>("model", String.class);

    @Test
    void aSlotIsItsOwnKeySoOneThatSharesANameNeverCollides() {
        Blackboard board = new Blackboard();
        board.put(MODEL_NOTE, "a note");
        assertEquals(Optional.empty(), board.get(Slots.MODEL));
        assertEquals(Optional.of("a note"), board.get(MODEL_NOTE));
        assertEquals(Optional.empty(), board.get(new Slot<>("model", String.class)));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    @Test
    void aValueOfAnotherTypeIsRefused() {
        Blackboard board = new Blackboard();
        assertThrows(ClassCastException.class, () -> board.put((Slot) MODEL_NOTE, 42));
    }

    @Test
    void aRepeatStartsFromTheMainValuesKeepsItsOwnAndSharesTheHistory() {
        Blackboard main = new Blackboard();
        main.put(MODEL_NOTE, "main");
        Blackboard repeat = main.forRepeat();
        assertEquals(Optional.of("main"), repeat.get(MODEL_NOTE));
        repeat.put(MODEL_NOTE, "repeat 1");
        assertEquals(Optional.of("main"), main.get(MODEL_NOTE));
        assertEquals(List.of("main", "repeat 1"), main.history(MODEL_NOTE));
    }
}
