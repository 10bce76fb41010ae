package dev.nwf.codec.transform;

import dev.nwf.codec.Image;

/**
 * The encoder's choice of split filter for an image (SPEC.md §4.2; not normative). Haar leaves no detail in flat and
 * staircase areas, which quantised smooth images (decoded JPEGs, their chroma above all) are full of; the 5/3
 * predicts textured areas better. Neither can be told from simple statistics as well as by coding, so the encoder
 * codes a sample of the image both ways: the whole image when it is small, else a mosaic of tiles taken on a 4×4 grid
 * across it (so sky and foreground both count; pieces along a thin image), each tile keeping its position modulo 16
 * so that a block grid (§6.3.5) still lines up.
 */
public final class SplitChoice {
    /** Images up to this many pixels are tried whole; with a side under {@link #MIN_SIDE_FOR_MOSAIC}, as a strip. */
    static final long WHOLE_TRIAL_PIXELS = 1L << 18;
    static final int MIN_SIDE_FOR_MOSAIC = 4 * 32;
    /**
     * Tiles per side of the mosaic, and the largest tile side: a 384×384 mosaic, 0.15 MP, so the trial adds about a
     * fifth to a megapixel image's encode. On set A, 128-px tiles chose the same as 96-px ones, 64-px tiles one photo
     * worse.
     */
    static final int TILES = 4;
    static final int MAX_TILE = 96;
    /** Tile sides and origins are multiples of this: JPEG's largest block (4:2:0 chroma) and every grid period. */
    static final int ALIGN = 16;
    private SplitChoice() {
    }

    /** The filter whose trial coded smaller (the 5/3 on a tie): on set A this picks the smaller file for 15 of 16
     * photos (the miss: 0.15 %). */
    public static Lifting.Filter better(long legallBytes, long haarBytes) {
        return haarBytes < legallBytes ? Lifting.Filter.HAAR : Lifting.Filter.LE_GALL_53;
    }

    /**
     * What the trial codes: the image itself when small, a strip of its long side when thin, else its mosaic. The
     * encoder keeps the smaller file where the image itself was tried.
     */
    public static Image sample(Image image) {
        if (image.pixels() <= WHOLE_TRIAL_PIXELS) return image;
        if (Math.min(image.width(), image.height()) < MIN_SIDE_FOR_MOSAIC) return strip(image);
        return mosaic(image);
    }

    /**
     * {@value #TILES}×{@value #TILES} tiles, each centred (rounded down to a multiple of {@value #ALIGN}) on a cell of
     * a {@value #TILES}×{@value #TILES} grid over the image, side by side.
     */
    static Image mosaic(Image image) {
        return tiles(image, TILES, tileSide(image.width()), TILES, tileSide(image.height()));
    }

    /**
     * A thin image's sample: {@value #TILES}² pieces of its long side, the short side whole, about as many pixels as
     * a mosaic (a 2,000,000×1 image was coded whole under every trial, five times the time of a square one's).
     */
    static Image strip(Image image) {
        int pieces = TILES * TILES;
        boolean wide = image.width() >= image.height();
        int across = wide ? image.height() : image.width();
        long mosaicPixels = (long) TILES * MAX_TILE * TILES * MAX_TILE;
        // shorter than the image: it holds more than 2^18 pixels, its short side fewer than 128
        int piece = (int) Math.max(ALIGN, mosaicPixels / across / pieces / ALIGN * ALIGN);
        return wide ? tiles(image, pieces, piece, 1, across) : tiles(image, 1, across, pieces, piece);
    }

    /** {@code nx}×{@code ny} tiles of {@code tw}×{@code th}, each centred on its cell, side by side. */
    private static Image tiles(Image image, int nx, int tw, int ny, int th) {
        int mw = nx * tw;
        int[][] planes = new int[image.channels()][mw * ny * th];
        for (int ty = 0; ty < ny; ty++) {
            int y0 = origin(ty, ny, image.height(), th);
            for (int tx = 0; tx < nx; tx++) {
                int x0 = origin(tx, nx, image.width(), tw);
                for (int c = 0; c < planes.length; c++) {
                    int[] src = image.plane(c);
                    for (int y = 0; y < th; y++) {
                        System.arraycopy(src, (y0 + y) * image.width() + x0, planes[c], (ty * th + y) * mw + tx * tw,
                                tw);
                    }
                }
            }
        }
        return new Image(mw, ny * th, image.bitDepth(), planes);
    }

    private static int tileSide(int side) {
        return Math.min(MAX_TILE, side / TILES / ALIGN * ALIGN);
    }

    private static int origin(int cell, int cells, int side, int tile) {
        int centre = (int) ((2L * cell + 1) * side / (2 * cells));
        return Math.max(0, Math.min(side - tile, centre - tile / 2)) / ALIGN * ALIGN;
    }
}
