package dnnc.runner.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What `dnnc run --redact` removes from what a run records, so results.json, the report and the provenance can
 * be shared: the values of secret-looking environment variables (names holding TOKEN, KEY, SECRET, PASSWORD or
 * CREDENTIAL) become {@code <redacted:NAME>}, the runs and cache folders {@code <runs>} and {@code <cache>}, and
 * the home folder {@code ~}. Without --redact, {@link #NONE} leaves everything as it is.
 */
public final class Redaction {
    public static final Redaction NONE = new Redaction(List.of());
    /** Provenance key telling reporters that paths and secrets were replaced by placeholders. */
    public static final String PROVENANCE_KEY = "dnnc.redacted";
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(TOKEN|KEY|SECRET|PASSWORD|PASSWD|CREDENTIAL).*");
    /** Shorter values would also match ordinary text (a secret "1" is not worth blanking every digit for). */
    private static final int MIN_SECRET_LENGTH = 4;

    private record Replacement(String text, String placeholder) {
    }

    private final List<Replacement> replacements;

    private Redaction(List<Replacement> replacements) {
        this.replacements = replacements;
    }

    /** Redaction of this process's environment and home, and of the given folders. */
    public static Redaction of(Map<String, String> environment, List<String> homes, Path runsDir, Path cacheDir) {
        List<Replacement> r = new ArrayList<>();
        environment.forEach((name, value) -> {
            if (SECRET_NAME.matcher(name).matches() && value != null && value.length() >= MIN_SECRET_LENGTH) {
                r.add(new Replacement(value, "<redacted:" + name + ">"));
            }
        });
        r.add(new Replacement(absolute(runsDir), "<runs>"));
        r.add(new Replacement(absolute(cacheDir), "<cache>"));
        for (String home : homes) {
            if (home != null && home.length() > 1) {
                r.add(new Replacement(home, "~"));
            }
        }
        // the longest first: the runs folder usually lies inside the home folder
        r.sort(Comparator.comparingInt((Replacement x) -> x.text.length()).reversed());
        return new Redaction(List.copyOf(r));
    }

    public static Redaction ofThisProcess(Path runsDir, Path cacheDir) {
        // $HOME and the JVM's user.home (read from the password database) may differ: both are home
        return of(System.getenv(), java.util.Arrays.asList(System.getenv("HOME"), System.getProperty("user.home")), runsDir, cacheDir);
    }

    public boolean active() {
        return !replacements.isEmpty();
    }

    public String apply(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (Replacement r : replacements) {
            out = out.replace(r.text, r.placeholder);
        }
        return out;
    }

    /** Strings inside numbers, lists and maps (recorded values) redacted, everything else as it was. */
    public Object applyDeep(Object value) {
        if (value instanceof String s) {
            return apply(s);
        }
        if (value instanceof Path p) {
            return apply(p.toString());
        }
        if (value instanceof List<?> list) {
            return list.stream().map(this::applyDeep).toList();
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(applyDeep(k), applyDeep(v)));
            return out;
        }
        return value;
    }

    public Map<String, String> apply(Map<String, String> values) {
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, apply(v)));
        return out;
    }

    private static String absolute(Path folder) {
        return folder.toAbsolutePath().normalize().toString();
    }
}
