package dev.nwf.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.nwf.codec.CodingTool;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "tools", description = "List the coding tools a file can name (the tool table of SPEC.md §2.4.1).")
final class ToolsCommand implements Callable<Integer> {
    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (json) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (CodingTool t : CodingTool.values()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("id", t.id);
                row.put("name", t.toolName);
                row.put("section", t.section);
                row.put("needs", t.needs == null ? null : t.needs.toolName);
                row.put("families", families(t));
                row.put("summary", t.summary);
                rows.add(row);
            }
            System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(rows));
            return ExitCodes.OK;
        }
        System.out.printf("%3s  %-17s %-7s %-14s %-11s %s%n", "id", "name", "spec", "needs", "families",
                "what it does");
        for (CodingTool t : CodingTool.values()) {
            System.out.printf("%3d  %-17s %-7s %-14s %-11s %s%n", t.id, t.toolName, t.section, t.needs == null ? "-"
                    : t.needs.toolName,
                    String.join(",", families(t)), t.summary);
        }
        return ExitCodes.OK;
    }

    private static List<String> families(CodingTool t) {
        List<String> out = new ArrayList<>();
        for (String f : new String[] {dev.nwf.codec.NwfModel.FAMILY_NWF, dev.nwf.codec.NwfModel.FAMILY_RGFLOW}) {
            if (t.supportedBy(f)) out.add(f);
        }
        return out;
    }
}
