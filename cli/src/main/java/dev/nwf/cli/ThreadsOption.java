package dev.nwf.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** How many threads a command codes on (SPEC.md §6.5): bands and trials run side by side. */
final class ThreadsOption {
    @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
            description = "Threads to code on (default 0: one per core; the network evaluator keeps its own). Files and images "
                    + "come out the same with any number.")
    int threads;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /** --threads, checked. */
    int get() {
        if (threads < 0) throw new ParameterException(command.commandLine(), "--threads must be 0 (one per core) or more: " + threads);
        return threads;
    }
}
