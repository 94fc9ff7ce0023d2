package grader.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The problem a test class grades. Every graded test belongs to exactly one problem; the report groups scores by
 * it, and {@code -Dgrade.problem=N} selects it.
 *
 * <pre>{@code
 * @Problem(value = 1, title = "Tensors and automatic differentiation")
 * class PowTest { ... }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Problem {
    /** The problem's number, as the handout numbers it. */
    int value();

    /** A short title shown in the score table. */
    String title();
}
