package dnnc.runner.cli;

/**
 * A {@code dnnc} subcommand that lives outside the runner (such as {@code dnnc bench}, in the bench module): a
 * picocli {@code @Command} class listed in {@code META-INF/services/dnnc.runner.cli.ExtraCommand}, added when its
 * jar is on the class path, so the runner links against none of them.
 */
public interface ExtraCommand {
}
