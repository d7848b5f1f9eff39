package dnnc.runner.units;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Units and their results as bytes on the broker: Java serialization restricted to records, enums, strings, boxed
 * numbers, arrays and the JDK's plain collections. Records are rebuilt through their canonical constructors, so a
 * message can only ever make values, never run a class's own deserialization code. Classes resolve through the
 * plugins' class loader: a unit of a plugin from the plugins folder travels like a built-in one.
 */
public final class UnitCodec {
    private static final Set<String> PLAIN_CLASSES = Set.of("java.lang.Object", "java.lang.Record", "java.lang.String", "java.lang.Number", "java.lang.Enum",
            "java.lang.Boolean", "java.lang.Character", "java.lang.Byte", "java.lang.Short", "java.lang.Integer",
            "java.lang.Long", "java.lang.Float", "java.lang.Double", "java.util.ArrayList", "java.util.LinkedList",
            "java.util.HashMap", "java.util.LinkedHashMap", "java.util.TreeMap", "java.util.HashSet",
            "java.util.LinkedHashSet", "java.util.TreeSet", "java.util.ImmutableCollections$ListN",
            "java.util.ImmutableCollections$List12", "java.util.ImmutableCollections$SetN",
            "java.util.ImmutableCollections$Set12", "java.util.ImmutableCollections$MapN",
            "java.util.ImmutableCollections$Map1", "java.util.CollSer", "java.util.Collections$UnmodifiableRandomAccessList",
            "java.util.Collections$UnmodifiableList", "java.util.Collections$UnmodifiableCollection",
            "java.util.Collections$EmptyList", "java.util.Collections$EmptyMap", "java.util.Collections$SingletonList");

    private final ClassLoader loader;

    public UnitCodec(ClassLoader loader) {
        this.loader = loader;
    }

    public static byte[] encode(Serializable value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode " + value.getClass().getName() + " for the broker", e);
        }
        return bytes.toByteArray();
    }

    public <T> T decode(byte[] bytes, Class<T> type) {
        List<String> refused = new ArrayList<>();
        try (ObjectInputStream in = new Input(new ByteArrayInputStream(bytes))) {
            in.setObjectInputFilter(info -> plainValuesOnly(info, refused));
            return type.cast(in.readObject());
        } catch (IOException | ClassNotFoundException e) {
            String why = refused.isEmpty() ? e.getMessage() : "it holds " + refused.get(0) + ", which is not a record, enum or plain value";
            throw new IllegalStateException("a message on the broker is not a unit of this dnnc build (" + why
                    + "); workers and the run must have the same dnnc version and plugins", e);
        }
    }

    static ObjectInputFilter.Status plainValuesOnly(ObjectInputFilter.FilterInfo info, List<String> refused) {
        Class<?> type = info.serialClass();
        if (type == null) {
            return ObjectInputFilter.Status.UNDECIDED;
        }
        while (type.isArray()) {
            type = type.getComponentType();
        }
        boolean plain = type.isPrimitive() || type.isRecord() || type.isEnum() || PLAIN_CLASSES.contains(type.getName());
        if (!plain) {
            refused.add(type.getName());
        }
        return plain ? ObjectInputFilter.Status.ALLOWED : ObjectInputFilter.Status.REJECTED;
    }

    private final class Input extends ObjectInputStream {
        Input(InputStream in) throws IOException {
            super(in);
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            try {
                return Class.forName(desc.getName(), false, loader);
            } catch (ClassNotFoundException e) {
                return super.resolveClass(desc);
            }
        }
    }
}
