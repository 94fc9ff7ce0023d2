package grader.authoring.generate;

import grader.notebook.Notebook;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether notebooks are valid nbformat 4, the format Jupyter checks when it opens one: always by the structural
 * check in Java ({@link grader.notebook.NotebookFormat}), and by nbformat's own JSON-schema validation where a
 * python3 has nbformat (Debian's python3-nbformat); without it that half is skipped with a message.
 */
public final class NotebookValidity {
    /** Validates each file named on the command line; a warning (a missing cell id, say) counts as a problem. */
    private static final String VALIDATE = """
            import json, sys, warnings
            warnings.simplefilter("error")
            import nbformat
            for path in sys.argv[1:]:
                try:
                    with open(path, encoding="utf-8") as f:
                        nbformat.validate(nbformat.from_dict(json.load(f)))
                except Exception as e:
                    print("%s: %s" % (path, str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__))
            """;

    private NotebookValidity() {
    }

    /** The result: every problem found, and what was skipped (null when nothing was). */
    public record Report(List<String> problems, String skipped) {
    }

    public static Report check(List<Path> notebooks) {
        List<String> problems = new ArrayList<>();
        for (Path nb : notebooks) {
            try {
                Notebook.read(nb, "").formatProblems().forEach(p -> problems.add(nb + ": " + p));
            } catch (IllegalArgumentException e) {
                problems.add(nb + ": " + e.getMessage());
            }
        }
        String python = grader.authoring.PythonModules.find("nbformat");
        if (python == null) {
            return new Report(problems, "nbformat's own validation skipped: no python3 with nbformat here (apt-get"
                    + " install python3-nbformat); the structural check in Java ran");
        }
        List<String> cmd = new ArrayList<>(List.of(python, "-c", VALIDATE));
        notebooks.forEach(p -> cmd.add(p.toString()));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                problems.add("nbformat's validation did not run: " + out.strip());
            } else {
                out.lines().filter(l -> !l.isBlank()).forEach(problems::add);
            }
        } catch (IOException e) {
            problems.add("nbformat's validation did not run: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new Report(problems, null);
    }
}
