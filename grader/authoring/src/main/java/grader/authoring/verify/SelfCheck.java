package grader.authoring.verify;

import grader.authoring.GradeProcess;
import grader.course.Layout;
import grader.report.Results;
import grader.report.TestResult;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The instructor's guarantee that the graded suites measure the student's work: grades the reference (every
 * test must pass) and the skeleton (every test must fail), each in its own JVM, the hidden suite and the notebooks
 * included, and lists every test that breaks the rule. A test the skeleton passes checks nothing the student
 * writes. The leaderboard is on: every measurement must give an entry on the reference and none on the skeleton
 * (an entry there measures nothing the student writes).
 */
public final class SelfCheck {
    private SelfCheck() {
    }

    /** Grades both into {@code out}/reference and {@code out}/skeleton; returns 0 when the check passed, else 1. */
    public static int run(Layout layout, Path out, PrintStream console) throws IOException, InterruptedException {
        List<String> hidden = Files.isDirectory(layout.hiddenTests())
                ? List.of("--hidden", layout.hiddenTests().toString()) : List.of();
        List<String> referenceArgs = new ArrayList<>(List.of("--submission", layout.referenceClasses().toString(),
                "--out", out.resolve("reference").toString(), "--label", "self-check: reference", "--leaderboard",
                "--notebooks", layout.notebookSources().toString()));
        referenceArgs.addAll(hidden);
        List<String> skeletonArgs = new ArrayList<>(List.of("--submission", layout.skeletonClasses().toString(),
                "--out", out.resolve("skeleton").toString(), "--label", "self-check: skeleton", "--leaderboard"));
        skeletonArgs.addAll(hidden);
        Results ref = GradeProcess.run(layout, referenceArgs, null, 60);
        Results skel = GradeProcess.run(layout, skeletonArgs, null, 60);

        List<String> problems = new ArrayList<>();
        if (ref.tests.isEmpty()) {
            problems.add("no graded tests were found");
        }
        for (TestResult t : ref.tests) {
            if (t.score < t.maxScore || !"passed".equals(t.status)) {
                problems.add(t.number + " " + t.name + ": fails on the reference — " + firstLine(t.output));
            }
        }
        for (TestResult t : skel.tests) {
            if (t.score > 0 || ("passed".equals(t.status) && t.maxScore > 0)) {
                problems.add(t.number + " " + t.name + ": passes on the skeleton, so it checks nothing the"
                        + " student writes");
            }
        }
        checkLeaderboard(ref, skel, problems);
        console.printf("self-check: reference %s / %s, skeleton %s / %s, %d graded tests%n", ref.score,
                ref.maxScore(), skel.score, skel.maxScore(), ref.tests.size());
        if (!problems.isEmpty()) {
            console.println("self-check FAILED:");
            problems.forEach(p -> console.println("  " + p));
            return 1;
        }
        console.println("self-check passed: the reference earns full marks and the skeleton none.");
        return 0;
    }

    /** The reference gives every entry (its output names none left out); the skeleton gives none. */
    private static void checkLeaderboard(Results ref, Results skel, List<String> problems) {
        if (ref.leaderboard == null || ref.leaderboard.isEmpty()) {
            problems.add("leaderboard: the reference gave no entry");
        }
        String output = ref.output == null ? "" : ref.output;
        output.lines().filter(l -> l.contains(": left out,")).forEach(l -> problems.add("leaderboard: on the"
                + " reference, " + l.strip()));
        if (skel.leaderboard != null) {
            skel.leaderboard.forEach(e -> problems.add("leaderboard: the skeleton gave an entry, so it measures"
                    + " nothing the student writes: " + e.get("name") + " = " + e.get("value")));
        }
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.strip().lines().findFirst().orElse("");
    }
}
