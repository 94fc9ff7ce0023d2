package grader.authoring.classview;

import grader.authoring.batch.Csv;
import grader.io.FileOps;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The class report's tables for a spreadsheet: {@code report.csv}, one row per test (failure rate, message
 * patterns, the most common message), and {@code report-students.csv}, one row per submission with the
 * misconceptions its failures match.
 */
final class ReportCsv {
    private ReportCsv() {
    }

    static void tests(ClassAnalysis analysis, Path file) {
        StringBuilder s = new StringBuilder("test,name,problem,points,failed,graded,failure rate,message patterns,"
                + "most common message\n");
        for (ClassAnalysis.TestStats t : analysis.tests()) {
            s.append(Csv.cell(t.number())).append(',').append(Csv.cell(t.name())).append(',').append(t.problem())
                    .append(',').append(ReportPage.points(t.points())).append(',').append(t.failedBy().size())
                    .append(',').append(t.graded()).append(',')
                    .append(String.format(Locale.ROOT, "%.3f", t.failureRate())).append(',').append(t.groups().size())
                    .append(',').append(Csv.cell(t.groups().isEmpty() ? "" : t.groups().get(0).pattern()))
                    .append('\n');
        }
        FileOps.writeAtomically(file, s.toString());
    }

    static void students(ClassAnalysis analysis, Path file) {
        StringBuilder s = new StringBuilder("submission,score,max,likely misconceptions,consistent with\n");
        for (ClassAnalysis.Student st : analysis.students()) {
            s.append(Csv.cell(st.name())).append(',').append(ReportPage.points(st.score())).append(',')
                    .append(ReportPage.points(st.max())).append(',').append(Csv.cell(String.join("; ", st.likely())))
                    .append(',').append(Csv.cell(String.join("; ", st.consistent()))).append('\n');
        }
        analysis.notGraded().forEach((n, why) -> s.append(Csv.cell(n)).append(",,,").append(Csv.cell("not graded: "
                + why)).append(",\n"));
        FileOps.writeAtomically(file, s.toString());
    }
}
