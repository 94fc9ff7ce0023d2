package grader.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a test is worth. A test earns all of it when it passes and nothing otherwise; give partial credit by
 * splitting a check into several tests. A test in a {@link Problem} class without this annotation is worth 1.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Points {
    double value();
}
