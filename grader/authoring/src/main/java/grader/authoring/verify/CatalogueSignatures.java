package grader.authoring.verify;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import com.google.gson.reflect.TypeToken;
import grader.course.Layout;
import grader.io.FileOps;
import grader.report.Results;
import grader.report.ResultsJson;
import grader.report.TestResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What each catalogue entry does to the tests, as {@code grader/kit mistakes} last saw it: the tests its run graded
 * (the entry's TODO) and those it failed, by test method, so a class report can say which known misconception a
 * student's failures look like. Kept in {@code tests/target/mistakes-signatures.json}; each run of the catalogue
 * updates the entries it ran and drops entries that are no longer in it.
 */
public final class CatalogueSignatures {
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    /**
     * One entry's signature.
     *
     * @param entry         the entry's name (its file name without .txt)
     * @param kind          "mistake" or "alternative"
     * @param todo          the TODO (or problem) it edits
     * @param misconception the catalogue's sentence
     * @param symptom       the words its failing message should contain, or null
     * @param symptomNamed  whether a failing message of its run did contain them
     * @param graded        every test its run graded (Class#method)
     * @param failed        the tests it lost points in (Class#method)
     * @param failedNumbers the same, by test number when it ran ("4.1.3")
     */
    public record Signature(String entry, String kind, String todo, String misconception, String symptom,
            boolean symptomNamed, List<String> graded, List<String> failed, List<String> failedNumbers) {
    }

    private CatalogueSignatures() {
    }

    public static Path file(Layout layout) {
        return layout.target().resolve("mistakes-signatures.json");
    }

    /** The recorded signatures, by entry; empty when the catalogue has not run here. */
    public static Map<String, Signature> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return new TreeMap<>();
        }
        try {
            List<Signature> list = GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8),
                    new TypeToken<List<Signature>>() { }.getType());
            Map<String, Signature> out = new TreeMap<>();
            if (list != null) {
                list.forEach(s -> out.put(s.entry(), s));
            }
            return out;
        } catch (IOException | JsonParseException e) {
            throw new IllegalArgumentException(file + " is not a file of catalogue signatures: " + e.getMessage());
        }
    }

    /** Records the signatures of the entries just run (their results under {@code work/ENTRY/out}). */
    static void update(Layout layout, List<MistakeEntry> ran, Path work) {
        Path file = file(layout);
        Map<String, Signature> all = read(file);
        List<String> inCatalogue = new ArrayList<>();
        try {
            MistakeEntry.files(layout.mistakes()).stream().map(p -> p.getFileName().toString())
                    .forEach(n -> inCatalogue.add(n.substring(0, n.length() - 4)));
        } catch (IOException e) {
            return; // no catalogue to record
        }
        all.keySet().retainAll(inCatalogue);
        for (MistakeEntry e : ran) {
            Path results = work.resolve(e.name()).resolve("out/results.json");
            if (!Files.isRegularFile(results)) {
                all.remove(e.name());
                continue;
            }
            all.put(e.name(), of(e, ResultsJson.read(results)));
        }
        FileOps.writeAtomically(file, GSON.toJson(new ArrayList<>(all.values())) + "\n");
    }

    static Signature of(MistakeEntry e, Results r) {
        List<String> graded = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        List<String> numbers = new ArrayList<>();
        boolean named = false;
        for (TestResult t : r.tests) {
            String id = t.extraData == null ? t.name : String.valueOf(t.extraData.get("test"));
            graded.add(id);
            if (t.score < t.maxScore) {
                failed.add(id);
                numbers.add(t.number);
                named |= e.symptom() != null && t.output != null
                        && t.output.toLowerCase(Locale.ROOT).contains(e.symptom().toLowerCase(Locale.ROOT));
            }
        }
        return new Signature(e.name(), e.alternative() ? "alternative" : "mistake", e.problem(), e.misconception(),
                e.symptom(), named, graded, failed, numbers);
    }
}
