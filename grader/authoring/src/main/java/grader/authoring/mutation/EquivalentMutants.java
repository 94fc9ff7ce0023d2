package grader.authoring.mutation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The mutants no test can tell from the reference, each with the reason, kept beside the catalogue of mistakes in
 * {@value #FILE_NAME}:
 *
 * <pre>
 * mutant: hw/translate/Bleu.java | corpus | ConditionalsBoundaryMutator | changed conditional boundary | if (d &lt; bestDiff) {
 * why: on a tie both lengths are as close, and either is the same length
 * </pre>
 *
 * The key is the file, the method, PIT's mutator and description, and the changed line's code (white space
 * collapsed), not its number, so an entry survives edits elsewhere in the file. When a method holds several mutants
 * with that key (three {@code replace} calls on one line, the same {@code return} on two), the description ends with
 * which one, {@code #3}, counted in source order. {@code grader/kit mutation} prints each unexplained survivor in
 * this form.
 */
public final class EquivalentMutants {
    public static final String FILE_NAME = "equivalent-mutants.txt";

    /** One entry, and where it stands in the file (for messages). */
    public record Entry(String file, String method, String mutator, String description, String code, String why,
            int lineInFile) {
        boolean matches(Mutant m) {
            return file.equals(m.file()) && method.equals(m.method()) && mutator.equals(m.mutator())
                    && description.equals(describe(m)) && Mutant.collapse(code).equals(m.code());
        }
    }

    /** PIT's description, and which twin when there are several. */
    private static String describe(Mutant m) {
        return m.twins() > 1 ? m.description() + " #" + m.occurrence() : m.description();
    }

    private final List<Entry> entries;

    private EquivalentMutants(List<Entry> entries) {
        this.entries = entries;
    }

    public List<Entry> entries() {
        return entries;
    }

    /** The entry that explains a mutant, if any. */
    public Optional<Entry> explaining(Mutant m) {
        return entries.stream().filter(e -> e.matches(m)).findFirst();
    }

    /** The file's entries; none when it does not exist. */
    public static EquivalentMutants read(Path file) {
        if (!Files.isRegularFile(file)) {
            return new EquivalentMutants(List.of());
        }
        try {
            return parse(file.getFileName().toString(), Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    static EquivalentMutants parse(String name, List<String> lines) {
        List<Entry> entries = new ArrayList<>();
        String[] key = null;
        int keyLine = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("mutant:")) {
                if (key != null) {
                    throw new IllegalArgumentException(name + ":" + keyLine + ": a mutant without a 'why:' line");
                }
                key = line.substring("mutant:".length()).strip().split(" \\| ", 5);
                keyLine = i + 1;
                if (key.length < 5) {
                    throw new IllegalArgumentException(name + ":" + keyLine + ": expected 'mutant: file | method |"
                            + " mutator | description | code', got: " + line);
                }
            } else if (line.startsWith("why:") && key != null) {
                String why = line.substring("why:".length()).strip();
                if (why.isEmpty()) {
                    throw new IllegalArgumentException(name + ":" + (i + 1) + ": 'why:' needs a reason");
                }
                entries.add(new Entry(key[0].strip(), key[1].strip(), key[2].strip(), key[3].strip(), key[4].strip(),
                        why, keyLine));
                key = null;
            } else {
                throw new IllegalArgumentException(name + ":" + (i + 1) + ": expected 'mutant: …' or 'why: …', got: "
                        + line);
            }
        }
        if (key != null) {
            throw new IllegalArgumentException(name + ":" + keyLine + ": a mutant without a 'why:' line");
        }
        return new EquivalentMutants(List.copyOf(entries));
    }

    /** A survivor as an entry to paste, its reason left for the instructor. */
    static String template(Mutant m) {
        return "mutant: " + String.join(" | ", m.file(), m.method(), m.mutator(), describe(m), m.code())
                + System.lineSeparator() + "why: ?";
    }
}
