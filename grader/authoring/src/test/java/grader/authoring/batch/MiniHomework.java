package grader.authoring.batch;

import static org.assertj.core.api.Assertions.assertThat;

import grader.authoring.release.StudentCopy;
import grader.course.Layout;
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
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.tools.ToolProvider;

/**
 * The tiny two-problem homework of the test resources (minihw/), laid out as the kit lays a homework out, with its
 * purpose-built submissions: what the batch tests grade in seconds instead of the real homework's minutes.
 */
final class MiniHomework {
    final Layout layout;
    final Path resources;
    /** Where a test puts its submissions, and where its batch writes. */
    final Path submissions;
    final Path out;

    private MiniHomework(Layout layout, Path resources, Path root) {
        this.layout = layout;
        this.resources = resources;
        this.submissions = root.resolve("submissions");
        this.out = root.resolve("out");
    }

    /** Compiles the skeleton and the tests under {@code root}/hw. */
    static MiniHomework under(Path root) throws IOException {
        Path resources;
        try {
            resources = Paths.get(MiniHomework.class.getResource("/minihw").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        String classpath = System.getProperty("java.class.path");
        // The homework as the kit lays it out: skeleton sources, compiled tests, the libraries' class path.
        Path skeleton = root.resolve("hw/skeleton/src/main/java");
        StudentCopy.copyTree(resources.resolve("skeleton"), skeleton);
        Path skeletonClasses = root.resolve("skeleton-classes");
        javac(skeleton, classpath, skeletonClasses);
        Path testClasses = root.resolve("hw/tests/target/test-classes");
        javac(resources.resolve("tests"), classpath + java.io.File.pathSeparator + skeletonClasses, testClasses);
        Files.writeString(root.resolve("hw/tests/target/grade-classpath.txt"), classpath);
        return new MiniHomework(new Layout(root.resolve("hw")), resources, root);
    }

    /** Copies the named submission (a folder of minihw/submissions) to {@code to}. */
    Path submission(String name, Path to) throws IOException {
        StudentCopy.copyTree(resources.resolve("submissions").resolve(name), to);
        return to;
    }

    /** Runs a batch of {@link #submissions} into {@code out} and returns what it printed. */
    String batch(Path out, Batch.Options options) throws InterruptedException {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Batch.run(layout, submissions, out, options, List.of("--time-limit", "60"),
                new PrintStream(printed, true, StandardCharsets.UTF_8));
        return printed.toString(StandardCharsets.UTF_8);
    }

    static void javac(Path sources, String classpath, Path outDir) throws IOException {
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

    static void zip(Path folder, Path zip) throws IOException {
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip)); Stream<Path> s = Files.walk(folder)) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                z.putNextEntry(new ZipEntry("submission/" + folder.relativize(f)));
                Files.copy(f, z);
                z.closeEntry();
            }
        }
    }
}
