package grader.notebook;

import grader.report.TestResult;
import java.util.LinkedHashMap;
import java.util.List;

/** The results.json entries of notebook questions: each question is one entry, "notebook" in its tags. */
final class QuestionResults {
    private QuestionResults() {
    }

    /** A question that earned its points, or did not, with the message a student reads. */
    static TestResult of(Question q, boolean passed, String message) {
        TestResult t = base(q);
        t.score = passed ? q.points() : 0;
        t.status = passed ? "passed" : "failed";
        t.output = message;
        t.extraData.put("outcome", passed ? "passed" : "failed");
        return t;
    }

    /** A question that has not run yet (the provisional results.json). */
    static TestResult notRun(Question q) {
        TestResult t = q.manual() ? FreeAnswers.entry(q, null) : of(q, false, "not run");
        t.extraData.put("outcome", "not_run");
        return t;
    }

    static TestResult base(Question q) {
        TestResult t = new TestResult();
        t.name = q.displayName();
        t.number = q.id();
        t.maxScore = q.points();
        t.tags = List.of("notebook", "problem " + q.problem());
        t.visibility = "visible";
        t.extraData = new LinkedHashMap<>();
        t.extraData.put("problem", q.problem());
        t.extraData.put("problem_title", q.problemTitle());
        t.extraData.put("notebook", q.notebook());
        t.extraData.put("question", q.id());
        t.extraData.put("kind", q.kind());
        return t;
    }

    /** An entry for a notebook whose questions cannot be known (its only copy does not open). */
    static TestResult unreadable(String name, String why) {
        TestResult t = new TestResult();
        t.name = "Notebook " + name;
        t.number = "0." + Math.abs(name.hashCode() % 1000);
        t.maxScore = 0;
        t.status = "failed";
        t.output = why;
        t.tags = List.of("notebook");
        t.visibility = "visible";
        t.extraData = new LinkedHashMap<>();
        t.extraData.put("problem", 0);
        t.extraData.put("problem_title", "Notebooks");
        t.extraData.put("outcome", "failed");
        return t;
    }
}
