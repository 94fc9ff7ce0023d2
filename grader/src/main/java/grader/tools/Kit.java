package grader.tools;

import grader.report.Results;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The instructor's verbs, run from the homework's root (or --root DIR) after a build:
 *
 * <pre>
 * grade      --submission DIR|ZIP --out DIR [GradeMain options]   grade one submission
 * batch      SUBMISSIONS_DIR --out DIR [--jobs N] [GradeMain options]   grade a folder of them, with a gradebook
 * release    --out DIR [--check]                                  write the student copy (and prove it sound)
 * gradescope --out FILE.zip [--check DIR]...                      build the autograder zip (and run it)
 * classroom  --out DIR [--results FILE]                          add GitHub Classroom's workflow to a release
 * mistakes   [--jobs N] [--only TEXT] [--work DIR]                 run the catalogue of known mistakes (tests/mistakes)
 * notebooks  [--cell-timeout S]                                   run every source notebook on the reference
 * kernel                                                          install the notebooks' Java kernel
 * </pre>
 *
 * GradeMain options pass through, e.g. {@code --hidden tests/hidden}, {@code --time-limit 120}.
 */
public final class Kit {
    private Kit() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            usage("name a verb");
        }
        List<String> rest = new ArrayList<>(Arrays.asList(args).subList(1, args.length));
        Path root = Paths.get(take(rest, "--root", "."));
        Layout layout = new Layout(root.toAbsolutePath().normalize());
        int status = 0;
        try {
            switch (args[0]) {
                case "grade" -> {
                    Path submission = Paths.get(required(rest, "--submission"));
                    Path out = Paths.get(required(rest, "--out"));
                    Results r = GradeSubmission.grade(layout, submission, out, rest);
                    System.out.printf("%s: %s / %s -> %s%n", submission.getFileName(), r.score, r.maxScore(),
                            out.resolve("results.json"));
                }
                case "batch" -> {
                    Path out = Paths.get(required(rest, "--out"));
                    int jobs = Integer.parseInt(take(rest, "--jobs", "1"));
                    if (rest.isEmpty() || rest.get(0).startsWith("--")) {
                        usage("batch needs the folder of submissions");
                    }
                    Path submissions = Paths.get(rest.remove(0));
                    Batch.run(layout, submissions, out, Math.max(1, jobs), rest, System.out);
                }
                case "release" -> {
                    Path out = Paths.get(required(rest, "--out"));
                    boolean check = rest.remove("--check");
                    Release.write(layout, out);
                    System.out.println("wrote the student release to " + out);
                    if (check) {
                        List<String> problems = Release.check(layout, out);
                        problems.forEach(p -> System.err.println("release check: " + p));
                        System.out.println(problems.isEmpty() ? "release check passed: no solution or hidden test"
                                + " in it, and it builds and grades from scratch" : "release check FAILED");
                        status = problems.isEmpty() ? 0 : 1;
                    }
                }
                case "gradescope" -> {
                    Path zip = Paths.get(required(rest, "--out"));
                    List<Path> check = new ArrayList<>();
                    for (String dir = take(rest, "--check", null); dir != null; dir = take(rest, "--check", null)) {
                        check.add(Paths.get(dir)); // several: one submission of them all (code, notebooks)
                    }
                    GradescopeBundle.write(layout, zip);
                    System.out.println("wrote the Gradescope autograder " + zip);
                    if (!check.isEmpty()) {
                        Path work = zip.toAbsolutePath().resolveSibling("autograder-check");
                        Results r = GradescopeBundle.check(zip, check, work);
                        System.out.printf("gradescope check: %s scored %s / %s (%s)%n", check, r.score,
                                r.maxScore(), work.resolve("results/results.json"));
                        status = r.tests.isEmpty() ? 1 : 0;
                    }
                }
                case "classroom" -> {
                    Path out = Paths.get(required(rest, "--out"));
                    String resultsFile = take(rest, "--results", null);
                    if (!Files.exists(out.resolve("pom.xml"))) {
                        Release.write(layout, out);
                        System.out.println("wrote the student release to " + out);
                    }
                    Results tests = resultsFile != null ? grader.report.ResultsJson.read(Paths.get(resultsFile))
                            : Classroom.gradeSkeleton(layout, out.toAbsolutePath().resolveSibling(
                                    out.getFileName() + "-classroom-tests"));
                    Path file = Classroom.write(out, tests);
                    System.out.printf("wrote %s: %d graded tests, %s points%n", file,
                            tests.tests.stream().filter(t -> t.maxScore > 0 && "visible".equals(t.visibility)).count(),
                            tests.tests.stream().filter(t -> "visible".equals(t.visibility))
                                    .mapToDouble(t -> t.maxScore).sum());
                }
                case "mistakes" -> {
                    int jobs = Integer.parseInt(take(rest, "--jobs", "2"));
                    String only = take(rest, "--only", null);
                    Path work = Paths.get(take(rest, "--work", layout.root().resolve("tests/target/mistakes").toString()));
                    status = Mistakes.run(layout, work, jobs, only, System.out);
                }
                case "notebooks" -> status = NotebookVerbs.check(layout, rest);
                case "kernel" -> NotebookVerbs.kernel(layout);
                default -> usage("unknown verb " + args[0]);
            }
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            System.err.println("kit " + args[0] + ": " + e.getMessage());
            status = 2;
        } catch (IOException | InterruptedException e) {
            System.err.println("kit " + args[0] + ": " + e);
            status = 2;
        }
        System.exit(status);
    }

    private static String take(List<String> args, String flag, String fallback) {
        int i = args.indexOf(flag);
        if (i < 0) {
            return fallback;
        }
        if (i + 1 >= args.size()) {
            usage(flag + " needs a value");
        }
        args.remove(i);
        return args.remove(i);
    }

    private static String required(List<String> args, String flag) {
        String v = take(args, flag, null);
        if (v == null) {
            usage("missing " + flag);
        }
        return v;
    }

    private static void usage(String why) {
        System.err.println("kit: " + why + """

                usage: kit grade --submission DIR|ZIP --out DIR [GradeMain options]
                       kit batch SUBMISSIONS_DIR --out DIR [--jobs N] [GradeMain options]
                       kit release --out DIR [--check]
                       kit gradescope --out FILE.zip [--check SUBMISSION_DIR]
                       kit classroom --out DIR [--results FILE]
                       kit mistakes [--jobs N] [--only TEXT] [--work DIR]
                       kit notebooks [--cell-timeout S]
                       kit kernel
                (all take --root DIR, the homework's root, default the current folder)""");
        System.exit(2);
    }
}
