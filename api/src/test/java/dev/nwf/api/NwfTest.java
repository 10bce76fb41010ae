package dev.nwf.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nwf.codec.Image;
import dev.nwf.codec.SyntheticImages;
import dev.nwf.files.ImageFiles;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one-call API: round trips, progressive levels, and errors a caller can act on. */
class NwfTest {
    @Test
    void bufferedImagesAndFilesRoundTrip(@TempDir Path dir) throws IOException {
        Image graphic = SyntheticImages.graphic(77, 45, 4, 8, 21);
        assertSame(graphic, Nwf.decode(Nwf.encode(ImageFiles.toBufferedImage(graphic))));
        Image photo = SyntheticImages.waves(64, 48, 22);
        Path png = dir.resolve("photo.png");
        ImageIO.write(ImageFiles.toBufferedImage(photo), "png", png.toFile());
        assertSame(photo, Nwf.decode(new ByteArrayInputStream(Nwf.encode(png))));
    }

    @Test
    void progressSeesEveryLevelCoarsestFirst() throws IOException {
        // six levels in the plan: two of them before the raster finish's (SPEC.md §4.4.1), then the image
        Image graphic = SyntheticImages.graphic(480, 320, 3, 8, 23);
        byte[] nwf = Nwf.encode(ImageFiles.toBufferedImage(graphic));
        List<int[]> seen = new ArrayList<>();
        BufferedImage last = Nwf.decode(new ByteArrayInputStream(nwf),
                (level, levels, image) -> seen.add(new int[] {level, levels, image.getWidth()}));
        assertTrue(seen.size() > 2, seen.size() + " levels");
        for (int i = 0; i < seen.size(); i++) {
            assertEquals(i, seen.get(i)[0]);
            assertEquals(seen.size(), seen.get(i)[1]);
            if (i > 0) assertTrue(seen.get(i)[2] > seen.get(i - 1)[2]);
        }
        assertEquals(480, seen.get(seen.size() - 1)[2]);
        assertSame(graphic, last);
    }

    @Test
    void aCutFileIsAnErrorAfterItsWholeLevels() throws IOException {
        byte[] nwf = Nwf.encode(ImageFiles.toBufferedImage(SyntheticImages.graphic(240, 160, 3, 8, 24)));
        List<Integer> seen = new ArrayList<>();
        IOException e = assertThrows(IOException.class, () -> Nwf.decode(new ByteArrayInputStream(
                Arrays.copyOf(nwf, nwf.length - 30)), (level, levels, image) -> seen.add(level)));
        assertTrue(e.getMessage() != null && !e.getMessage().isEmpty());
        assertTrue(!seen.isEmpty(), "the levels that arrived whole were shown");
        assertThrows(IOException.class, () -> Nwf.decode(new byte[] {1, 2, 3}));
    }

    private static void assertSame(Image expected, BufferedImage actual) {
        Image got = ImageFiles.fromBufferedImage(actual);
        assertEquals(expected.width(), got.width());
        assertEquals(expected.channels(), got.channels());
        for (int c = 0; c < expected.channels(); c++) assertArrayEquals(expected.plane(c), got.plane(c));
    }
}
