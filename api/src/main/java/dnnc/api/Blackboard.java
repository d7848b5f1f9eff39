package dnnc.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The values steps hand each other through a {@link RunContext}, keyed by {@link Slot} identity and checked
 * against the slot's type. The one store behind every context (a run, its repeats, a benchmark, a test), so
 * they all behave alike. A repeat's board starts from the values of the board it repeats, keeps its own, and
 * shares the history: {@link #history} holds every value a slot was given, main analysis first.
 */
public final class Blackboard {
    private final Map<Slot<?>, Object> current = new ConcurrentHashMap<>();
    private final Map<Slot<?>, List<Object>> history;

    public Blackboard() {
        this.history = new ConcurrentHashMap<>();
    }

    private Blackboard(Blackboard repeated) {
        this.history = repeated.history;
        this.current.putAll(repeated.current);
    }

    public <T> Optional<T> get(Slot<T> slot) {
        return Optional.ofNullable(slot.type().cast(current.get(slot)));
    }

    public <T> void put(Slot<T> slot, T value) {
        current.put(slot, slot.type().cast(value));
        history.computeIfAbsent(slot, k -> Collections.synchronizedList(new ArrayList<>())).add(value);
    }

    public <T> List<T> history(Slot<T> slot) {
        List<Object> values = history.getOrDefault(slot, List.of());
        synchronized (values) {
            return values.stream().map(slot.type()::cast).toList();
        }
    }

    /** The board of a repeat of the analysis: this board's values to start from, the history shared. */
    public Blackboard forRepeat() {
        return new Blackboard(this);
    }
}
