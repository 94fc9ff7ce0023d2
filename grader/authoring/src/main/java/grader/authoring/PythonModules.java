package grader.authoring;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Finds a python3 for the instructor's optional checks that use Jupyter's Python packages. */
public final class PythonModules {
    private PythonModules() {
    }

    /** A python3 that imports every one of {@code modules}: Debian's first (apt's packages), then the PATH's; or null. */
    public static String find(String... modules) {
        String probe = "import " + String.join(", ", modules);
        return Stream.of("/usr/bin/python3", "python3").filter(python -> imports(python, probe)).findFirst()
                .orElse(null);
    }

    private static boolean imports(String python, String probe) {
        try {
            Process p = new ProcessBuilder(python, "-c", probe).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            boolean ended = p.waitFor(60, TimeUnit.SECONDS);
            if (!ended) {
                p.destroyForcibly();
            }
            return ended && p.exitValue() == 0;
        } catch (IOException e) {
            return false; // no such program
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
