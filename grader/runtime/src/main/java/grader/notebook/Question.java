package grader.notebook;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** A graded question of a notebook, as its answer cell's metadata declares it. */
public record Question(String notebook, String id, int problem, String problemTitle, double points, String kind,
        String title) {
    /** What a free-text answer cell says until the student writes one. */
    public static final String FREE_PLACEHOLDER = "_Your answer here._";

    /** Free-text answers are read by a person: the autograder lists them and gives them no points. */
    public boolean manual() {
        return "free".equals(kind);
    }

    /** The questions of a notebook, in cell order. */
    public static List<Question> of(String name, Notebook nb) {
        JsonObject top = nb.meta();
        int problem = top.has("problem") ? top.get("problem").getAsInt() : 0;
        String problemTitle = top.has("title") ? top.get("title").getAsString() : "Notebook " + name;
        List<Question> out = new ArrayList<>();
        for (JsonObject cell : nb.cells()) {
            JsonObject m = nb.meta(cell);
            String id = Notebook.string(m, "question");
            if (id == null) {
                continue;
            }
            String kind = m.has("kind") ? m.get("kind").getAsString() : "code";
            double points = m.has("points") ? m.get("points").getAsDouble() : 1;
            out.add(new Question(name, id, m.has("problem") ? m.get("problem").getAsInt() : problem, problemTitle,
                    "free".equals(kind) ? 0 : points, kind, m.has("title") ? m.get("title").getAsString() : ""));
        }
        return out;
    }

    /** The name a results.json entry carries. */
    public String displayName() {
        return "Notebook " + notebook + ": Question " + id + (title.isBlank() ? "" : " — " + title);
    }
}
