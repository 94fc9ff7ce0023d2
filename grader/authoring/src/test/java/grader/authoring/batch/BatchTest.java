package grader.authoring.batch;

import static org.assertj.core.api.Assertions.assertThat;

import grader.authoring.release.StudentCopy;
import grader.course.Layout;
import grader.report.Results;
import grader.report.ResultsJson;
import grader.report.TestResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Grades the purpose-built submissions of a tiny two-problem homework (test resources under minihw/): a correct
 * one, one whose Calc.java does not compile, one whose Greeter changed its public API, a zipped one and a file
 * that is not a zip. Each broken part costs only its own problem, and the batch resumes without losing or
 * repeating a row.
 */
class BatchTest {
    @TempDir
    static Path root;
    static Path out;
    static Layout layout;
    static String console;

    @BeforeAll
    static void gradeTheBatch() throws Exception {
        Path resources = Paths.get(BatchTest.class.getResource("/minihw").toURI());
        String classpath = System.getProperty("java.class.path");
        // The homework as the kit lays it out: skeleton sources, compiled tests, the libraries' class path.
        Path skeleton = root.resolve("hw/skeleton/src/main/java");
        StudentCopy.copyTree(resources.resolve("skeleton"), skeleton);
        Path skeletonClasses = root.resolve("skeleton-classes");
        javac(skeleton, classpath, skeletonClasses);
        Path testClasses = root.resolve("hw/tests/target/test-classes");
        javac(resources.resolve("tests"), classpath + java.io.File.pathSeparator + skeletonClasses, testClasses);
        Files.writeString(root.resolve("hw/tests/target/grade-classpath.txt"), classpath);
        layout = new Layout(root.resolve("hw"));

        Path submissions = root.resolve("submissions");
        StudentCopy.copyTree(resources.resolve("submissions"), submissions);
        zip(resources.resolve("submissions/good"), submissions.resolve("zipped.zip"));
        Files.writeString(submissions.resolve("garbage.zip"), "this is not a zip");

        out = root.resolve("out");
        console = runBatch(submissions);
    }

    private static String runBatch(Path submissions) throws InterruptedException {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Batch.run(layout, submissions, out, 2, List.of("--time-limit", "60"),
                new PrintStream(printed, true, StandardCharsets.UTF_8));
        return printed.toString(StandardCharsets.UTF_8);
    }

    private static Results results(String submission) {
        return ResultsJson.read(out.resolve(submission).resolve("results.json"));
    }

    private static TestResult test(String submission, String method) {
        return results(submission).tests.stream()
                .filter(t -> String.valueOf(t.extraData.get("test")).endsWith("#" + method)).findFirst().orElseThrow();
    }

    @Test
    void aCorrectSubmissionEarnsEverythingFolderOrZip() {
        assertThat(results("good").score).isEqualTo(3.0);
        assertThat(results("zipped").score).isEqualTo(3.0);
    }

    @Test
    void aFileThatDoesNotCompileCostsOnlyItsOwnTests() {
        TestResult calc = test("broken", "addsTwoNumbers");
        assertThat(calc.score).isZero();
        assertThat(calc.output).contains("your Calc.java does not compile").contains("line 5")
                .contains("graded with the skeleton's version");
        assertThat(test("broken", "greetsByName").score).isEqualTo(1.0);
        assertThat(results("broken").output).contains("mini.Calc");
    }

    @Test
    void aChangedPublicApiCostsOnlyItsOwnTests() {
        TestResult greeter = test("renamed", "greetsByName");
        assertThat(greeter.score).isZero();
        assertThat(greeter.output).contains("changed the signature").contains("greet");
        assertThat(test("renamed", "addsTwoNumbers").score).isEqualTo(2.0);
    }

    @Test
    void anUnreadableSubmissionGetsAResultsFileAndARow() {
        assertThat(results("garbage").score).isZero();
        assertThat(results("garbage").output).contains("not a readable zip");
    }

    @Test
    void theGradebookHasOneRowPerSubmission() throws IOException {
        List<String> rows = Files.readAllLines(out.resolve("gradebook.csv"));
        assertThat(rows.get(0)).isEqualTo("submission,total,max,problem 1,problem 2,note");
        assertThat(rows).contains("good,3,3,2,1,", "broken,1,3,0,1,", "renamed,2,3,2,0,", "zipped,3,3,2,1,");
        assertThat(rows).anyMatch(r -> r.startsWith("garbage,0,0,0,0,could not grade this submission"));
        assertThat(rows).hasSize(6);
    }

    @Test
    void aStoppedBatchResumesWithoutLosingOrRepeatingRows() throws Exception {
        // As after kill -9 while "good" was being graded: its marker never got written.
        Files.delete(out.resolve("good").resolve(Batch.MARKER));
        FileTime brokenGraded = Files.getLastModifiedTime(out.resolve("broken/results.json"));
        String again = runBatch(root.resolve("submissions"));
        assertThat(again).contains("4 already graded, 1 to grade");
        assertThat(Files.getLastModifiedTime(out.resolve("broken/results.json"))).isEqualTo(brokenGraded);
        List<String> rows = Files.readAllLines(out.resolve("gradebook.csv"));
        assertThat(rows).hasSize(6).containsOnlyOnce("good,3,3,2,1,");
    }

    private static void javac(Path sources, String classpath, Path outDir) throws IOException {
        List<String> files;
        try (Stream<Path> s = Files.walk(sources)) {
            files = s.filter(p -> p.toString().endsWith(".java")).map(Path::toString).toList();
        }
        Files.createDirectories(outDir);
        StringWriter errors = new StringWriter();
        List<String> args = new java.util.ArrayList<>(List.of("-d", outDir.toString(), "-cp", classpath, "-proc:none"));
        args.addAll(files);
        int status = ToolProvider.getSystemJavaCompiler().run(null, null,
                new OutputStream() {
                    @Override
                    public void write(int b) {
                        errors.write(b);
                    }
                }, args.toArray(String[]::new));
        assertThat(status).as("compiling %s: %s", sources, errors).isZero();
    }

    private static void zip(Path folder, Path zip) throws IOException, URISyntaxException {
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip)); Stream<Path> s = Files.walk(folder)) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                z.putNextEntry(new ZipEntry("submission/" + folder.relativize(f)));
                Files.copy(f, z);
                z.closeEntry();
            }
        }
    }
}
