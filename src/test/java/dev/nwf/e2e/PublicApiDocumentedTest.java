package dev.nwf.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.DocumentationTool;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every public type, constructor, method and field of the libraries' published API has a javadoc comment, and the
 * javadoc builds without errors. The published API: every package of a module without module-info, the exported
 * packages of one with it. Javadoc's own "missing" check (doclint) is the judge, limited to "no comment".
 */
class PublicApiDocumentedTest {
    private static final List<String> MODULES = List.of("format", "codec", "files", "imageio", "api", "djl",
            "model-zoo", "model-zoo/training", "conformance", "cli");

    @Test
    void everyPublicMemberHasAComment(@TempDir Path out) throws IOException {
        Path repo = Path.of("").toAbsolutePath();
        while (!Files.exists(repo.resolve("SPEC.md"))) repo = repo.getParent();
        List<Path> sources = new ArrayList<>();
        for (String module : MODULES) sources.addAll(publishedSources(repo.resolve(module).resolve("src/main/java")));
        assertTrue(sources.size() > 50, "found " + sources.size() + " source files");

        DocumentationTool javadoc = ToolProvider.getSystemDocumentationTool();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javadoc.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            List<String> options = List.of("-d", out.toString(), "-quiet", "-Xdoclint:all", "-Xmaxwarns", "100000",
                    "-Xmaxerrs", "100000", "-classpath", System.getProperty("java.class.path"),
                    "-encoding", "UTF-8", "-notimestamp");
            boolean ok = javadoc.getTask(null, files, diagnostics, null, options,
                    files.getJavaFileObjectsFromPaths(sources)).call();
            List<String> errors = new ArrayList<>();
            List<String> undocumented = new ArrayList<>();
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                String where = (d.getSource() == null ? "?" : repo.relativize(Path.of(d.getSource().toUri())))
                        + ":" + d.getLineNumber();
                String message = d.getMessage(Locale.ROOT);
                if (d.getKind() == Diagnostic.Kind.ERROR) errors.add(where + ": " + message);
                else if (message.contains("no comment")) undocumented.add(where);
            }
            assertEquals(List.of(), errors, "javadoc errors");
            assertEquals(List.of(), undocumented, "public members without a javadoc comment");
            assertTrue(ok, "javadoc failed");
        }
    }

    /** Source files of a module's published packages (module-info itself excluded: the classpath mode is used). */
    private static List<Path> publishedSources(Path root) throws IOException {
        Path moduleInfo = root.resolve("module-info.java");
        Set<String> exported = null;
        if (Files.exists(moduleInfo)) {
            Matcher m = Pattern.compile("exports\\s+([\\w.]+)\\s*;").matcher(Files.readString(moduleInfo));
            exported = new java.util.HashSet<>();
            while (m.find()) exported.add(m.group(1));
        }
        Set<String> packages = exported;
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.toString().endsWith(".java") && !p.equals(moduleInfo))
                    .filter(p -> packages == null
                            || packages.contains(root.relativize(p.getParent()).toString().replace('/', '.')))
                    .sorted().collect(Collectors.toList());
        }
    }
}
