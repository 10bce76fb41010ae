package dev.nwf.cli;

import dev.nwf.codec.CodingTool;
import dev.nwf.codec.NwfCodec;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Which coding tools the encoder may use (SPEC.md §2.4.1): all its model's family supports, less those named; and
 * {@value #EXPERT}, pixel levels' expert (§4.4.5), a flag of tool pixel-levels that may be left out the same way.
 */
final class ToolsOption {
    static final String EXPERT = "expert";

    /** The tool table's names, for the help text and shell completion. */
    static final class ToolNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            List<String> names = new ArrayList<>(CodingTool.names());
            names.add(EXPERT);
            return names.iterator();
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
        boolean expert = true;
        for (String name : without) {
            String trimmed = name.trim();
            if (trimmed.equals(EXPERT)) {
                expert = false;
                continue;
            }
            CodingTool t = CodingTool.ofName(trimmed);
            if (t == null) {
                throw new ParameterException(command.commandLine(), "--without: no coding tool '" + name + "' (tools: "
                        + String.join(", ", CodingTool.names()) + ", and " + EXPERT + ")");
            }
            tools.remove(t);
        }
        tools.removeIf(t -> t.needs != null && !tools.contains(t.needs));
        NwfCodec coded = codec.withTools(tools);
        return expert ? coded : coded.withoutExpert();
    }
}
