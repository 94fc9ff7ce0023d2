package grader.authoring.classview;

import grader.authoring.verify.CatalogueSignatures;
import grader.course.Layout;
import grader.io.FileOps;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * {@code grader/kit report}: a class's results read ({@link ClassResults}), analysed ({@link ClassAnalysis}) and
 * written as {@code report.html} (one self-contained page) with {@code report.csv} and {@code report-students.csv}.
 */
public final class ClassReport {
    private ClassReport() {
    }

    /**
     * @param results    a folder of results (batch's output, say)
     * @param out        where the report goes
     * @param signatures the catalogue's signatures (what {@code grader/kit mistakes} records)
     * @return the analysis
     */
    public static ClassAnalysis run(Layout layout, Path results, Path out, Path signatures, PrintStream console) {
        ClassResults read = ClassResults.read(results);
        Map<String, CatalogueSignatures.Signature> known = CatalogueSignatures.read(signatures);
        String note = known.isEmpty() ? "no catalogue signatures at " + signatures
                + " (run grader/kit mistakes once to record them)" : null;
        ClassAnalysis analysis = ClassAnalysis.of(read, known);
        String title = Files.isRegularFile(layout.root().resolve("course.json")) ? layout.course().name()
                : results.getFileName().toString();
        String html = ReportPage.render(analysis, title, read.submissions().size() + " results from " + results,
                results, out, note);
        FileOps.writeAtomically(out.resolve("report.html"), html);
        ReportCsv.tests(analysis, out.resolve("report.csv"));
        ReportCsv.students(analysis, out.resolve("report-students.csv"));
        long matched = analysis.students().stream().filter(s -> !s.likely().isEmpty()).count();
        console.printf(Locale.ROOT, "report: %d graded, %d not graded; %d tests failed by someone; %d misconception"
                + " groups cover %d students%n", analysis.students().size(), analysis.notGraded().size()
                + analysis.unreadable().size(), analysis.tests().stream().filter(t -> !t.failedBy().isEmpty()).count(),
                analysis.misconceptions().size(), matched);
        if (note != null) {
            console.println("report: " + note);
        }
        console.println("report: " + out.resolve("report.html") + ", report.csv, report-students.csv");
        return analysis;
    }
}
