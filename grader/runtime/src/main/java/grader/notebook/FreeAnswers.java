package grader.notebook;

import com.google.gson.JsonObject;
import grader.report.TestResult;
import java.util.List;

/**
 * Free-text answers, which a person grades: the autograder gives them no points, lists each in results.json (with
 * {@code max_score} 0 and the tag "manually graded") and collects them per student for a TA.
 */
final class FreeAnswers {
    /** Where the collected answers go, beside results.json. */
    static final String FILE = "notebook-answers.md";

    private final StringBuilder text = new StringBuilder("# Free-text answers, for grading by hand\n");

    /** Adds the free answers of one notebook's questions, as the student wrote them. */
    void collect(String name, List<Question> questions, Notebook student) {
        boolean header = false;
        for (Question q : questions) {
            if (!q.manual()) {
                continue;
            }
            if (!header) {
                text.append("\n## ").append(name).append("\n");
                header = true;
            }
            text.append("\n### Question ").append(q.id()).append(q.title().isBlank() ? "" : " — " + q.title())
                    .append("\n\n");
            String answer = answer(q, student);
            text.append(answer == null ? "_(no answer written)_" : answer.strip()).append("\n");
        }
    }

    /** The collected answers, as Markdown. */
    String markdown() {
        return text.toString();
    }

    /** The student's answer to a free question, without solution markers; null when there is none yet. */
    static String answer(Question q, Notebook student) {
        if (student == null) {
            return null;
        }
        for (JsonObject cell : student.cells()) {
            if (q.id().equals(Notebook.string(student.meta(cell), "question"))) {
                String source = Notebook.source(cell);
                if (source.contains(Question.FREE_PLACEHOLDER) || source.isBlank()) {
                    return null;
                }
                return source.replace("<!-- BEGIN SOLUTION -->", "").replace("<!-- END SOLUTION -->", "");
            }
        }
        return null;
    }

    /** The results.json entry of a free question: no points either way; "passed" once something is written. */
    static TestResult entry(Question q, String answer) {
        TestResult t = QuestionResults.base(q);
        t.maxScore = 0;
        t.score = 0;
        t.status = answer == null ? "failed" : "passed";
        t.output = answer == null ? "no answer written yet (graded by hand, not by the autograder)"
                : "graded by hand: your answer was collected for the TA (" + FILE + "); no points here";
        t.tags = List.of("notebook", "manually graded", "problem " + q.problem());
        t.extraData.put("outcome", "manual");
        return t;
    }
}
