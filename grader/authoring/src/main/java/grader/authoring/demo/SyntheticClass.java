package grader.authoring.demo;

import grader.authoring.batch.Csv;
import grader.authoring.mutation.EquivalentMutants;
import grader.authoring.verify.MistakeEntry;
import grader.course.Layout;
import grader.io.FileOps;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A made-up class built from the catalogue of known mistakes: each student is the reference with a few of the
 * catalogue's mistakes applied (some far more common than others, as in a real class), or correct (the reference,
 * the catalogue's alternatives, or three independently written solutions), or broken (a TODO that does not compile,
 * only Problems 1–3 done, a file that is not a zip). Three are git repositories whose commits fall before and
 * after the deadline. What each student was given is written to {@code truth.csv}, so the class report's
 * diagnoses can be checked against it.
 */
public final class SyntheticClass {
    /** The class deadline of the repositories; git-grace has a one-day extension. */
    public static final OffsetDateTime DEADLINE = OffsetDateTime.of(2025, 5, 1, 23, 59, 0, 0, ZoneOffset.ofHours(2));
    public static final List<String> INDEPENDENT = List.of("carol", "dan", "erin");
    private static final int MISTAKE_STUDENTS = 21;
    private static final int POPULAR = 10;

    /** One student: how they were made. */
    public record Student(String name, String kind, List<String> entries, String note) {
    }

    private final Layout layout;
    private final ReferenceSources reference;
    private final Map<String, MistakeEntry> catalogue = new TreeMap<>();
    private final Random random;

    public SyntheticClass(Layout layout, long seed) {
        this.layout = layout;
        this.reference = new ReferenceSources(layout);
        this.random = new Random(seed);
        try (Stream<Path> files = Files.list(layout.mistakes())) {
            // The catalogue's entries; the equivalent mutants' list beside them is not one.
            files.filter(p -> p.toString().endsWith(".txt")
                    && !p.getFileName().toString().equals(EquivalentMutants.FILE_NAME)).sorted().map(MistakeEntry::read)
                    .forEach(e -> catalogue.put(e.name(), e));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the catalogue " + layout.mistakes(), e);
        }
    }

    /** Writes the class into {@code submissions}, {@code truth.csv} and {@code extensions.csv} beside it. */
    public List<Student> write(Path submissions) throws IOException, InterruptedException {
        FileOps.deleteTree(submissions);
        Files.createDirectories(submissions);
        List<Student> students = new ArrayList<>();
        students.add(folder(submissions, "correct-1", "correct", List.of(), "the reference"));
        students.add(zip(submissions, "correct-2", "correct", List.of(), "the reference, zipped"));
        List<MistakeEntry> alternatives = catalogue.values().stream().filter(MistakeEntry::alternative).toList();
        students.add(folder(submissions, "alternatives-1", "correct", names(distinctTodos(alternatives, 0, 4)),
                "the catalogue's alternatives"));
        students.add(zip(submissions, "alternatives-2", "correct", names(distinctTodos(alternatives, 4, 4)),
                "the catalogue's alternatives"));
        for (String name : INDEPENDENT) {
            Map<String, String> files = reference.copy();
            IndependentSolutions.apply(name, files, reference);
            students.add(write(submissions, name, files, false, "correct", List.of(),
                    "solutions written independently of the reference"));
        }
        List<MistakeEntry> mistakes = new ArrayList<>(catalogue.values().stream().filter(e -> !e.alternative()).toList());
        Collections.shuffle(mistakes, random);
        List<MistakeEntry> popular = mistakes.subList(0, Math.min(POPULAR, mistakes.size()));
        for (int i = 1; i <= MISTAKE_STUDENTS; i++) {
            String name = String.format(java.util.Locale.ROOT, "student-%02d", i);
            List<String> picked = names(draw(mistakes, popular, 1 + random.nextInt(4)));
            students.add(i % 2 == 0 ? zip(submissions, name, "mistakes", picked, "")
                    : folder(submissions, name, "mistakes", picked, ""));
        }
        students.add(brokenCompile(submissions, names(draw(mistakes, popular, 1))));
        students.add(partial(submissions));
        Files.writeString(submissions.resolve("unreadable.zip"), "this is a PDF of my code, sorry\n");
        students.add(new Student("unreadable", "broken", List.of(), "not a zip"));
        students.addAll(repositories(submissions, mistakes, popular));
        writeTruth(submissions.resolveSibling("truth.csv"), students);
        Files.writeString(submissions.resolveSibling("extensions.csv"), "submission,deadline\ngit-grace,+1d\n");
        return students;
    }

