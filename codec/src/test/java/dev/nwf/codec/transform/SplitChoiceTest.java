package dev.nwf.codec.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nwf.codec.Image;
import org.junit.jupiter.api.Test;

class SplitChoiceTest {

    /** Each pixel of the test image names its own position, so a mosaic pixel tells where it was taken from. */
    private static Image positions(int w, int h) {
        int[][] p = new int[2][w * h];
        for (int i = 0; i < w * h; i++) {
            p[0][i] = i % w;
            p[1][i] = i / w;
        }
        return new Image(w, h, 16, p);
    }

    @Test
    void smallImagesAreTriedWhole() {
        Image small = positions(512, 512);
        assertSame(small, SplitChoice.sample(small));
        Image thin = positions(2000, 100);
        assertSame(thin, SplitChoice.sample(thin));
    }

    @Test
    void aThinImageGivesAStripOfPiecesFromAlongIt() {
        for (Image img : new Image[] {positions(5000, 100), positions(16, 20_000)}) {
            boolean wide = img.width() > img.height();
            Image s = SplitChoice.sample(img);
            int pieces = SplitChoice.TILES * SplitChoice.TILES;
            int across = wide ? img.height() : img.width();
            assertEquals(across, wide ? s.height() : s.width(), "the short side whole");
            int length = (wide ? s.width() : s.height()) / pieces;
            assertEquals(0, length % SplitChoice.ALIGN);
            assertTrue(s.pixels() <= 160_000 && s.pixels() >= 100_000, "about a mosaic's pixels: " + s.pixels());
            int along = wide ? img.width() : img.height();
            for (int i = 0; i < pieces; i++) {
                int first = wide ? i * length : i * length * s.width();
                int lastOffset = wide ? length - 1 : (length - 1) * s.width();
                int start = s.plane(wide ? 0 : 1)[first];
                assertEquals(0, start % SplitChoice.ALIGN, "pieces keep positions modulo 16");
                assertEquals(i, (start + length / 2) * pieces / along, "piece " + i + " centred on its cell");
                assertEquals(start + length - 1, s.plane(wide ? 0 : 1)[first + lastOffset], "a contiguous piece");
            }
        }
    }

    @Test
    void aMosaicTakesAlignedTilesFromAcrossTheImage() {
        Image img = positions(1283, 801);
        Image m = SplitChoice.sample(img);
        int tile = SplitChoice.MAX_TILE;
        assertEquals(SplitChoice.TILES * tile, m.width());
        assertEquals(SplitChoice.TILES * tile, m.height());
        for (int ty = 0; ty < SplitChoice.TILES; ty++) {
            for (int tx = 0; tx < SplitChoice.TILES; tx++) {
                int corner = ty * tile * m.width() + tx * tile;
                int x0 = m.plane(0)[corner];
                int y0 = m.plane(1)[corner];
                assertEquals(0, x0 % SplitChoice.ALIGN, "tile origins keep positions modulo 16 (block grids line up)");
                assertEquals(0, y0 % SplitChoice.ALIGN);
                assertTrue(x0 + tile <= img.width() && y0 + tile <= img.height(), "tiles lie inside the image");
                // the tile's cell: its centre falls in cell (tx, ty) of a 4x4 grid over the image
                assertEquals(tx, (x0 + tile / 2) * SplitChoice.TILES / img.width());
                assertEquals(ty, (y0 + tile / 2) * SplitChoice.TILES / img.height());
                int last = corner + (tile - 1) * m.width() + tile - 1;
                assertEquals(x0 + tile - 1, m.plane(0)[last], "a tile is a contiguous crop");
                assertEquals(y0 + tile - 1, m.plane(1)[last]);
            }
        }
    }

    @Test
    void narrowerImagesGetNarrowerTiles() {
        Image img = positions(300, 2000);
        Image m = SplitChoice.sample(img);
        assertEquals(SplitChoice.TILES * 64, m.width(), "300 / 4 = 75, down to a multiple of 16");
        assertEquals(SplitChoice.TILES * SplitChoice.MAX_TILE, m.height());
    }

    @Test
    void theSmallerTrialWinsAndTiesKeepThe53() {
        assertEquals(Lifting.Filter.HAAR, SplitChoice.better(1000, 999));
        assertEquals(Lifting.Filter.LE_GALL_53, SplitChoice.better(1000, 1000));
        assertEquals(Lifting.Filter.LE_GALL_53, SplitChoice.better(1000, 1200));
    }
}
