package grader.notebook;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import grader.io.FileOps;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * The two files the Java kernel needs: a kernelspec (Jupyter starts {@code java -cp KERNEL grader.kernel.KernelMain
 * {connection_file}}) and a pathing jar, an empty jar whose manifest Class-Path lists the kit's classes and every
 * library, so that a notebook's set-up cell is one line, {@code %jars that.jar}.
 */
public final class KernelFiles {
    private KernelFiles() {
    }

    /** Writes a jar at {@code jar} whose manifest puts {@code classpath} (folders and jars) on the class path. */
    public static Path pathingJar(Path jar, List<Path> classpath) {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        List<String> urls = new ArrayList<>();
        for (Path p : classpath) {
            // Class-Path entries are URLs; a folder's must end with '/'.
            String url = p.toAbsolutePath().normalize().toUri().toString();
            urls.add(Files.isDirectory(p) && !url.endsWith("/") ? url + "/" : url);
        }
        main.put(Attributes.Name.CLASS_PATH, String.join(" ", urls));
        try {
            Files.createDirectories(jar.toAbsolutePath().getParent());
            Path tmp = jar.resolveSibling(jar.getFileName() + ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp); JarOutputStream j = new JarOutputStream(out, manifest)) {
                j.flush();
            }
            Files.move(tmp, jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + jar + ": " + e.getMessage(), e);
        }
    }

    /** The entries of a class path string, skipping blanks. */
    public static List<Path> split(String classpath) {
        List<Path> out = new ArrayList<>();
        for (String s : classpath.split(File.pathSeparator)) {
            if (!s.isBlank()) {
                out.add(Paths.get(s));
            }
        }
        return out;
    }

    /** The kernel's entry point (module grader/kernel), which the kernelspec starts. */
    public static final String KERNEL_MAIN = "grader.kernel.KernelMain";

    /**
     * Writes {@code kernelsDir/NAME/kernel.json} (NAME the course's name, which the notebooks' metadata names),
     * which starts the kit's Java kernel ({@code kernelClasspath}) with the JDK running this process, the course's
     * kernel JVM options and the test JVMs' environment. {@code kernelsDir} is a Jupyter data folder's
     * {@code kernels/} (the user's, or a private one named by JUPYTER_PATH).
     */
    public static Path kernelSpec(Path kernelsDir, String kernelClasspath, grader.course.Course course) {
        JsonObject spec = new JsonObject();
        JsonArray argv = new JsonArray();
        argv.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        course.kernelJvmOptions().forEach(argv::add);
        argv.add("-Dgrader.kernel.name=" + course.name());
        argv.add("-cp");
        argv.add(kernelClasspath);
        argv.add(KERNEL_MAIN);
        argv.add("{connection_file}");
        spec.add("argv", argv);
        spec.addProperty("display_name", "Java (" + course.name() + ")");
        spec.addProperty("language", "java");
        spec.addProperty("interrupt_mode", "message");
        JsonObject env = new JsonObject();
        course.testEnvironment().forEach(env::addProperty); // the notebooks run the homework as its tests do
        spec.add("env", env);
        Path file = kernelsDir.resolve(course.name()).resolve("kernel.json");
        FileOps.writeAtomically(file, Notebook.GSON.toJson(spec) + "\n");
        return file;
    }

    /** The user's Jupyter kernels folder: $JUPYTER_DATA_DIR/kernels, else ~/.local/share/jupyter/kernels. */
    public static Path userKernels() {
        String data = System.getenv("JUPYTER_DATA_DIR");
        if (data != null && !data.isBlank()) {
            return Paths.get(data, "kernels");
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Paths.get(xdg) : Paths.get(System.getProperty("user.home"),
                ".local", "share");
        return base.resolve("jupyter").resolve("kernels");
    }

    /**
     * Sets the kit up for interactive use from its root: the pathing jars of the skeleton (and of the reference,
     * when there is one) in tests/target/notebooks/, and the user's kernelspec. Returns what it wrote.
     */
    public static List<Path> install(Path root, String dependencyClasspath, Path kernelsDir) {
        grader.course.Layout layout = new grader.course.Layout(root);
        List<Path> wrote = new ArrayList<>();
        Path dir = root.resolve("tests/target/notebooks");
        for (String impl : List.of("skeleton", "reference")) {
            Path classes = root.resolve(impl).resolve("target/classes");
            if (Files.isDirectory(classes)) {
                List<Path> cp = new ArrayList<>(List.of(classes));
                cp.addAll(split(dependencyClasspath));
                wrote.add(pathingJar(dir.resolve(impl + ".jar"), cp));
            }
        }
        wrote.add(kernelSpec(kernelsDir, layout.kernelClasspath(), layout.course()));
        return wrote;
    }
}
