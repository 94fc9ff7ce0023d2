package grader.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How much CPU time one test may take before the grader stops it and gives it 0 ("timed out after N s of CPU
 * time"). It is charged in the CPU time of the test's JVM, so a busy machine does not change the verdict; a test
 * that sleeps or waits instead of computing is stopped once it has been idle for 5 times the limit. On a class it applies to
 * each of its tests; on a method it overrides the class. Without it the run's default applies
 * ({@code --time-limit}, 60 s unless set). A jqwik property's limit covers all its tries.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface TimeLimit {
    /** Seconds of CPU time. */
    double value();
}
