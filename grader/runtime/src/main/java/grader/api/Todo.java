package grader.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The TODO a test grades, as the handout numbers it: {@code @Todo("4.1")} is Problem 4's first TODO, so the test
 * belongs to Problem 4, is numbered under 4.1 in the report ({@code 4.1.3}), and runs with
 * {@code -Dgrade.problem=4.1}. A test that needs several TODOs names them all, the one it mainly grades first
 * ({@code @Todo({"1.3", "1.4"})}). On a class it applies to every test in it; on a method it overrides the class.
 * A test of a problem that grades no single TODO has {@link Problem} instead.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Todo {
    /** The TODOs, "P.T" each (P the problem, T the TODO within it). */
    String[] value();
}
