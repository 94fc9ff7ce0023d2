package grader.tools;

import grader.report.Results;
import grader.report.ResultsJson;
import grader.report.TestResult;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * The instructor's guarantee that the graded suites measure the student's work: grades the reference (every
 * test must pass) and the skeleton (every test must fail), each in its own JVM, and exits 1 listing every test
 * that breaks the rule. A test the skeleton passes checks nothing the student writes.
 *
 * <pre>
 * SelfCheck --classpath DEPENDENCIES --tests TEST_CLASSES --reference DIR --skeleton DIR --out DIR
 *           [--hidden SUITE]... [--leaderboard true]
 * </pre>
 *
 * With {@code --leaderboard true} both are graded with the leaderboard on: every measurement must give an entry on
 * the reference, and none on the skeleton (an entry there measures nothing the student writes).
 */
public final class SelfCheck {
    private SelfCheck() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        String classpath = null;
        Path tests = null;
        Path reference = null;
        Path skeleton = null;
        Path out = Paths.get("target", "selfcheck");
        List<String> hidden = new ArrayList<>();
        List<String> referenceNotebooks = new ArrayList<>();
        List<String> skeletonNotebooks = new ArrayList<>();
        boolean leaderboard = false;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--classpath" -> classpath = args[i + 1];
                case "--tests" -> tests = Paths.get(args[i + 1]);
                case "--reference" -> reference = Paths.get(args[i + 1]);
                case "--skeleton" -> skeleton = Paths.get(args[i + 1]);
                case "--out" -> out = Paths.get(args[i + 1]);
                case "--hidden" -> hidden.add(args[i + 1]);
                case "--leaderboard" -> leaderboard = Boolean.parseBoolean(args[i + 1]);
                // Notebooks: the reference grades the instructor's notebooks, the skeleton the student copies,
                // both with the instructor's checks.
                case "--notebooks-reference" -> referenceNotebooks.addAll(List.of("--notebooks", args[i + 1],
                        "--notebook-sources", args[i + 1]));
                case "--notebooks-skeleton" -> skeletonNotebooks.addAll(List.of("--notebooks", args[i + 1]));
                case "--kernel-jar" -> {
                    referenceNotebooks.addAll(List.of("--kernel-jar", args[i + 1]));
                    skeletonNotebooks.addAll(List.of("--kernel-jar", args[i + 1]));
                }
                default -> usage("unknown option " + args[i]);
            }
        }
        if (classpath == null || tests == null || reference == null || skeleton == null || args.length % 2 != 0) {
            usage("missing an option");
        }
        int sources = referenceNotebooks.indexOf("--notebook-sources");
        if (sources >= 0) {
            skeletonNotebooks.addAll(List.of("--notebook-sources", referenceNotebooks.get(sources + 1)));
        }
        if (leaderboard) {
            referenceNotebooks.add("--leaderboard");
            skeletonNotebooks.add("--leaderboard");
        }
        Results ref = grade(classpath, tests, hidden, reference, out.resolve("reference"), "reference",
                referenceNotebooks);
        Results skel = grade(classpath, tests, hidden, skeleton, out.resolve("skeleton"), "skeleton",
                skeletonNotebooks);

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
        if (leaderboard) {
            checkLeaderboard(ref, skel, problems);
        }
        System.out.printf("self-check: reference %s / %s, skeleton %s / %s, %d graded tests%n", ref.score,
                ref.maxScore(), skel.score, skel.maxScore(), ref.tests.size());
        if (!problems.isEmpty()) {
            System.err.println("self-check FAILED:");
            problems.forEach(p -> System.err.println("  " + p));
            System.exit(1);
        }
        System.out.println("self-check passed: the reference earns full marks and the skeleton none.");
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

    private static Results grade(String classpath, Path tests, List<String> hidden, Path target, Path out,
            String label, List<String> notebooks) throws IOException, InterruptedException {
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        String cp = String.join(File.pathSeparator, classpath, tests.toString(), target.toString());
        List<String> cmd = new ArrayList<>(List.of(java, "-cp", cp, "grader.run.GradeMain", "--tests",
                tests.toString(), "--submission", target.toString(), "--out", out.toString(), "--label",
                "self-check: " + label));
        for (String h : hidden) {
            cmd.add("--hidden");
            cmd.add(h);
        }
        cmd.addAll(notebooks);
        ProcessBuilder pb = new ProcessBuilder(cmd).inheritIO();
        pb.environment().putIfAbsent("OMP_NUM_THREADS", "1");
        int status = pb.start().waitFor();
        if (status != 0) {
            System.err.println("self-check: grading the " + label + " exited with status " + status);
            System.exit(1);
        }
        return ResultsJson.read(out.resolve("results.json"));
    }

    private static void usage(String why) {
        System.err.println("self-check: " + why + "\nusage: SelfCheck --classpath DEPENDENCIES --tests TEST_CLASSES"
                + " --reference DIR --skeleton DIR [--out DIR]");
        System.exit(2);
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.strip().lines().findFirst().orElse("");
    }
}
