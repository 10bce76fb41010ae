package dev.nwf.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nwf.cli.Nwf;
import dev.nwf.codec.CodingTool;
import dev.nwf.codec.Image;
import dev.nwf.codec.ImageOps;
import dev.nwf.codec.ToolLists;
import dev.nwf.files.ImageFiles;
import dev.nwf.files.PngChunks;
import dev.nwf.format.NwfContainer;
import dev.nwf.format.ReadOptions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The nwf command as a user drives it: files, pipes, exit codes, progressive and partial decoding. */
class CliEndToEndTest {
    @TempDir
    Path dir;
    Path png;
    Image original;

    @BeforeEach
    void writeSample() throws IOException {
        png = dir.resolve("photo.png");
        original = SamplePhoto.write(png, 10, 20, 101, 77);
    }

    @Test
    void encodeThenDecodeIsBitExact() throws IOException {
        assertEquals(0, Nwf.run("encode", png.toString(), "-q"));
        Path nwf = dir.resolve("photo.nwf");
        assertTrue(Files.size(nwf) < Files.size(png), "smaller than PNG");
        Path out = dir.resolve("back.png");
        assertEquals(0, Nwf.run("decode", nwf.toString(), "-o", out.toString(), "-q"));
        assertTrue(original.sameAs(ImageFiles.read(out)));
        assertEquals(0, Nwf.run("verify", nwf.toString(), "--against", png.toString()));
        assertEquals(0, Nwf.run("verify", png.toString()));
    }

