package dev.nwf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nwf.codec.Image;
import dev.nwf.web.HeadlessChromium;
import dev.nwf.codec.NwfCodec;
import dev.nwf.codec.SyntheticImages;
import dev.nwf.format.NwfContainer;
import dev.nwf.zoo.ModelZoo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The viewer as a person sees it: {@code nwf serve} with a throttle, the page in headless Chromium streaming a file,
 * painting level after level; the final canvas must hold the source image's pixels. Screenshots early and at the end
 * stay in target/viewer/ (first.png, final.png).
 */
class ViewerInChromiumTest {
    @Test
    void thePagePaintsEachLevelAndEndsWithTheSourcePixels() throws Exception {
        Path work = Path.of("target/viewer").toAbsolutePath();
        Files.createDirectories(work);
        Image source = SyntheticImages.synthetic(192, 144, 3, 8, 11);
        NwfCodec codec = new NwfCodec(ModelZoo.builtin().get(ModelZoo.DEFAULT_MODEL).model());
        byte[] nwf = NwfContainer.toBytes(codec.encode(source));
        Files.write(work.resolve("photo.nwf"), nwf);
        // about three seconds for the whole file, so that levels arrive one after another
        long rate = Math.max(2000, nwf.length / 3);
        try (NwfServer server = new NwfServer(work, "127.0.0.1", 0, rate);
             HeadlessChromium page = new HeadlessChromium(work, "http://127.0.0.1:" + server.port()
                     + "/?file=photo.nwf")) {
            String view = "document.getElementById('view').dataset";
            page.await(view + ".levels", 60_000);
            page.screenshot(work.resolve("first.png"));
            String first = page.evaluate(view + ".levels");
            page.await(view + ".done === 'true'", 120_000);
            page.screenshot(work.resolve("final.png"));
            assertEquals("\"true\"", page.evaluate(view + ".complete"), page.evaluate("document.body.innerText"));
            assertEquals("\"wasm\"", page.evaluate(view + ".backend"), "the WebAssembly build decoded");
            String levels = page.evaluate(view + ".levels");
            assertTrue(levels.split(",").length >= 2, "levels painted as they arrived: " + levels + " (first "
                    + first + ")");
            assertEquals("\"" + rgbaHash(source) + "\"", page.evaluate(view + ".rgba"), "the final canvas's pixels");
            assertTrue(Files.size(work.resolve("first.png")) > 0 && Files.size(work.resolve("final.png")) > 0);
        }
    }

    /** A file that is not .nwf, and one cut inside its first level: a message on the page, not a hung tab. */
    @Test
    void badInputGivesAMessageOnThePage() throws Exception {
        Path work = Path.of("target/viewer-bad").toAbsolutePath();
        Files.createDirectories(work);
        Files.writeString(work.resolve("not.nwf"), "GIF89a, not an nwf file at all");
        Image source = SyntheticImages.synthetic(64, 48, 3, 8, 3);
        byte[] nwf = NwfContainer.toBytes(new NwfCodec(ModelZoo.builtin().get(ModelZoo.DEFAULT_MODEL).model())
                .encode(source));
        Files.write(work.resolve("cut.nwf"), java.util.Arrays.copyOf(nwf, 6));
        try (NwfServer server = new NwfServer(work, "127.0.0.1", 0, 0)) {
            for (String file : List.of("not.nwf", "cut.nwf", "missing.nwf")) {
                try (HeadlessChromium page = new HeadlessChromium(work, "http://127.0.0.1:" + server.port()
                        + "/?file=" + file)) {
                    page.await("document.getElementById('view').dataset.done === 'true'", 60_000);
                    String status = page.evaluate("document.getElementById('status').textContent");
                    assertTrue(status.contains("cannot show this file") || status.contains("no level arrived whole"),
                            file + ": " + status);
                    assertEquals("\"error\"", page.evaluate("document.getElementById('status').className"), file);
                }
            }
        }
    }

    /** The page's FNV-1a over 8-bit RGBA. */
    private static String rgbaHash(Image img) {
        int h = 0x811c9dc5;
        for (int i = 0; i < img.width() * img.height(); i++) {
            for (int c = 0; c < 4; c++) {
                int v = c < 3 ? img.plane(c)[i] : 255;
                h ^= v;
                h *= 0x01000193;
            }
        }
        return Integer.toHexString(h);
    }
}
