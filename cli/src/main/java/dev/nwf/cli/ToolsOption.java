package dev.nwf.cli;

import dev.nwf.codec.CodingTool;
import dev.nwf.codec.NwfCodec;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Which coding tools the encoder may use (SPEC.md §2.4.1): all its model's family supports, less those named. */
final class ToolsOption {
    /** The tool table's names, for the help text and shell completion. */
    static final class ToolNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return CodingTool.names().iterator();
        }
    }

    @Option(names = "--without", split = ",", paramLabel = "TOOL", completionCandidates = ToolNames.class,
            description =
                    "Code without these tools (comma-separated; `nwf tools` lists them): ${COMPLETION-CANDIDATES}. "
                    + "Tools that need one left out go too. For measuring what a tool earns; files are larger.")
    List<String> without = List.of();

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /** The codec without the named tools and those that need them. */
    NwfCodec apply(NwfCodec codec) {
        if (without.isEmpty()) return codec;
        Set<CodingTool> tools = EnumSet.noneOf(CodingTool.class);
        tools.addAll(codec.tools());
        for (String name : without) {
            CodingTool t = CodingTool.ofName(name.trim());
            if (t == null) {
                throw new ParameterException(command.commandLine(), "--without: no coding tool '" + name + "' (tools: "
                        + String.join(", ", CodingTool.names()) + ")");
            }
            tools.remove(t);
        }
        tools.removeIf(t -> t.needs != null && !tools.contains(t.needs));
        return codec.withTools(tools);
    }
}
