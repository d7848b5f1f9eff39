package dnnc.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Declares a plugin parameter on a field; the field's initial value is the default. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Param {
    /** Name used in workflows and on the command line; defaults to the field name in kebab-case. */
    String name() default "";

    String description();

    double min() default Double.NEGATIVE_INFINITY;

    double max() default Double.POSITIVE_INFINITY;

    boolean minExclusive() default false;

    boolean maxExclusive() default false;

    /** For text parameters: the allowed values, or a pattern description shown in errors. Empty = any text. */
    String[] allowed() default {};
}