    /**
     * Writes one student again (for a regrade): the reference with these entries, as a folder or a zip, replacing
     * what was there; returns the entries that applied.
     */
    public List<String> rewrite(Path submissions, String name, List<String> entries) throws IOException {
        boolean zipped = Files.exists(submissions.resolve(name + ".zip"));
        FileOps.deleteTree(submissions.resolve(name));
        Files.deleteIfExists(submissions.resolve(name + ".zip"));
        List<String> applied = new ArrayList<>();
        write(submissions, name, withEntries(entries, applied), zipped, "mistakes", applied, "");
        return applied;
    }

    /** The files of the reference with these catalogue entries applied; an entry that no longer applies is left out. */
    Map<String, String> withEntries(List<String> entries, List<String> applied) {
        Map<String, String> files = reference.copy();
        for (String name : entries) {
            MistakeEntry e = catalogue.get(name);
            String text = files.get(e.file());
            try {
                files.put(e.file(), e.apply(text));
                applied.add(name);
            } catch (IllegalArgumentException | NullPointerException notApplicable) {
                // two entries editing the same lines: the student keeps the first
            }
        }
        return files;
    }

    private Student folder(Path dir, String name, String kind, List<String> entries, String note) throws IOException {
        List<String> applied = new ArrayList<>();
        return write(dir, name, withEntries(entries, applied), false, kind, applied, note);
    }

    private Student zip(Path dir, String name, String kind, List<String> entries, String note) throws IOException {
        List<String> applied = new ArrayList<>();
        return write(dir, name, withEntries(entries, applied), true, kind, applied, note);
    }

