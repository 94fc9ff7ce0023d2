package hw.translate;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * sacreBLEU's known answers, {@code fixtures/bleu.json} (written by tests/fixtures/make_bleu_fixtures.py): one entry of
 * one of its sections, with typed accessors and the names of the mistakes whose answer a value matches.
 */
final class BleuFixture {
    private static JsonObject root;
    private final JsonObject json;
    private final String where;

    private BleuFixture(JsonObject json, String where) {
        this.json = json;
        this.where = where;
    }

    /** The entries of one section ("tokenize", "ngrams", "closest", "sentences", "statistics", "corpora"). */
    static List<BleuFixture> section(String name) {
        JsonArray a = root().getAsJsonArray(name);
        List<BleuFixture> out = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            out.add(new BleuFixture(a.get(i).getAsJsonObject(), "bleu.json/" + name + "[" + i + "]"));
        }
        return out;
    }

    static BleuFixture entry(String name) {
        return new BleuFixture(root().getAsJsonObject(name), "bleu.json/" + name);
    }

    /** The corpus called {@code name}. */
    static BleuFixture corpus(String name) {
        return section("corpora").stream().filter(c -> c.text("name").equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("bleu.json has no corpus " + name));
    }

    static String sacrebleuVersion() {
        return root().get("sacrebleu_source").getAsString();
    }

    private static synchronized JsonObject root() {
        if (root == null) {
            InputStream in = BleuFixture.class.getResourceAsStream("/fixtures/bleu.json");
            if (in == null) {
                throw new IllegalStateException("the test fixture /fixtures/bleu.json is missing from the class path");
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                root = JsonParser.parseReader(reader).getAsJsonObject();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return root;
    }

    String where() {
        return where;
    }

    boolean has(String key) {
        return json.has(key);
    }

    String text(String key) {
        return get(key).getAsString();
    }

    double number(String key) {
        return get(key).getAsDouble();
    }

    long integer(String key) {
        return get(key).getAsLong();
    }

    List<String> texts(String key) {
        return texts(get(key).getAsJsonArray());
    }

    List<List<String>> textRows(String key) {
        List<List<String>> out = new ArrayList<>();
        for (JsonElement row : get(key).getAsJsonArray()) {
            out.add(texts(row.getAsJsonArray()));
        }
        return out;
    }

    long[] longs(String key) {
        JsonArray a = get(key).getAsJsonArray();
        long[] out = new long[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).getAsLong();
        }
        return out;
    }

    double[] numbers(String key) {
        JsonArray a = get(key).getAsJsonArray();
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).getAsDouble();
        }
        return out;
    }

    /** A list of [[token, …], count] pairs. */
    List<Map.Entry<List<String>, Integer>> ngramCounts(String key) {
        List<Map.Entry<List<String>, Integer>> out = new ArrayList<>();
        for (JsonElement pair : get(key).getAsJsonArray()) {
            JsonArray p = pair.getAsJsonArray();
            out.add(Map.entry(texts(p.get(0).getAsJsonArray()), p.get(1).getAsInt()));
        }
        return out;
    }

    /**
     * " Likely cause: …" for each mistake whose answer ({@code key + "_if_" + MISTAKE}) equals {@code actual} (a
     * String, a long[], or a Double within 1e-9), or "" when none does.
     */
    String diagnose(String key, Object actual, Map<String, String> mistakes) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, String> m : mistakes.entrySet()) {
            String variant = key + "_if_" + m.getKey();
            if (!json.has(variant)) {
                continue;
            }
            boolean same;
            if (actual instanceof Double d) {
                same = Math.abs(number(variant) - d) <= 1e-9 * Math.max(1, Math.abs(d));
            } else if (actual instanceof long[] l) {
                same = java.util.Arrays.equals(longs(variant), l);
            } else {
                same = get(variant).getAsString().equals(String.valueOf(actual));
            }
            if (same) {
                out.append("\nLikely cause: ").append(m.getValue()).append(" (the result is exactly what that mistake"
                        + " gives)");
            }
        }
        return out.toString();
    }

    private static List<String> texts(JsonArray a) {
        List<String> out = new ArrayList<>(a.size());
        for (JsonElement e : a) {
            out.add(e.getAsString());
        }
        return out;
    }

    private JsonElement get(String key) {
        JsonElement e = json.get(key);
        if (e == null) {
            throw new IllegalStateException("the test fixture " + where + " has no entry '" + key + "'");
        }
        return e;
    }
}
