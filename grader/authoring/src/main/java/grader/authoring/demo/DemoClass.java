package grader.authoring.demo;

import grader.authoring.batch.Batch;
import grader.authoring.batch.Deadlines;
import grader.authoring.classview.ClassAnalysis;
import grader.authoring.classview.ClassReport;
import grader.authoring.similarity.Similarity;
import grader.authoring.verify.CatalogueSignatures;
import grader.authoring.verify.Mistakes;
import grader.course.Layout;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code grader/kit demo-class}: the class view end to end on a made-up class ({@link SyntheticClass}): grade it
 * as a batch (repositories at the deadline, one extension), write the class report and check its diagnoses against
 * what each student was given, change two submissions and grade again (the regrade's diff), and run the similarity
 * check on {@link SimilarityClass}. Every step's output stays under OUT for a look.
 */
public final class DemoClass {
    private DemoClass() {
    }

    /** @return 0 when every check held, 1 otherwise */
    public static int run(Layout layout, Path out, int jobs, long seed, PrintStream console)
            throws IOException, InterruptedException {
        Path signatures = CatalogueSignatures.file(layout);
        if (CatalogueSignatures.read(signatures).isEmpty()) {
            console.println("demo: no catalogue signatures yet; running grader/kit mistakes first");
            Mistakes.run(layout, layout.target().resolve("mistakes"), jobs, null, console);
        }
        long t0 = System.nanoTime();
        Path submissions = out.resolve("submissions");
        SyntheticClass made = new SyntheticClass(layout, seed);
        List<SyntheticClass.Student> students = made.write(submissions);
        console.printf(Locale.ROOT, "demo: %d submissions in %s (what each was given: %s)%n", students.size(),
                submissions, out.resolve("truth.csv"));

        Path graded = out.resolve("graded");
        Deadlines deadlines = Deadlines.parse(SyntheticClass.DEADLINE.toString(), out.resolve("extensions.csv"),
                ZoneOffset.UTC);
        long t1 = System.nanoTime();
        Batch.run(layout, submissions, graded, new Batch.Options(jobs, false, deadlines), List.of("--no-notebooks"),
                console);
        double batchSeconds = (System.nanoTime() - t1) / 1e9;
        ClassAnalysis analysis = ClassReport.run(layout, graded, graded, signatures, console);
        boolean ok = diagnoses(students, analysis, console);

        // A regrade: one student fixes a mistake, a correct one makes one.
        SyntheticClass.Student fixer = students.stream().filter(s -> s.entries().size() >= 2).findFirst()
                .orElseThrow();
        List<String> fewer = fixer.entries().subList(1, fixer.entries().size());
        made.rewrite(submissions, fixer.name(), fewer);
        String slip = students.stream().filter(s -> s.kind().equals("mistakes")).findFirst().orElseThrow().entries()
                .get(0);
        made.rewrite(submissions, "correct-2", List.of(slip));
        console.printf(Locale.ROOT, "demo: %s fixed %s; correct-2 now has %s; grading again%n", fixer.name(),
                fixer.entries().get(0), slip);
        long t2 = System.nanoTime();
        Batch.run(layout, submissions, graded, new Batch.Options(jobs, false, deadlines), List.of("--no-notebooks"),
                console);
        double regradeSeconds = (System.nanoTime() - t2) / 1e9;
        ClassReport.run(layout, graded, graded, signatures, console);

        List<String> similarityClass = SimilarityClass.write(layout, out.resolve("similarity-class"));
        List<Similarity.Pair> pairs = Similarity.run(layout, out.resolve("similarity-class"), out.resolve("similarity"),
                0.5, 9, null, console);
        ok &= similarityHolds(pairs, similarityClass, console);
        console.printf(Locale.ROOT, "demo: batch %.0f s (%d submissions, %d at a time), regrade %.0f s, all %.0f s;"
                + " report %s%n", batchSeconds, students.size(), jobs, regradeSeconds, (System.nanoTime() - t0) / 1e9,
                graded.resolve("report.html"));
        console.println(ok ? "demo: every check held" : "demo: a check FAILED (see above)");
        return ok ? 0 : 1;
    }

    /**
     * How the report's diagnoses compare with what each student was given: of the mistakes given, how many it
     * named (exactly, or as consistent with the failures); and every entry it named that was not given.
     */
    static boolean diagnoses(List<SyntheticClass.Student> students, ClassAnalysis analysis, PrintStream console) {
        Map<String, ClassAnalysis.Student> reported = new TreeMap<>();
        analysis.students().forEach(s -> reported.put(s.name(), s));
        int given = 0;
        int namedExactly = 0;
        int namedLoosely = 0;
        List<String> wrong = new ArrayList<>();
        for (SyntheticClass.Student s : students) {
            ClassAnalysis.Student r = reported.get(s.name());
            Set<String> exact = r == null ? Set.of() : entries(r.likely());
            Set<String> loose = r == null ? Set.of() : entries(r.consistent());
            if (s.kind().equals("mistakes") || s.kind().equals("broken")) {
                for (String e : s.entries()) {
                    given++;
                    namedExactly += exact.contains(e) ? 1 : 0;
                    namedLoosely += !exact.contains(e) && loose.contains(e) ? 1 : 0;
                }
            }
            for (String e : exact) {
                if (!s.entries().contains(e)) {
                    wrong.add(s.name() + ": " + e);
                }
            }
        }
        console.printf(Locale.ROOT, "demo: of %d mistakes given, the report named %d exactly and %d more as"
                + " consistent with the failures; it named %d that were not given%s%n", given, namedExactly,
                namedLoosely, wrong.size(), wrong.isEmpty() ? "" : ": " + String.join(", ", wrong));
        return given > 0 && namedExactly > 0;
    }

    /** The entry names in a list of "a or b" diagnoses. */
    private static Set<String> entries(List<String> diagnoses) {
        Set<String> out = new HashSet<>();
        diagnoses.forEach(d -> out.addAll(List.of(d.split(" or "))));
        return out;
    }

    /** The copy is flagged with its original, and no pair of independent solutions is. */
    static boolean similarityHolds(List<Similarity.Pair> pairs, List<String> names, PrintStream console) {
        boolean ok = true;
        for (Similarity.Pair p : pairs) {
            boolean copied = Set.of(p.first(), p.second()).equals(Set.of(SimilarityClass.ORIGINAL,
                    SimilarityClass.COPY));
            boolean flagged = p.similarity() >= 0.5;
            if (copied != flagged) {
                ok = false;
                console.printf(Locale.ROOT, "demo: UNEXPECTED: %s and %s are %.0f%% similar%n", p.first(), p.second(),
                        100 * p.similarity());
            }
        }
        console.printf(Locale.ROOT, "demo: similarity over %d submissions: %s%n", names.size(), ok
                ? "the renamed and reordered copy is flagged, no independent pair is" : "NOT as expected");
        return ok;
    }
}
