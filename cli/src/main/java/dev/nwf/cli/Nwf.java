package dev.nwf.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine;

/** The {@code nwf} command: the CLI module's entry point. */
@Command(name = "nwf", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT,
        versionProvider = Nwf.Version.class,
        description = "Lossless neural image codec: integer wavelet flows with a learned prior.",
        subcommands = {EncodeCommand.class, DecodeCommand.class, InfoCommand.class, ToolsCommand.class,
                VerifyCommand.class, UpsampleCommand.class,
                TrainCommand.class, EvalCommand.class, InspectCommand.class, DemoCommand.class,
                        ConformanceCommand.class, ServeCommand.class, CommandLine.HelpCommand.class,
                        picocli.AutoComplete.GenerateCompletion.class})
public final class Nwf {
    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        // DJL defaults for a command-line tool: natives from the bundled jar, no graph optimiser warm-up, quiet logs.
        setDefault("ai.djl.offline", "true");
        setDefault("ai.djl.pytorch.graph_optimizer", "false");
        setDefault("org.slf4j.simpleLogger.defaultLogLevel", "error");
        System.exit(run(args));
    }

    private static void setDefault(String key, String value) {
        if (System.getProperty(key) == null) System.setProperty(key, value);
    }

    /** The release and the container format this build writes (from the format module, so it cannot go stale). */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"nwf 0.1.0 (container " + dev.nwf.format.NwfContainer.VERSION_MAJOR + "."
                    + dev.nwf.format.NwfContainer.VERSION_MINOR + ")"};
        }
    }

    /** Runs the command line and returns the exit code (for tests and embedding). */
    public static int run(String... args) {
        CommandLine cl = new CommandLine(new Nwf());
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("nwf: " + message(e));
            if (Boolean.getBoolean("nwf.stacktrace")) e.printStackTrace(cmd.getErr());
            return ExitCodes.of(e);
        });
        try {
            return cl.execute(args);
        } catch (NoClassDefFoundError e) {
            if (!fromDjl(e)) throw e;
            cl.getErr().println("nwf: " + WITHOUT_DJL);
            return ExitCodes.USAGE;
        } catch (OutOfMemoryError e) {
            // picocli hands only Exceptions to the handler; by now the command's arrays are unreachable again
            cl.getErr().println("nwf: " + message(e));
            return ExitCodes.of(e);
        }
    }

    /** What the light distribution (no DJL, no PyTorch natives) cannot do, and where to get it. */
    static final String WITHOUT_DJL = "this is the light distribution, without DJL and PyTorch: it codes with the "
            + "pure-Java evaluator (--device java, the default) and does not train; the full one (nwf.jar with lib/ "
            + "from the same build's cli/target) has both";

    /** Whether a missing class is DJL's or needs it (the device evaluators, training). */
    private static boolean fromDjl(NoClassDefFoundError e) {
        String m = String.valueOf(e.getMessage());
        return m.startsWith("ai/djl/") || m.startsWith("dev/nwf/djl/") || m.startsWith("dev/nwf/zoo/train/")
                || m.startsWith("com/sun/jna/");
    }

    static String messageOf(Throwable e) {
        return message(e);
    }

    private static String message(Throwable e) {
        if (e instanceof OutOfMemoryError) {
            return "out of memory (Java heap " + Runtime.getRuntime().maxMemory() / (1 << 20)
                    + " MiB): give Java more, e.g. "
                    + "java -Xmx" + Math.max(2, 2 * Runtime.getRuntime().maxMemory() / (1L << 30))
                            + "g -jar nwf.jar ...";
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException f) return f.getFile()
                + " already exists (use --force to overwrite)";
        if (e instanceof java.nio.file.NoSuchFileException f) return f.getFile() + ": "
                + (f.getReason() != null ? f.getReason() : "no such file");
        if (e instanceof java.nio.file.AccessDeniedException f) return f.getFile() + ": permission denied";
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }
}