    @Test
    void existingOutputIsNotOverwrittenWithoutForce() throws IOException {
        Path nwf = dir.resolve("photo.nwf");
        Files.write(nwf, new byte[] {1, 2, 3});
        assertEquals(6, Nwf.run("encode", png.toString(), "-q"));
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(nwf));
        assertEquals(0, Nwf.run("encode", png.toString(), "-q", "-f"));
        assertTrue(Files.size(nwf) > 3);
        try (var files = Files.list(dir)) {
            assertFalse(files.anyMatch(p -> p.toString().endsWith(".part")), "no temporary files left");
        }
    }

    @Test
    void pipesWorkWithDash() throws IOException {
        byte[] nwf = runPiped(Files.readAllBytes(png), "encode", "-", "-q");
        assertEquals((byte) 0x8E, nwf[0]);
        byte[] back = runPiped(nwf, "decode", "-", "-q");
        assertTrue(original.sameAs(ImageFiles.read(new ByteArrayInputStream(back), "stdout")));
    }

    private static byte[] runPiped(byte[] stdin, String... args) {
        InputStream oldIn = System.in;
        PrintStream oldOut = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setIn(new ByteArrayInputStream(stdin));
            System.setOut(new PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
            assertEquals(0, Nwf.run(args));
        } finally {
            System.setIn(oldIn);
            System.setOut(oldOut);
        }
        return captured.toByteArray();
    }

    /** What a successful command prints on standard output, as UTF-8 text. */
    private static String stdoutOf(String... args) {
        return new String(runPiped(new byte[0], args), java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void reducedLevelsAndTruncatedFilesGiveSmallerImages() throws IOException {
        assertEquals(0, Nwf.run("encode", png.toString(), "-q"));
        Path nwf = dir.resolve("photo.nwf");
        Path half = dir.resolve("half.png");
        assertEquals(0, Nwf.run("decode", nwf.toString(), "--level", "1", "-o", half.toString(), "-q"));
        Image h = ImageFiles.read(half);
        // the level before the finest: half the size, or 1/2^t after a raster finish (SPEC.md §4.4.1)
        var index = NwfContainer.read(Files.readAllBytes(nwf), ReadOptions.DEFAULT).file().levelIndex();
        var before = index.get(index.size() - 2);
        assertTrue(before.width() == 51 || before.width() == (101 + 7) / 8, before.toString());
        assertEquals(before.width(), h.width());
        assertEquals(before.height(), h.height());

        byte[] bytes = Files.readAllBytes(nwf);
        Path cut = dir.resolve("cut.nwf");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length - 100));
        Path partial = dir.resolve("partial.png");
        assertEquals(4, Nwf.run("decode", cut.toString(), "-o", partial.toString(), "-q"),
                "truncated without --allow-partial");
        assertFalse(Files.exists(partial));
        assertEquals(0, Nwf.run("decode", cut.toString(), "-o", partial.toString(), "--allow-partial", "-q"));
        Image p = ImageFiles.read(partial);
        assertTrue(p.sameAs(h), "truncated file decodes to the same image as --level 1");
        // the message suggests --allow-partial only where a level arrived whole
        String[] err = new String[1];
        assertEquals(4, withStderr(err, () -> Nwf.run("decode", cut.toString(), "-o", partial.toString(), "-f")));
        assertTrue(err[0].contains("--allow-partial writes that image"), err[0]);
        Files.write(cut, Arrays.copyOf(bytes, 30));
        assertEquals(4, withStderr(err, () -> Nwf.run("decode", cut.toString(), "-o", partial.toString(), "-f")));
        assertFalse(err[0].contains("--allow-partial"), err[0]);
        assertTrue(err[0].contains("byte 30"), err[0]);
    }

    /** -e picks the encoder's effort: every effort decodes exactly; outside 1..9 is a usage error. */
    @Test
    void effortIsAnOption() throws IOException {
        for (String e : new String[] {"1", "9"}) {
            Path f = dir.resolve("e" + e + ".nwf");
            assertEquals(0, Nwf.run("encode", png.toString(), "-o", f.toString(), "-q", "-e", e));
            assertEquals(0, Nwf.run("verify", f.toString(), "--against", png.toString()));
        }
        assertEquals(2, Nwf.run("encode", png.toString(), "-o", dir.resolve("e0.nwf").toString(), "-q", "-e", "0"));
        assertFalse(Files.exists(dir.resolve("e0.nwf")));
    }

    /** --levels-strip draws every level side by side, the last as the image itself (a small one keeps its size). */
    @Test
    void levelsStripShowsEveryLevel() throws IOException {
        assertEquals(0, Nwf.run("encode", png.toString(), "-q"));
        Path strip = dir.resolve("strip.png");
        assertEquals(0, Nwf.run("decode", dir.resolve("photo.nwf").toString(), "-o", dir.resolve("b.png").toString(),
                "-q", "--levels-strip", strip.toString()));
        int levels = headerOf(dir.resolve("photo.nwf")).levels();
        java.awt.image.BufferedImage s = javax.imageio.ImageIO.read(strip.toFile());
        assertEquals(levels * (101 + 8) - 8, s.getWidth());
        assertEquals(77, s.getHeight());
        java.awt.image.BufferedImage expected = ImageFiles.toBufferedImage(original);
        int x0 = (levels - 1) * (101 + 8);
        for (int y = 0; y < 77; y++) {
            for (int x = 0; x < 101; x++) assertEquals(expected.getRGB(x, y), s.getRGB(x0 + x, y), x + "," + y);
        }
        assertEquals(6, Nwf.run("decode", dir.resolve("photo.nwf").toString(), "-o", dir.resolve("c.png").toString(),
                "-q", "--levels-strip", strip.toString()), "an existing strip is not overwritten without -f");
        assertFalse(Files.exists(dir.resolve("c.png")), "checked before decoding");
    }

    /**
     * --threads 1 writes the bytes the default writes and decodes them to the same image; a negative count is a usage
     * error.
     */
    /** --levels trades progressive steps for bytes on graphics; the file says how many levels it has. */
    @Test
    void fewerLevelsOnGraphicsGiveSmallerFiles() throws IOException {
        Path graphic = dir.resolve("graphic.png");
        javax.imageio.ImageIO.write(dev.nwf.files.ImageFiles.toBufferedImage(
                dev.nwf.codec.SyntheticImages.graphic(256, 160, 3, 8, 5)), "png", graphic.toFile());
        Path all = dir.resolve("all.nwf");
        Path one = dir.resolve("one.nwf");
        assertEquals(0, Nwf.run("encode", graphic.toString(), "-o", all.toString(), "-q"));
        assertEquals(0, Nwf.run("encode", graphic.toString(), "-o", one.toString(), "-q", "--levels", "1"));
        assertTrue(Files.size(one) < Files.size(all), Files.size(one) + " against " + Files.size(all));
        assertEquals(1, headerOf(one).levels());
        assertEquals(0, Nwf.run("verify", one.toString(), "--against", graphic.toString()));
        assertEquals(2, Nwf.run("encode", graphic.toString(), "-o", dir.resolve("x.nwf").toString(), "--levels", "0"));
    }

    /** Several inputs and folders in one command: outputs where asked, a failed file no output and exit non-zero. */
    @Test
    void batchEncodingCodesEveryFileAndReportsFailures() throws IOException {
        Path in = dir.resolve("in");
        Path sub = in.resolve("sub");
        Files.createDirectories(sub);
        for (int i = 0; i < 3; i++) {
            javax.imageio.ImageIO.write(ImageFiles.toBufferedImage(dev.nwf.codec.SyntheticImages.graphic(40 + i, 30,
                    3, 8, i)), "png", (i == 2 ? sub : in).resolve("g" + i + ".png").toFile());
        }
        Files.writeString(in.resolve("readme.txt"), "not an image, and not picked up");
        Path out = dir.resolve("out");
        Files.createDirectories(out);
        String[] err = new String[1];
        assertEquals(0, withStderr(err, () -> Nwf.run("encode", "-r", in.toString(), "--out-dir", out.toString())));
        for (String f : List.of("g0.nwf", "g1.nwf", "sub/g2.nwf")) assertTrue(Files.exists(out.resolve(f)), f);
        assertTrue(err[0].contains("3 file(s), 3 coded, 0 failed"), err[0]);
        assertEquals(0, Nwf.run("verify", out.resolve("sub/g2.nwf").toString(), "--against",
                sub.resolve("g2.png").toString()));
        // a damaged file among good ones: the others are coded, it leaves nothing, the exit code says corrupt input
        Path bad = in.resolve("bad.png");
        Files.write(bad, Arrays.copyOf(Files.readAllBytes(in.resolve("g0.png")), 60));
        assertEquals(3, withStderr(err, () -> Nwf.run("encode", in.resolve("g0.png").toString(), bad.toString(),
                in.resolve("g1.png").toString(), "-f")));
        assertTrue(err[0].contains("3 file(s), 2 coded, 1 failed"), err[0]);
        assertTrue(Files.exists(in.resolve("g1.nwf")));
        assertFalse(Files.exists(in.resolve("bad.nwf")), "no output for the failed file");
        assertEquals(2, Nwf.run("encode", in.resolve("g0.png").toString(), in.resolve("g1.png").toString(), "-o",
                dir.resolve("one.nwf").toString()), "-o with two inputs");
        assertEquals(6, withStderr(err, () -> Nwf.run("encode", in.toString())), "a folder without -r");
        assertTrue(err[0].contains("use -r"), err[0]);
    }

    /** `nwf generate-completion` prints a bash/zsh completion script that knows the subcommands and options. */
    @Test
    void completionScriptKnowsTheCommands() {
        String script = stdoutOf("generate-completion");
        assertTrue(script.contains("complete -F"), "a bash completion function");
        for (String word : List.of("encode", "decode", "--levels", "--out-dir", "--allow-partial")) {
            assertTrue(script.contains(word), word);
        }
    }

    @Test
    void threadsOptionChangesNothingButTheThreads() throws IOException {
        Path big = dir.resolve("big.png");
        Image img = SamplePhoto.write(big, 0, 0, 256,
                256); // the whole sample: just large enough for band streams (SPEC.md §6.5)
        Path all = dir.resolve("all.nwf");
        Path one = dir.resolve("one.nwf");
        // wavelet levels (the sample may code smaller as pixel levels, which have no band streams)
        assertEquals(0, Nwf.run("encode", big.toString(), "-o", all.toString(), "-q", "--without", "pixel-levels"));
        assertEquals(0, Nwf.run("encode", big.toString(), "-o", one.toString(), "-q", "--threads", "1", "--without",
                "pixel-levels"));
        assertArrayEquals(Files.readAllBytes(all), Files.readAllBytes(one));
        assertTrue(lists(one, CodingTool.BAND_STREAMS), "band streams");
        for (String threads : new String[] {"1", "3"}) {
            Path back = dir.resolve("back" + threads + ".png");
            assertEquals(0, Nwf.run("decode", one.toString(), "-o", back.toString(), "-q", "--threads", threads));
            assertTrue(img.sameAs(ImageFiles.read(back)), threads + " threads");
        }
        assertEquals(2, Nwf.run("decode", one.toString(), "-o", dir.resolve("x.png").toString(), "--threads", "-1"));
    }

    /**
     * A write to standard output that fails (a full disk, a closed pipe) is exit 6 with a message, for encode and
     * decode alike, never a silent success; a missing output folder is named as such, and -f leaves a symbolic link a
     * link.
     */
    @Test
    void failedWritesAreReportedAndLinksWrittenThrough() throws IOException {
        Path nwf = dir.resolve("out.nwf");
        assertEquals(0, Nwf.run("encode", png.toString(), "-o", nwf.toString(), "-q"));
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        java.io.OutputStream full = new java.io.OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("No space left on device");
            }
        };
        try {
            System.setOut(new PrintStream(full, false));
            System.setErr(new PrintStream(err, true));
            assertEquals(6, Nwf.run("decode", nwf.toString(), "-o", "-", "-q"));
            assertEquals(6, Nwf.run("encode", png.toString(), "-o", "-", "-q"));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        assertTrue(err.toString().contains("could not write to standard output"), err.toString());
        err.reset();
        try {
            System.setErr(new PrintStream(err, true));
            assertEquals(6, Nwf.run("decode", nwf.toString(), "-o", dir.resolve("missing/back.png").toString(), "-q"));
        } finally {
            System.setErr(oldErr);
        }
        assertTrue(err.toString().contains("does not exist") && !err.toString().contains(".part"), err.toString());
        // a chunked file cut right after its last level: the whole image, with a warning that the end chunk is missing
        byte[] whole = NwfContainer.toBytes(NwfContainer.read(nwf, ReadOptions.DEFAULT).file(),
                NwfContainer.Form.CHUNKED);
        Path noEnd = dir.resolve("no-end.nwf");
        Files.write(noEnd, Arrays.copyOf(whole, whole.length - 12));
        err.reset();
        try {
            System.setErr(new PrintStream(err, true));
            assertEquals(0, Nwf.run("decode", noEnd.toString(), "-o", dir.resolve("no-end.png").toString(), "-q"));
        } finally {
            System.setErr(oldErr);
        }
        assertTrue(err.toString().contains("warning") && err.toString().contains("end chunk"), err.toString());
        assertTrue(original.sameAs(ImageFiles.read(dir.resolve("no-end.png"))));
        assertEquals(2, Nwf.run("decode", nwf.toString(), "-o", dir.resolve("small.png").toString(), "--level", "9",
                "-q"),
                "--level beyond the file's levels is a usage error, not level 0");
        assertFalse(Files.exists(dir.resolve("small.png")));
        Path real = dir.resolve("real.png");
        Files.write(real, new byte[] {1});
        Path link = Files.createSymbolicLink(dir.resolve("link.png"), real.getFileName());
        assertEquals(0, Nwf.run("decode", nwf.toString(), "-o", link.toString(), "-q", "-f"));
        assertTrue(Files.isSymbolicLink(link), "-f writes through the link");
        assertTrue(original.sameAs(ImageFiles.read(real)));
    }

    /** Whether the file's header lists the tool. */
    private static boolean lists(Path file, CodingTool tool) throws IOException {
        return ToolLists.lists(headerOf(file).tools(), tool);
    }

    /**
     * --without leaves tools out of the encoder (and the tools that need them): the file lists none of them and decodes
     * exactly. An unknown tool name is a usage error naming the table's tools.
     */
    @Test
    void withoutOptionLeavesToolsOut() throws IOException {
        // pixel levels left out throughout: the sample, a small photo, may code smaller as pixel levels of differences
        // only, which list none of the wavelet's tools
        String[][] cases = {{"--without", "pixel-levels"}, {"--without", "pixel-levels,scale-blend"}, {"--without",
                "pixel-levels,adaptive-mean"}, {"--without", "pixel-levels,colour-transform,value-map"}};
        for (String[] option : cases) {
            Path out = dir.resolve("t" + String.join("", option) + ".nwf");
            List<String> args = new java.util.ArrayList<>(List.of("encode", png.toString(), "-o", out.toString(),
                    "-q"));
            args.addAll(List.of(option));
            String label = String.join(" ", option);
            assertEquals(0, Nwf.run(args.toArray(String[]::new)), label);
            java.util.Set<CodingTool> listed = dev.nwf.codec.NwfCodec.tools(headerOf(out)).tools();
            if (option[1].equals("pixel-levels")) {
                assertTrue(listed.containsAll(java.util.EnumSet.of(CodingTool.ADAPTIVE_MEAN, CodingTool.SCALE_BLEND,
                        CodingTool.COLOUR_TRANSFORM)), label);
            }
            {
                for (String name : option[1].split(",")) assertFalse(listed.contains(CodingTool.ofName(name)),
                        label + ": " + listed);
            }
            if (label.endsWith("adaptive-mean")) assertEquals(java.util.EnumSet.of(CodingTool.COLOUR_TRANSFORM), listed,
                    label);
            Path back = dir.resolve("back.png");
            assertEquals(0, Nwf.run("decode", out.toString(), "-o", back.toString(), "-q", "-f"));
            assertTrue(original.sameAs(ImageFiles.read(back)), label);
        }
        assertEquals(2, Nwf.run("encode", png.toString(), "--without", "no-such-tool", "-o",
                dir.resolve("bad.nwf").toString()));
        assertFalse(Files.exists(dir.resolve("bad.nwf")));
    }

    /**
     * --without expert leaves pixel levels' expert (SPEC.md §4.4.5), a flag of tool pixel-levels, out: no pixel levels
     * of the file use it, the file decodes exactly, and it is no smaller than the default's, which tries the expert
     * beside it on an image this small.
     */
    @Test
    void withoutExpertLeavesTheExpertOut() throws IOException {
        Path with = dir.resolve("with-expert.nwf");
        Path without = dir.resolve("without-expert.nwf");
        assertEquals(0, Nwf.run("encode", png.toString(), "-o", with.toString(), "-q", "--without", "deflate-rows"));
        assertEquals(0, Nwf.run("encode", png.toString(), "-o", without.toString(), "-q", "--without",
                "deflate-rows,expert"));
        var tools = dev.nwf.codec.NwfCodec.tools(headerOf(without));
        assertTrue(tools.tools().contains(CodingTool.PIXEL_LEVELS), "the sample takes pixel levels: " + tools.describe());
        assertTrue(tools.describe().stream().noneMatch(d -> d.contains("expert")), tools.describe().toString());
        assertTrue(Files.size(with) <= Files.size(without), Files.size(with) + " > " + Files.size(without));
        // info --json names the flag either way
        var flag = toolJson(runPiped(new byte[0], "info", without.toString(), "--json"), "pixel-levels").get("expert");
        assertTrue(flag != null && !flag.asBoolean(), "expert in info --json: " + flag);
        Path back = dir.resolve("back-without-expert.png");
        assertEquals(0, Nwf.run("decode", without.toString(), "-o", back.toString(), "-q", "-f"));
        assertTrue(original.sameAs(ImageFiles.read(back)));
    }

    /** `nwf tools` prints the tool table: every tool's id and name, as JSON too. */
    @Test
    void toolsCommandListsTheTable() throws IOException {
        String text = stdoutOf("tools");
        for (CodingTool t : CodingTool.values()) assertTrue(text.contains(t.toolName) && text.contains(t.section),
                t.toolName + " in\n" + text);
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(runPiped(new byte[0], "tools", "--json"));
        assertEquals(CodingTool.values().length, json.size());
        assertEquals("adaptive-mean", json.get(CodingTool.SCALE_BLEND.ordinal()).get("needs").asText());
    }

    /**
     * An 8-bit photo saved as 16-bit PNG (v·257, as converters widen it) gets a value map and comes out the size of the
     * 8-bit file, where without the value-map tool it must code 16-bit samples; both decode exactly.
     */
    @Test
    void widenedSixteenBitPhotoCodesLikeItsEightBits() throws IOException {
        int[][] planes = new int[original.channels()][];
        for (int c = 0; c < planes.length; c++) {
            planes[c] = original.plane(c).clone();
            for (int i = 0; i < planes[c].length; i++) planes[c][i] *= 257;
        }
        Image wide = new Image(original.width(), original.height(), 16, planes);
        Path widePng = dir.resolve("wide16.png");
        Files.write(widePng, ImageFiles.pngBytes(wide));
        Path eight = dir.resolve("eight.nwf");
        Path mapped = dir.resolve("wide13.nwf");
        Path unmapped = dir.resolve("wide12.nwf");
        assertEquals(0, Nwf.run("encode", png.toString(), "-o", eight.toString(), "-q"));
        assertEquals(0, Nwf.run("encode", widePng.toString(), "-o", mapped.toString(), "-q"));
        // (without rows in a DEFLATE stream too, whose LZ77 finds each sample's two equal bytes)
        assertEquals(0, Nwf.run("encode", widePng.toString(), "-o", unmapped.toString(), "-q", "--without",
                "value-map,deflate-rows"));
        assertTrue(lists(mapped, CodingTool.VALUE_MAP));
        assertFalse(lists(unmapped, CodingTool.VALUE_MAP));
        long withMap = Files.size(mapped);
        assertTrue(withMap < Files.size(eight) * 1.01, withMap + " bytes against the 8-bit file's "
                + Files.size(eight));
        // (without the map, pixel levels of differences only learn that 16-bit differences are multiples of 257
        // better than wavelet levels did: 1.65 times the bytes where it was over 2)
        assertTrue(withMap * 3 < Files.size(unmapped) * 2, withMap + " bytes against " + Files.size(unmapped)
                + " without the map");
        byte[] info = runPiped(new byte[0], "info", mapped.toString(), "--json");
        var map = toolJson(info, "value-map");
        int codedDepth = map.get("codedDepth").asInt();
        assertTrue(codedDepth >= 1 && codedDepth <= 8, map.toString());
        assertEquals(3, map.get("valuesPerChannel").size(), map.toString());
        assertTrue(map.get("valuesPerChannel").get(0).asInt() <= 256, map.toString());
        assertTrue(stdoutOf("info", mapped.toString()).contains("value-map " + codedDepth + "-bit ranks"));
        for (Path f : List.of(mapped, unmapped)) {
            Path back = dir.resolve("wide-back.png");
            assertEquals(0, Nwf.run("decode", f.toString(), "-o", back.toString(), "-q", "-f"));
            assertTrue(wide.sameAs(ImageFiles.read(back)), f.toString());
        }
    }

    private static dev.nwf.format.NwfHeader headerOf(Path nwf) throws IOException {
        return dev.nwf.format.NwfContainer.read(Files.readAllBytes(nwf),
                dev.nwf.format.ReadOptions.DEFAULT).file().header();
    }

    @Test
    void failuresHaveDistinctExitCodes() throws IOException {
        assertEquals(0, Nwf.run("encode", png.toString(), "-q"));
        byte[] bytes = Files.readAllBytes(dir.resolve("photo.nwf"));
        byte[] flipped = bytes.clone();
        flipped[bytes.length / 2] ^= 0x40;
        Path bad = dir.resolve("bad.nwf");
        Files.write(bad, flipped);
        assertEquals(3, Nwf.run("decode", bad.toString(), "-o", dir.resolve("x.png").toString()), "corrupt");
        Files.write(bad, Arrays.copyOf(bytes, 30));
        assertEquals(4, Nwf.run("decode", bad.toString(), "-o", dir.resolve("x.png").toString()), "truncated");
        assertEquals(5, Nwf.run("encode", png.toString(), "-m", "no-such-model", "-o", dir.resolve("y.nwf").toString()),
                "unknown model");
        assertEquals(6, Nwf.run("decode", dir.resolve("missing.nwf").toString()), "missing file");
        assertEquals(2, Nwf.run("decode"), "usage");
        assertEquals(2, Nwf.run("frobnicate"), "usage");
        assertEquals(2, Nwf.run("encode", png.toString(), "--device", "tpu", "-o", dir.resolve("z.nwf").toString()),
                "unknown device");
        assertEquals(2, Nwf.run("decode", dir.resolve("photo.nwf").toString(), "--level", "-1"), "negative level");
        assertFalse(Files.exists(dir.resolve("z.nwf")), "no output after a usage error");
        // an input image that cannot be read is corrupt input, not an I/O failure
        Path cutPng = dir.resolve("cut.png");
        Files.write(cutPng, Arrays.copyOf(Files.readAllBytes(png), 100));
        assertEquals(3, Nwf.run("encode", cutPng.toString(), "-o", dir.resolve("c.nwf").toString()), "cut PNG");
        Path text = dir.resolve("notes.png");
        Files.writeString(text, "not an image");
        assertEquals(3, Nwf.run("encode", text.toString(), "-o", dir.resolve("t.nwf").toString()), "not an image");
        String[] err = new String[1];
        assertEquals(6, withStderr(err, () -> Nwf.run("encode", dir.toString(), "-o",
                dir.resolve("d.nwf").toString())), "a directory");
        assertTrue(err[0].contains(dir + " is a directory"), err[0]);
        // an image above the encoder's pixel limit is refused before it is read
        assertEquals(3, withStderr(err, () -> Nwf.run("encode", png.toString(), "--max-pixels", "100", "-o",
                dir.resolve("big.nwf").toString())));
        assertTrue(err[0].contains("above the limit of 100"), err[0]);
        assertFalse(Files.exists(dir.resolve("big.nwf")));
    }

    @Test
    void gpuDeviceWithoutAGpuIsAUsageErrorInOneLine() {
        org.junit.jupiter.api.Assumptions.assumeTrue(dev.nwf.djl.DjlEvaluator.gpuCount() == 0,
                "this machine has a GPU");
        Path out = dir.resolve("g.nwf");
        String[] err = new String[1];
        int code = withStderr(err, () -> Nwf.run("encode", png.toString(), "--device", "gpu", "-o", out.toString()));
        assertEquals(2, code);
        assertTrue(err[0].contains("--device gpu: DJL's PyTorch engine sees no GPU"), err[0]);
        assertFalse(err[0].contains("aten::"), "no PyTorch dispatcher dump: " + err[0]);
        assertFalse(Files.exists(out));
    }

    @Test
    void everyCommandHasHelpThatFormatsWithoutWarnings() {
        String[] err = new String[1];
        for (String command : new String[] {"encode", "decode", "info", "verify", "upsample", "train", "eval", "demo",
                "conformance", "inspect"}) {
            assertEquals(0, withStderr(err, () -> Nwf.run(command, "--help")), command);
            assertFalse(err[0].contains("Could not format"), command + ": " + err[0]);
        }
        assertEquals(0, Nwf.run("conformance", "nets", "-h"));
    }

    /** A JPEG input, or any file that codes larger than its input, gets a note saying why; a smaller file does not. */
    @Test
    void encodeExplainsFilesLargerThanTheirInput() throws IOException {
        Path jpeg = dir.resolve("photo.jpg");
        javax.imageio.ImageIO.write(ImageFiles.toBufferedImage(original), "jpeg", jpeg.toFile());
        String[] err = new String[1];
        assertEquals(0, withStderr(err, () -> Nwf.run("encode", jpeg.toString(), "-o",
                dir.resolve("j.nwf").toString())));
        assertTrue(err[0].contains("note: the input is a JPEG"), err[0]);
        // uniform noise: PNG stores it nearly raw, nwf's escapes cost a little more (above 2^15 pixels, where the
        // encoder does not try PNG's own coding; below, it does and is not larger)
        Random r = new Random(3);
        for (int side : new int[] {64, 256}) {
            int[] noise = new int[side * side];
            for (int i = 0; i < noise.length; i++) noise[i] = r.nextInt(256);
            Path noisy = dir.resolve("noise" + side + ".png");
            Path coded = dir.resolve("noise" + side + ".nwf");
            Files.write(noisy, ImageFiles.pngBytes(new Image(side, side, 8, new int[][] {noise})));
            assertEquals(0, withStderr(err, () -> Nwf.run("encode", noisy.toString(), "-o", coded.toString())));
            assertEquals(side > 64, Files.size(coded) > Files.size(noisy), Files.size(coded) + " bytes from "
                    + Files.size(noisy));
            assertEquals(side > 64, err[0].contains("larger than its input"), err[0]);
        }
        Path big = dir.resolve("uncompressed.bmp");
        javax.imageio.ImageIO.write(ImageFiles.toBufferedImage(original), "bmp", big.toFile());
        assertEquals(0, withStderr(err, () -> Nwf.run("encode", big.toString(), "-o",
                dir.resolve("b.nwf").toString())));
        assertFalse(err[0].contains("note:"), err[0]);
    }

    /**
     * eval over a directory skips a file it cannot read (saying so) instead of ending the run; bad sizes are usage
     * errors.
     */
    @Test
    void evalSkipsUnreadableImages() throws IOException {
        Path data = Files.createDirectories(dir.resolve("evalset"));
        Files.copy(png, data.resolve("a.png"));
        Files.write(data.resolve("b-broken.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3});
        String[] err = new String[1];
        assertEquals(0, withStderr(err, () -> Nwf.run("eval", "--data", data.toString(), "--sizes", "32,full")));
        assertTrue(err[0].contains("skipped") && err[0].contains("b-broken.png"), err[0]);
        assertEquals(2, withStderr(err, () -> Nwf.run("eval", "--data", data.toString(), "--sizes", "0")));
        assertEquals(2, withStderr(err, () -> Nwf.run("eval", "--data", data.toString(), "--sizes", "big")));
        Files.delete(data.resolve("a.png"));
        assertEquals(6, withStderr(err, () -> Nwf.run("eval", "--data", data.toString())));
        assertTrue(err[0].contains("could be read"), err[0]);
    }

    /** eval --plot draws a chart (JFreeChart) of bits per subpixel per resolution, a line per model. */
    @Test
    void evalPlotsBitsPerResolution() throws IOException {
        Path data = Files.createDirectories(dir.resolve("plotset"));
        Files.copy(png, data.resolve("a.png"));
        Path chart = dir.resolve("chart.png");
        String[] err = new String[1];
        assertEquals(0, withStderr(err, () -> Nwf.run("eval", "--data", data.toString(), "--sizes", "32,full",
                "-m", "nwf-photo-v2,rgflow-photo-v1", "--plot", chart.toString())));
        java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(chart.toFile());
        assertEquals(800, img.getWidth());
        assertEquals(500, img.getHeight());
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 3) for (int x = 0; x < img.getWidth(); x += 3) colours.add(
                img.getRGB(x, y));
        assertTrue(colours.size() > 10, "a chart, not a blank image: " + colours.size() + " colours");
        assertEquals(6, withStderr(err, () -> Nwf.run("eval", "--data", data.toString(), "--plot",
                chart.toString())), "an existing chart is kept without -f");
    }

    /**
     * A photo that went through JPEG (the bundled sample enlarged to 512×512, quality 0.75, saved as PNG) is coded with
     * its block grid under format 1.3 and comes out smaller than under 1.2; the default format, which also tries the
     * Haar split, is no larger. All decode exactly.
     */
    @Test
    void jpegDecodedPhotoIsCodedWithItsBlockGrid() throws IOException {
        Image small = SamplePhoto.write(dir.resolve("sample.png"), 0, 0, 256, 256);
        java.awt.image.BufferedImage large = new java.awt.image.BufferedImage(512, 512,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = large.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION,
                java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(ImageFiles.toBufferedImage(small), 0, 0, 512, 512, null);
        g.dispose();
        Image sample = ImageFiles.fromBufferedImage(large);
        Image decoded = JpegDecoded.of(sample, 0.75f);
        Path decodedPng = dir.resolve("from-jpeg.png");
        Files.write(decodedPng, ImageFiles.pngBytes(decoded));
        Path grid = dir.resolve("grid.nwf");
        Path noGrid = dir.resolve("nogrid.nwf");
        // under the 5/3 (Haar, also tried here, may win with or without the grid), as wavelet levels
        assertEquals(0, Nwf.run("encode", decodedPng.toString(), "-o", grid.toString(), "-q", "--without",
                "haar-split,pixel-levels"));
        assertEquals(0, Nwf.run("encode", decodedPng.toString(), "-o", noGrid.toString(), "-q", "--without",
                "haar-split,block-grid,pixel-levels"));
        assertTrue(lists(grid, CodingTool.BLOCK_GRID));
        assertFalse(lists(noGrid, CodingTool.BLOCK_GRID));
        assertTrue(Files.size(grid) < Files.size(noGrid), Files.size(grid) + " bytes with the grid, "
                + Files.size(noGrid) + " without");
        var info = toolJson(runPiped(new byte[0], "info", grid.toString(), "--json"), "block-grid");
        assertEquals(8, info.get("period").asInt(), "ImageIO's JPEG writer codes 8x8 blocks from the origin: " + info);
        assertEquals(0, info.get("startX").asInt(), info.toString());
        assertEquals(0, info.get("startY").asInt(), info.toString());
        for (Path f : List.of(grid, noGrid)) {
            Path back = dir.resolve("jpeg-back.png");
            assertEquals(0, Nwf.run("decode", f.toString(), "-o", back.toString(), "-q", "-f"));
            assertTrue(decoded.sameAs(ImageFiles.read(back)), f.toString());
        }
    }

    /** Runs {@code run}, putting what it writes to stderr into {@code err[0]}. */
    private static int withStderr(String[] err, java.util.function.IntSupplier run) {
        PrintStream old = System.err;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(buffer, true));
            return run.getAsInt();
        } finally {
            System.setErr(old);
            err[0] = buffer.toString(java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Test
    void demoCodesTheSampleWithEveryBundledModel() {
        String text = stdoutOf("demo");
        assertTrue(text.contains("nwf -m " + dev.nwf.zoo.ModelZoo.DEFAULT_MODEL)
                && text.contains("nwf -m rgflow-photo-v1"), text);
        assertTrue(text.contains("both decoded bit-exactly"), text);
    }

    @Test
    void infoPrintsJson() throws IOException {
        assertEquals(0, Nwf.run("encode", png.toString(), "-q", "--without", "pixel-levels"));
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(runPiped(new byte[0], "info",
                dir.resolve("photo.nwf").toString(), "--json"));
        assertEquals(101, json.get("width").asInt());
        assertEquals(77, json.get("height").asInt());
        assertEquals(dev.nwf.zoo.ModelZoo.DEFAULT_MODEL, json.get("model").asText());
        assertTrue(json.get("complete").asBoolean());
        var tools = json.get("tools");
        assertEquals("colour-transform", tools.get(0).get("name").asText(), tools.toString());
        assertEquals(tools.get(0).get("transform").asText(), json.get("colourTransform").asText());
        assertTrue(List.of("subtract-green", "green-first").contains(json.get("colourTransform").asText()),
                json.toString());
        assertEquals("adaptive-mean", tools.get(1).get("name").asText(), tools.toString());
        assertEquals(List.of("level", "width", "height", "bytes", "present"), fieldNames(json.get("levels").get(0)));
        // a bundled model's file is compact: a few bytes besides the levels, the tool list and the PNG's text
        assertEquals("compact", json.get("form").asText());
        long levels = 0;
        for (var l : json.get("levels")) levels += l.get("bytes").asLong();
        assertEquals(Files.size(dir.resolve("photo.nwf")), levels + json.get("containerBytes").asLong());
    }

    /** Issue #21: a 32x32 file spends at most 16 bytes on its container besides the tool list. */
    @Test
    void aSmallImageIsCodedCompact() throws IOException {
        Path small = dir.resolve("small.png");
        Image img = SamplePhoto.write(small, 40, 30, 32, 32);
        Path nwf = dir.resolve("small.nwf");
        assertEquals(0, Nwf.run("encode", small.toString(), "-o", nwf.toString(), "-q", "--strip"));
        var file = NwfContainer.read(nwf, ReadOptions.DEFAULT);
        assertEquals(NwfContainer.Form.COMPACT, file.form());
        long levels = 0;
        for (byte[] l : file.file().levels()) levels += l.length;
        long container = Files.size(nwf) - levels - file.file().header().tools().length;
        assertTrue(container <= 16, container + " bytes of container");
        Path back = dir.resolve("small-back.png");
        assertEquals(0, Nwf.run("decode", nwf.toString(), "-o", back.toString(), "-q"));
        assertTrue(img.sameAs(ImageFiles.read(back)));
    }

    /** The entry for a tool in `nwf info --json` output. */
    private static com.fasterxml.jackson.databind.JsonNode toolJson(byte[] info, String tool) throws IOException {
        for (var t : new com.fasterxml.jackson.databind.ObjectMapper().readTree(info).get("tools")) {
            if (t.get("name").asText().equals(tool)) return t;
        }
        throw new AssertionError("no " + tool + " in " + new String(info, java.nio.charset.StandardCharsets.UTF_8));
    }

    private static List<String> fieldNames(com.fasterxml.jackson.databind.JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void upsampleDoublesTheSize() throws IOException {
        Path out = dir.resolve("big.png");
        assertEquals(0, Nwf.run("upsample", png.toString(), "--factor", "2", "-o", out.toString()));
        Image big = ImageFiles.read(out);
        assertEquals(202, big.width());
        assertEquals(154, big.height());
        // the upsampler only adds detail: coding the result with 5/3 levels and decoding one level less gives the
        // input back (up to samples the upsampler had to clamp into range, and the colour transform's rounding)
        Path nwf = dir.resolve("big.nwf");
        assertEquals(0, Nwf.run("encode", out.toString(), "-o", nwf.toString(), "-q", "--without",
                "haar-split,pixel-levels"));
        Path half = dir.resolve("big-half.png");
        assertEquals(0, Nwf.run("decode", nwf.toString(), "--level", "1", "-o", half.toString(), "-q"));
        Image back = ImageFiles.read(half);
        long err = 0;
        for (int c = 0; c < 3; c++) for (int i = 0; i < back.plane(c).length; i++) err += Math.abs(back.plane(c)[i]
                - original.plane(c)[i]);
        // (the encoder's subtract green rounds its 5/3 low-pass apart from the upsampler's YCoCg-R: about half a level;
        // a Haar level instead measured 3.2)
        assertTrue(err / (3.0 * back.pixels()) < 0.75, "mean abs error " + err / (3.0 * back.pixels()));
    }

    @Test
    void upsampleFromABoxDownscaleWritesAComparisonStrip() throws IOException {
        Path out = dir.resolve("big-box.png");
        Path strip = dir.resolve("strip.png");
        assertEquals(0, Nwf.run("upsample", png.toString(), "--from", "box", "-t", "0.5", "--compare", strip.toString(),
                "-o", out.toString()));
        Image big = ImageFiles.read(out);
        assertEquals(202, big.width());
        // four panels of the output's centre (all of it, under 256x256) with 4 columns between them
        Image s = ImageFiles.read(strip);
        assertEquals(4 * 202 + 3 * 4, s.width());
        assertEquals(154, s.height());
        // the third panel is the mean (temperature 0), the fourth the output, sampled at the temperature asked
        Image mean = ImageOps.crop(s, 2 * (202 + 4), 0, 202, 154);
        Image sampled = ImageOps.crop(s, 3 * (202 + 4), 0, 202, 154);
        assertFalse(mean.sameAs(sampled));
        assertTrue(ImageOps.crop(s, 3 * (202 + 4), 0, 202, 154).sameAs(big), "the sample is the output at -t 0.5");
        assertEquals(2, Nwf.run("upsample", png.toString(), "--from", "bicubic", "-o", out.toString(), "-f"));
    }

    @Test
    void iccProfileAndTextEntriesAreCarriedThrough() throws IOException {
        byte[] icc = java.awt.color.ICC_Profile.getInstance(java.awt.color.ColorSpace.CS_LINEAR_RGB).getData();
        Path in = dir.resolve("tagged.png");
        try (var out = Files.newOutputStream(in)) {
            ImageFiles.writePng(new ImageFiles.Picture(original, icc, java.util.Map.of("Title", "tagged", "Author",
                    "nwf")), out);
        }
        Path nwf = dir.resolve("tagged.nwf");
        assertEquals(0, Nwf.run("encode", in.toString(), "-o", nwf.toString(), "-q"));
        Path back = dir.resolve("tagged-back.png");
        assertEquals(0, Nwf.run("decode", nwf.toString(), "-o", back.toString(), "-q"));
        ImageFiles.Picture p;
        try (var s = Files.newInputStream(back)) {
            p = ImageFiles.readPicture(s, "back");
        }
        assertTrue(original.sameAs(p.image()));
        assertArrayEquals(icc, p.icc(), "ICC profile");
        assertEquals(java.util.Map.of("Title", "tagged", "Author", "nwf"), p.text());
        // --strip drops them on purpose: the same pixels, no profile, no text
        assertEquals(0, Nwf.run("encode", in.toString(), "-o", nwf.toString(), "-q", "-f", "--strip"));
        assertEquals(0, Nwf.run("decode", nwf.toString(), "-o", back.toString(), "-q", "-f"));
        try (var s = Files.newInputStream(back)) {
            p = ImageFiles.readPicture(s, "back");
        }
        assertTrue(original.sameAs(p.image()));
        assertEquals(null, p.icc());
        assertEquals(java.util.Map.of(), p.text());
    }

    /** Issue #22: a PNG's ancillary chunks (colour, size, time, every kind of text, EXIF) survive encode, decode. */
    @Test
    void pngChunksAreKeptListedAndStrippedOnRequest() throws IOException {
        List<PngChunks.Chunk> chunks = List.of(new PngChunks.Chunk("gAMA", new byte[] {0, 0, (byte) 0xB1, (byte) 0x8F}),
                new PngChunks.Chunk("pHYs", new byte[] {0, 0, 0x0B, 0x13, 0, 0, 0x0B, 0x13, 1}),
                new PngChunks.Chunk("tIME", new byte[] {0x07, (byte) 0xEA, 12, 2, 10, 30, 0}),
                new PngChunks.Chunk("iTXt", "Title\0\0\0fr\0Titre\0Un été".getBytes(
                        java.nio.charset.StandardCharsets.UTF_8)),
                new PngChunks.Chunk("eXIf", new byte[] {'M', 'M', 0, 42, 0, 0, 0, 8, 0, 0}));
        Path in = dir.resolve("chunky.png");
        try (var out = Files.newOutputStream(in)) {
            ImageFiles.writePng(new ImageFiles.Picture(original, null, java.util.Map.of(), chunks), out);
        }
        Path nwf = dir.resolve("chunky.nwf");
        assertEquals(0, Nwf.run("encode", in.toString(), "-o", nwf.toString(), "-q"));
        String info = stdoutOf("info", nwf.toString());
        assertTrue(info.contains("PNG chunks kept: gAMA (4 bytes), pHYs (9 bytes), tIME (7 bytes), iTXt")
                && info.contains("text Title: Un été"), info);
        Path back = dir.resolve("chunky-back.png");
        assertEquals(0, Nwf.run("decode", nwf.toString(), "-o", back.toString(), "-q"));
        assertEquals(chunks, PngChunks.read(Files.readAllBytes(back)).chunks());
        assertTrue(original.sameAs(ImageFiles.read(back)));
        assertEquals(0, Nwf.run("encode", in.toString(), "-o", nwf.toString(), "-q", "-f", "--strip"));
        assertEquals(0, Nwf.run("decode", nwf.toString(), "-o", back.toString(), "-q", "-f"));
        assertEquals(List.of(), PngChunks.read(Files.readAllBytes(back)).chunks());
    }

    @Test
    void grayAlphaAnd16BitFilesRoundTrip() throws IOException {
        Random r = new Random(5);
        for (int channels : new int[] {1, 2, 4}) {
            for (int depth : new int[] {8, 16}) {
                int w = 33;
                int h = 21;
                int[][] p = new int[channels][w * h];
                for (int[] plane : p) for (int i = 0; i < plane.length; i++) plane[i] = (i * 37
                        + r.nextInt(50)) % (1 << depth);
                Image img = new Image(w, h, depth, p);
                Path in = dir.resolve("t" + channels + "-" + depth + ".png");
                Files.write(in, ImageFiles.pngBytes(img));
                assertTrue(img.sameAs(ImageFiles.read(in)), "PNG fixture itself round-trips");
                Path nwf = dir.resolve("t" + channels + "-" + depth + ".nwf");
                assertEquals(0, Nwf.run("encode", in.toString(), "-o", nwf.toString(), "-q"));
                Path out = dir.resolve("o" + channels + "-" + depth + ".png");
                assertEquals(0, Nwf.run("decode", nwf.toString(), "-o", out.toString(), "-q"));
                assertTrue(img.sameAs(ImageFiles.read(out)), channels + " channels, " + depth + " bit");
            }
        }
    }
}
