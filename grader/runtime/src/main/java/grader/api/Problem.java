package grader.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The problem a test class grades when it grades no single TODO of it (a test of one TODO says so with
 * {@link Todo}, which implies its problem). The report groups scores by problem, and {@code -Dgrade.problem=N}
 * selects one. Its title is declared once, in the course's {@code course.json} ({@code "problems"}); a homework
 * without one may give it here.
 *
 * <pre>{@code
 * @Problem(8)
 * class TranslationEndToEndTest { ... }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Problem {
    /** The problem's number, as the handout numbers it. */
    int value();

    /** A short title for the score table, when the course's configuration has none. */
    String title() default "";
}
