package grader.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * When a student may see a test's result, in Gradescope's terms. On a class it applies to every test in it; on a
 * method it overrides the class. Without it a test is {@link Level#VISIBLE}.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Visibility {
    Level value();

    /** Gradescope's visibility values. */
    enum Level {
        /** Always shown. */
        VISIBLE("visible"),
        /** Never shown to the student. */
        HIDDEN("hidden"),
        /** Shown once the due date has passed. */
        AFTER_DUE_DATE("after_due_date"),
        /** Shown once the instructor publishes grades. */
        AFTER_PUBLISHED("after_published");

        private final String gradescopeName;

        Level(String gradescopeName) {
            this.gradescopeName = gradescopeName;
        }

        /** The value Gradescope's results.json expects. */
        public String gradescopeName() {
            return gradescopeName;
        }
    }
}
