package dev.nwf.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.nwf.codec.CodingTools;
import dev.nwf.codec.NwfCodec;
import dev.nwf.files.PngChunks;
import dev.nwf.files.PngForm;
import dev.nwf.format.LevelInfo;
import dev.nwf.format.NwfContainer;
import dev.nwf.format.NwfHeader;
import dev.nwf.format.NwfRead;
import dev.nwf.format.ReadOptions;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "info", description = "Show a .nwf file's header, levels and metadata without decoding pixels.")
final class InfoCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "IN", description = "Input .nwf, or - for stdin.")
    Path input;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        NwfRead read;
        try (InputStream in = Streams.open(input)) {
            read = NwfContainer.read(in, ReadOptions.DEFAULT);
        }
        Map<String, Object> info = describe(read);
        if (json) {
            System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(info));
        } else {
            NwfHeader h = read.file().header();
            System.out.printf("%s: %dx%d, %d channel(s), %d bit, colour transform %s%n", input, h.width(), h.height(),
                    h.channels(),
                    h.bitDepth(), info.get("colourTransform"));
            System.out.printf("model %s (sha256 %s)%n", h.modelId(), h.modelDigestHex());
            System.out.printf("%s form, %d bytes besides the levels' coded data%n",
                    read.form() == NwfContainer.Form.COMPACT ? "compact" : "chunked", info.get("containerBytes"));
            List<String> tools = NwfCodec.tools(h).describe();
            System.out.printf("coding tools: %s%n", tools.isEmpty() ? "none (the network's prior alone)"
                    : String.join("; ", tools));
            for (int i = 0; i < h.levels(); i++) {
                LevelInfo l = read.file().levelIndex().get(i);
                System.out.printf("  level %d: %dx%d, %d bytes%s%n", i, l.width(), l.height(), l.payloadLength(),
                        i < read.completeLevels() ? "" : " (missing)");
            }
            Map<String, Object> shown = new LinkedHashMap<>(read.file().metadata());
            List<PngChunks.Chunk> chunks = PngChunks.fromJson(shown.remove(EncodeCommand.PNG_KEY));
            String form = PngForm.describe(shown.remove(PngForm.META_KEY));
            if (!shown.isEmpty()) System.out.println("metadata " + shown);
            if (form != null) System.out.printf("decodes to a PNG of %s%n", form);
            if (read.file().icc() != null) System.out.printf("ICC profile, %d bytes%n", read.file().icc().length);
            if (read.file().exif() != null) System.out.printf("EXIF, %d bytes%n", read.file().exif().length);
            if (!chunks.isEmpty()) {
                List<String> kept = new ArrayList<>();
                for (PngChunks.Chunk c : chunks) kept.add(c.type() + " (" + c.data().length + " bytes)");
                System.out.println("PNG chunks kept: " + String.join(", ", kept));
                PngChunks.text(chunks).forEach((k, v) -> System.out.printf("  text %s: %s%n", k,
                        v.length() > 60 ? v.substring(0, 60) + "..." : v));
            }
            System.out.println(read.complete() ? "complete, " + read.verifiedBytes() + " bytes verified"
                    : "INCOMPLETE: " + read.stopReason() + "; " + read.verifiedBytes() + " bytes verified");
        }
        return ExitCodes.OK;
    }

    static Map<String, Object> describe(NwfRead read) throws java.io.IOException {
        NwfHeader h = read.file().header();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("width", h.width());
        m.put("height", h.height());
        m.put("channels", h.channels());
        m.put("bitDepth", h.bitDepth());
        CodingTools tools = NwfCodec.tools(h);
        m.put("colourTransform", tools.colourTransformName());
        m.put("model", h.modelId());
        m.put("modelSha256", h.modelDigestHex());
        m.put("form", read.form() == NwfContainer.Form.COMPACT ? "compact" : "chunked");
        long levelBytes = 0;
        for (byte[] level : read.file().levels()) levelBytes += level.length;
        // header, tool list, metadata and framing: what the verified bytes hold besides the levels that arrived
        m.put("containerBytes", read.verifiedBytes() - levelBytes);
        m.put("tools", tools.toJson());
        List<Map<String, Object>> levels = new ArrayList<>();
        for (int i = 0; i < h.levels(); i++) {
            LevelInfo l = read.file().levelIndex().get(i);
            Map<String, Object> level = new LinkedHashMap<>();
            level.put("level", i);
            level.put("width", l.width());
            level.put("height", l.height());
            level.put("bytes", l.payloadLength());
            level.put("present", i < read.completeLevels());
            levels.add(level);
        }
        m.put("levels", levels);
        m.put("metadata", read.file().metadata());
        m.put("iccBytes", read.file().icc() == null ? 0 : read.file().icc().length);
        m.put("exifBytes", read.file().exif() == null ? 0 : read.file().exif().length);
        List<Map<String, Object>> png = new ArrayList<>();
        for (PngChunks.Chunk c : PngChunks.fromJson(read.file().metadata().get(EncodeCommand.PNG_KEY))) {
            png.add(Map.of("type", c.type(), "bytes", c.data().length));
        }
        m.put("pngChunks", png);
        m.put("complete", read.complete());
        m.put("verifiedBytes", read.verifiedBytes());
        if (read.stopReason() != null) m.put("stopReason", read.stopReason());
        return m;
    }
}
