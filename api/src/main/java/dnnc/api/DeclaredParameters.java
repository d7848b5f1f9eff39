package dnnc.api;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@link Param} fields of one plugin instance (as Tribuo's configurable classes declare theirs): listing,
 * validation and provenance are read off those fields, so a parameter is written down exactly once. What
 * {@link Plugin}'s default methods delegate to. Supported field types: int, long, double, boolean, String, enums
 * and double[] (comma-separated).
 */
final class DeclaredParameters {
    private final Plugin plugin;

    DeclaredParameters(Plugin plugin) {
        this.plugin = plugin;
    }

    static PluginInfo info(Class<?> pluginClass) {
        PluginInfo info = pluginClass.getAnnotation(PluginInfo.class);
        if (info == null) {
            throw new IllegalStateException(pluginClass.getName() + " lacks @PluginInfo");
        }
        return info;
    }

    List<ParamSpec> specs() {
        List<ParamSpec> specs = new ArrayList<>();
        for (Field f : declaredFields()) {
            Param p = f.getAnnotation(Param.class);
            specs.add(new ParamSpec(paramName(f), typeName(f), format(read(f)), range(f, p), p.description()));
        }
        return specs;
    }

    void configure(Map<String, String> values) {
        Map<String, Field> byName = new LinkedHashMap<>();
        for (Field f : declaredFields()) {
            byName.put(paramName(f), f);
        }
        for (Map.Entry<String, String> e : values.entrySet()) {
            Field f = byName.get(e.getKey());
            if (f == null) {
                throw new InvalidInputException("plugin '" + plugin.name() + "' has no parameter '" + e.getKey()
                        + "'; its parameters: " + (byName.isEmpty() ? "none" : String.join(", ", byName.keySet())));
            }
            write(f, parse(f, e.getValue()));
        }
    }

    Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        for (Field f : declaredFields()) {
            values.put(paramName(f), format(read(f)));
        }
        return values;
    }

    private List<Field> declaredFields() {
        List<Field> fields = new ArrayList<>();
        for (Class<?> c = plugin.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            List<Field> own = new ArrayList<>();
            for (Field f : c.getDeclaredFields()) {
                if (f.isAnnotationPresent(Param.class) && !Modifier.isStatic(f.getModifiers())) {
                    f.setAccessible(true);
                    own.add(f);
                }
            }
            fields.addAll(0, own);
        }
        return fields;
    }

    static String paramName(Field f) {
        String declared = f.getAnnotation(Param.class).name();
        if (!declared.isEmpty()) {
            return declared;
        }
        return f.getName().replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private static String typeName(Field f) {
        Class<?> t = f.getType();
        if (t.isEnum()) {
            return "choice";
        }
        if (t == double[].class) {
            return "list of numbers";
        }
        return t.getSimpleName().toLowerCase(Locale.ROOT);
    }

    private static String range(Field f, Param p) {
        if (f.getType().isEnum()) {
            return String.join("|", Arrays.stream(f.getType().getEnumConstants()).map(DeclaredParameters::enumText).toList());
        }
        if (p.allowed().length > 0) {
            return String.join("|", p.allowed());
        }
        boolean lo = p.min() != Double.NEGATIVE_INFINITY;
        boolean hi = p.max() != Double.POSITIVE_INFINITY;
        if (!lo && !hi) {
            return "";
        }
        return (lo ? (p.minExclusive() ? "(" : "[") + num(p.min()) : "(-inf") + ", "
                + (hi ? num(p.max()) + (p.maxExclusive() ? ")" : "]") : "inf)");
    }

    private static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private static String enumText(Object constant) {
        return constant.toString().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private Object parse(Field f, String text) {
        Param p = f.getAnnotation(Param.class);
        String name = "parameter '" + paramName(f) + "' of plugin '" + plugin.name() + "'";
        Class<?> t = f.getType();
        String v = text == null ? "" : text.trim();
        try {
            if (t == int.class || t == long.class) {
                long parsed = Long.parseLong(v);
                checkRange(name, parsed, p, f);
                if (t == int.class) {
                    return Math.toIntExact(parsed);
                }
                return parsed;
            }
            if (t == double.class) {
                double parsed = Double.parseDouble(v);
                if (Double.isNaN(parsed)) {
                    throw new InvalidInputException(name + " is NaN; expected a number" + rangeSuffix(f, p));
                }
                checkRange(name, parsed, p, f);
                return parsed;
            }
            if (t == double[].class) {
                if (v.isEmpty()) {
                    throw new InvalidInputException(name + " is empty; expected a comma-separated list of numbers");
                }
                double[] parsed = Arrays.stream(v.split(",")).mapToDouble(s -> Double.parseDouble(s.trim())).toArray();
                for (double d : parsed) {
                    if (!Double.isFinite(d)) {
                        throw new InvalidInputException(name + " holds '" + d + "'; expected finite numbers");
                    }
                    checkRange(name, d, p, f);
                }
                return parsed;
            }
        } catch (NumberFormatException | ArithmeticException e) {
            throw new InvalidInputException(name + " is '" + text + "'; expected " + typeName(f) + rangeSuffix(f, p));
        }
        if (t == boolean.class) {
            if (!v.equals("true") && !v.equals("false")) {
                throw new InvalidInputException(name + " is '" + text + "'; expected true or false");
            }
            return Boolean.parseBoolean(v);
        }
        if (t.isEnum()) {
            for (Object c : t.getEnumConstants()) {
                if (enumText(c).equals(v)) {
                    return c;
                }
            }
            throw new InvalidInputException(name + " is '" + text + "'; expected one of " + range(f, p));
        }
        if (t == String.class) {
            if (p.allowed().length > 0 && !Arrays.asList(p.allowed()).contains(v) && !matchesPatternHint(p, v)) {
                throw new InvalidInputException(name + " is '" + text + "'; expected " + String.join(" or ", p.allowed()));
            }
            return v;
        }
        throw new IllegalStateException("unsupported parameter type " + t + " in " + plugin.getClass().getName());
    }

    /**
     * Lets a text parameter accept a number besides its named values when one of the allowed entries is
     * "<number>" (e.g. preference = median | auto | <number>).
     */
    private static boolean matchesPatternHint(Param p, String v) {
        if (!Arrays.asList(p.allowed()).contains("<number>")) {
            return false;
        }
        try {
            double d = Double.parseDouble(v);
            return Double.isFinite(d);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private void checkRange(String name, double v, Param p, Field f) {
        boolean belowMin = p.minExclusive() ? v <= p.min() : v < p.min();
        boolean aboveMax = p.maxExclusive() ? v >= p.max() : v > p.max();
        if (belowMin || aboveMax) {
            throw new InvalidInputException(name + " is " + num(v) + "; expected a value in " + range(f, p));
        }
    }

    private static String rangeSuffix(Field f, Param p) {
        String r = range(f, p);
        return r.isEmpty() ? "" : " in " + r;
    }

    private Object read(Field f) {
        try {
            return f.get(plugin);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private void write(Field f, Object value) {
        try {
            f.set(plugin, value);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String format(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof double[] a) {
            return String.join(",", Arrays.stream(a).mapToObj(DeclaredParameters::num).toList());
        }
        if (value instanceof Double d) {
            return num(d);
        }
        if (value instanceof Enum<?> e) {
            return enumText(e);
        }
        return value.toString();
    }
}
