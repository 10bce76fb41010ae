package dev.nwf.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nwf.cli.Nwf;
import dev.nwf.codec.Image;
import dev.nwf.files.ImageFiles;
import dev.nwf.format.NwfContainer;
import dev.nwf.format.ReadOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The second model family through the same commands: the family is a property of the model, not of the CLI. */
class RgFlowCliTest {
    static final String MODEL = "rgflow-photo-v1";

    @TempDir
    Path dir;
    Path png;
    Image original;

    @BeforeEach
    void writeSample() throws IOException {
        png = dir.resolve("photo.png");
        original = SamplePhoto.write(png, 30, 40, 101, 77);
    }

    @Test
    void encodeDecodeAndProgressiveLevelsWork() throws IOException {
        Path nwf = dir.resolve("photo.nwf");
        assertEquals(0, Nwf.run("encode", png.toString(), "-m", MODEL, "-o", nwf.toString(), "-q"));
        assertTrue(Files.size(nwf) < Files.size(png), "smaller than PNG");
        Path out = dir.resolve("back.png");
        assertEquals(0, Nwf.run("decode", nwf.toString(), "-o", out.toString(),
                "-q")); // the model comes from the header
        assertTrue(original.sameAs(ImageFiles.read(out)));
        Path half = dir.resolve("half.png");
        assertEquals(0, Nwf.run("decode", nwf.toString(), "--level", "1", "-o", half.toString(), "-q"));
        Image h = ImageFiles.read(half);
        // the level before the finest: half the size, or 1/2^t after a raster finish (SPEC.md §4.4.1)
        var index = NwfContainer.read(Files.readAllBytes(nwf), ReadOptions.DEFAULT).file().levelIndex();
        var before = index.get(index.size() - 2);
        assertTrue(before.width() == 51 || before.width() == (101 + 7) / 8, before.toString());
        assertEquals(before.width(), h.width());
        assertEquals(before.height(), h.height());
        assertEquals(0, Nwf.run("verify", nwf.toString(), "--against", png.toString()));
    }

    @Test
    void upsampleDoublesTheSizeAndStaysCloseToTheInput() throws IOException {
        Path out = dir.resolve("big.png");
        assertEquals(0, Nwf.run("upsample", png.toString(), "-m", MODEL, "--factor", "2", "-o", out.toString()));
        Image big = ImageFiles.read(out);
        assertEquals(202, big.width());
        assertEquals(154, big.height());
        // the flow's defining property: coding the result and decoding one level less gives the input back, up to the
        // samples the upsampler had to clamp into range (a 64x64 mid-tone input: no padding, the same periodic grid
        // both ways, nothing near 0 or 255)
        Path small = dir.resolve("small.png");
        int[][] p = new int[3][64 * 64];
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < 64; y++) for (int x = 0; x < 64; x++) p[c][y * 64 + x] = (int) (128 + 40 * Math.sin(x
                    / 5.0 + c) * Math.cos(y / 7.0));
        }
        Image square = new Image(64, 64, 8, p);
        Files.write(small, ImageFiles.pngBytes(square));
        Path up = dir.resolve("up.png");
        assertEquals(0, Nwf.run("upsample", small.toString(), "-m", MODEL, "-o", up.toString()));
        Path nwf = dir.resolve("up.nwf");
        assertEquals(0, Nwf.run("encode", up.toString(), "-m", MODEL, "-o", nwf.toString(), "-q"));
        Path half = dir.resolve("up-half.png");
        assertEquals(0, Nwf.run("decode", nwf.toString(), "--level", "1", "-o", half.toString(), "-q"));
        Image back = ImageFiles.read(half);
        assertEquals(64, back.width());
        long err = 0;
        for (int c = 0; c < 3; c++) for (int i = 0; i < back.plane(c).length; i++) err += Math.abs(back.plane(c)[i]
                - square.plane(c)[i]);
        assertTrue(err / (3.0 * back.pixels()) < 1, "mean abs error " + err / (3.0 * back.pixels()));
    }

    @Test
    void receptiveFieldPngHasOnePanelPerStep() throws IOException {
        Path out = dir.resolve("rf.png");
        assertEquals(0, Nwf.run("inspect", "receptive-field", "-m", MODEL, "--size", "32", "--steps", "2", "--scale",
                "2", "-o", out.toString()));
        Image rf = ImageFiles.read(out);
        assertEquals(2 * 64 + 4, rf.width());
        assertEquals(64, rf.height());
        assertEquals(2, Nwf.run("inspect", "receptive-field", "-m", "nwf-photo-v1", "-o",
                dir.resolve("x.png").toString()), "nwf has no RG steps");
        assertEquals(2, Nwf.run("inspect", "receptive-field", "-m", MODEL, "--size", "30", "-o",
                dir.resolve("y.png").toString()), "size not a multiple");
    }

    @Test
    void evalPrintsBothFamiliesSideBySide() throws IOException {
        Path data = Files.createDirectory(dir.resolve("data"));
        Files.copy(png, data.resolve("a.png"));
        PrintStream old = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true));
            assertEquals(0, Nwf.run("eval", "-m", "nwf-photo-v1," + MODEL, "--data", data.toString(), "--sizes",
                    "32,full"));
        } finally {
            System.setOut(old);
        }
        String text = out.toString(StandardCharsets.UTF_8);
        String[] lines = text.split("\n");
        assertTrue(lines[1].contains("nwf-photo-v1") && lines[1].contains(MODEL), text);
        assertTrue(lines[2].startsWith("32 ") && lines[3].startsWith("full "), text);
        assertEquals(5, lines[3].trim().split("\\s+").length, "size, images, subpixels and one bpsp per model: "
                + lines[3]);
    }
}