    private static Student write(Path dir, String name, Map<String, String> files, boolean zipped, String kind,
            List<String> entries, String note) throws IOException {
        if (zipped) {
            try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(dir.resolve(name + ".zip")))) {
                for (Map.Entry<String, String> f : files.entrySet()) {
                    z.putNextEntry(new ZipEntry("src/main/java/" + f.getKey()));
                    z.write(ReferenceSources.withoutMarkers(f.getValue()).getBytes(StandardCharsets.UTF_8));
                    z.closeEntry();
                }
            }
        } else {
            for (Map.Entry<String, String> f : files.entrySet()) {
                Path target = dir.resolve(name).resolve("src/main/java").resolve(f.getKey());
                Files.createDirectories(target.getParent());
                Files.writeString(target, ReferenceSources.withoutMarkers(f.getValue()), StandardCharsets.UTF_8);
            }
        }
        return new Student(name, kind, entries, note);
    }

    /** One mistake, and a semicolon missing in Problem 5.3: that TODO is graded with the skeleton's body. */
    private Student brokenCompile(Path dir, List<String> entries) throws IOException {
        List<String> applied = new ArrayList<>();
        Map<String, String> files = withEntries(entries, applied);
        String label = "Problem 5.3 (BigramLM.generate)";
        String file = reference.fileOf(label);
        String text = files.get(file);
        int region = text.indexOf("// BEGIN SOLUTION " + label);
        int semicolon = text.indexOf(";\n", region);
        files.put(file, text.substring(0, semicolon) + text.substring(semicolon + 1));
        return write(dir, "broken-compile", files, false, "broken", applied, "';' expected in Problem 5.3");
    }

    /** Only Problems 1–3 (hw.tensor and hw.nn): every other file is the skeleton's. */
    private Student partial(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>(reference.copy());
        files.keySet().removeIf(f -> !f.startsWith("hw/tensor/") && !f.startsWith("hw/nn/"));
        return write(dir, "partial-1-to-3", files, false, "broken", List.of(), "only Problems 1–3 submitted");
    }

    /**
     * git-frank: two commits in time (the second fixes one mistake), a correct one an hour late: graded at the
     * second. git-grace: a late fix within her extension. git-heidi: nothing before the deadline.
     */
    private List<Student> repositories(Path dir, List<MistakeEntry> mistakes, List<MistakeEntry> popular)
            throws IOException, InterruptedException {
        List<Student> out = new ArrayList<>();
        List<String> frank = names(draw(mistakes, popular, 2));
        GitHistory f = GitHistory.init(dir.resolve("git-frank"));
        f.commit(studentFiles(frank), DEADLINE.minusDays(2), "first try");
        List<String> frankGraded = frank.subList(1, frank.size());
        f.commit(studentFiles(frankGraded), DEADLINE.minusMinutes(5), "fix one");
        f.commit(studentFiles(List.of()), DEADLINE.plusHours(1), "all fixed, late");
        out.add(new Student("git-frank", "mistakes", applied(frankGraded), "repository: the commit 5 minutes before"
                + " the deadline"));
        List<String> grace = names(draw(mistakes, popular, 3));
        GitHistory g = GitHistory.init(dir.resolve("git-grace"));
        g.commit(studentFiles(grace), DEADLINE.minusHours(3), "most of it");
        List<String> graceGraded = grace.subList(0, 1);
        g.commit(studentFiles(graceGraded), DEADLINE.plusHours(20), "two fixes, within my extension");
        out.add(new Student("git-grace", "mistakes", applied(graceGraded), "repository: a commit 20 hours late,"
                + " within a one-day extension"));
        GitHistory h = GitHistory.init(dir.resolve("git-heidi"));
        h.commit(studentFiles(List.of()), DEADLINE.plusDays(3), "started late");
        out.add(new Student("git-heidi", "broken", List.of(), "repository: no commit before the deadline"));
        return out;
    }

    private Map<String, String> studentFiles(List<String> entries) {
        Map<String, String> out = new TreeMap<>();
        withEntries(entries, new ArrayList<>()).forEach((rel, text) -> out.put("src/main/java/" + rel,
                ReferenceSources.withoutMarkers(text)));
        return out;
    }

    private List<String> applied(List<String> entries) {
        List<String> applied = new ArrayList<>();
        withEntries(entries, applied);
        return applied;
    }

    /** {@code k} mistakes of distinct TODOs, the popular ones eight times as likely. */
    private List<MistakeEntry> draw(List<MistakeEntry> mistakes, List<MistakeEntry> popular, int k) {
        List<MistakeEntry> weighted = new ArrayList<>(mistakes);
        for (int i = 0; i < 7; i++) {
            weighted.addAll(popular);
        }
        List<MistakeEntry> out = new ArrayList<>();
        Set<String> todos = new HashSet<>();
        for (int tries = 0; out.size() < k && tries < 1000; tries++) {
            MistakeEntry e = weighted.get(random.nextInt(weighted.size()));
            if (todos.add(e.problem())) {
                out.add(e);
            }
        }
        return out;
    }

    private static List<MistakeEntry> distinctTodos(List<MistakeEntry> entries, int skip, int k) {
        List<MistakeEntry> out = new ArrayList<>();
        Set<String> todos = new HashSet<>();
        for (MistakeEntry e : entries.subList(Math.min(skip, entries.size()), entries.size())) {
            if (out.size() < k && todos.add(e.problem())) {
                out.add(e);
            }
        }
        return out;
    }

    private static List<String> names(List<MistakeEntry> entries) {
        return entries.stream().map(MistakeEntry::name).toList();
    }

    private static void writeTruth(Path file, List<Student> students) {
        StringBuilder s = new StringBuilder("submission,kind,catalogue entries,note\n");
        for (Student st : students) {
            s.append(Csv.cell(st.name())).append(',').append(st.kind()).append(',')
                    .append(Csv.cell(String.join("; ", st.entries()))).append(',').append(Csv.cell(st.note()))
                    .append('\n');
        }
        FileOps.writeAtomically(file, s.toString());
    }
}
