package dev.nwf.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** SPEC.md's section-to-class table names classes that exist: a renamed or moved class must be renamed there too. */
class SpecTableTest {
    @Test
    void everyClassTheTableNamesExists() throws IOException {
        Path repo = Path.of("").toAbsolutePath();
        while (!Files.exists(repo.resolve("SPEC.md"))) repo = repo.getParent();
        Set<String> sources;
        try (Stream<Path> s = Files.walk(repo)) {
            sources = s.filter(p -> !p.toString().contains("/target/") && (p.toString().endsWith(".java")
                    || p.toString().endsWith(".py")))
                    .map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
        List<String> missing = new ArrayList<>();
        int named = 0;
        for (String line : Files.readAllLines(repo.resolve("SPEC.md"))) {
            if (!line.startsWith("| §") && !line.startsWith("| all")) continue;
            Matcher m = Pattern.compile("`([A-Z]\\w+|\\w+\\.py)`").matcher(line);
            while (m.find()) {
                String name = m.group(1);
                named++;
                if (!sources.contains(name.endsWith(".py") ? name : name + ".java")) missing.add(name);
            }
        }
        assertTrue(named > 40, "the table names " + named + " classes");
        assertTrue(missing.isEmpty(), "SPEC.md names classes that do not exist: " + missing);
    }
}
