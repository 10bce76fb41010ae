package dev.nwf.imageio;

import dev.nwf.codec.Decoded;
import dev.nwf.codec.Image;
import dev.nwf.codec.ImageOps;
import dev.nwf.codec.LevelListener;
import dev.nwf.codec.NwfDecoder;
import dev.nwf.files.ImageFiles;
import dev.nwf.format.LevelInfo;
import dev.nwf.format.NwfContainer;
import dev.nwf.format.NwfHeader;
import dev.nwf.format.NwfStreamReader;
import dev.nwf.format.ReadOptions;
import dev.nwf.zoo.ModelZoo;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.IIOException;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.stream.ImageInputStream;

/**
 * Reads a .nwf file through javax.imageio. The header gives the size without decoding; {@link #read} decodes level by
 * level as the stream delivers bytes, and reports each level as a progressive pass (passStarted, imageUpdate,
 * passComplete) drawn into the destination at its final size. A source subsampling of 2^k (the larger of the two
 * factors, rounded down to a power of two, at most the coarsest level's stride) decodes the levels down to the first
 * of at least ⌈size / 2^k⌉ and returns that image, every 2^j-th pixel of it where that level is larger (after a
 * raster finish's jump, SPEC.md §4.4.1, the level before the finest is 2^t smaller). A stream cut short
 * gives the last whole level, scaled to the full size, and a warning; one cut before its first level is an error.
 */
public final class NwfImageReader extends ImageReader {
    private NwfHeader header;
    /** Each level's size (SPEC.md §2.5): the levels halve, the finest perhaps after a jump. */
    private List<LevelInfo> index;
    private Map<String, String> text;
    private byte[] icc;
    private byte[] exif;

    NwfImageReader(ImageReaderSpi spi) {
        super(spi);
    }

    @Override
    public void setInput(Object input, boolean seekForwardOnly, boolean ignoreMetadata) {
        super.setInput(input, seekForwardOnly, ignoreMetadata);
        header = null;
    }

    private ImageInputStream stream() {
        if (!(input instanceof ImageInputStream in)) throw new IllegalStateException("no input set");
        return in;
    }

    /** Reads the header and the chunks before the level index (metadata), then returns to where the file starts. */
    private NwfHeader header() throws IOException {
        if (header != null) return header;
        ImageInputStream in = stream();
        in.mark();
        try {
            NwfStreamReader reader = NwfContainer.open(new StreamInput(in), ReadOptions.DEFAULT);
            header = reader.header();
            index = reader.levelIndex();
            text = textOf(reader.metadata());
            icc = reader.icc();
            exif = reader.exif();
        } catch (IOException e) {
            throw new IIOException("not a readable .nwf file: " + e.getMessage(), e);
        } finally {
            in.reset();
        }
        return header;
    }

    private static Map<String, String> textOf(Map<String, Object> metadata) {
        return dev.nwf.files.PngChunks.textOf(metadata);
    }

    private static void checkIndex(int imageIndex) {
        if (imageIndex != 0) throw new IndexOutOfBoundsException("a .nwf file holds one image, not " + imageIndex);
    }

    @Override
    public int getNumImages(boolean allowSearch) {
        return 1;
    }

    @Override
    public int getWidth(int imageIndex) throws IOException {
        checkIndex(imageIndex);
        return header().width();
    }

    @Override
    public int getHeight(int imageIndex) throws IOException {
        checkIndex(imageIndex);
        return header().height();
    }

    @Override
    public Iterator<ImageTypeSpecifier> getImageTypes(int imageIndex) throws IOException {
        checkIndex(imageIndex);
        NwfHeader h = header();
        return List.of(ImageTypeSpecifier.createFromRenderedImage(ImageFiles.toBufferedImage(
                new Image(1, 1, h.bitDepth(), new int[h.channels()][1]), icc))).iterator();
    }

    @Override
    public IIOMetadata getStreamMetadata() {
        return null;
    }

    @Override
    public IIOMetadata getImageMetadata(int imageIndex) throws IOException {
        checkIndex(imageIndex);
        return new NwfMetadata(header(), text, icc, exif);
    }

    @Override
    public BufferedImage read(int imageIndex, ImageReadParam param) throws IOException {
        checkIndex(imageIndex);
        NwfHeader h = header();
        int n = h.levels();
        int k = 0;
        if (param != null) {
            int s = Math.max(param.getSourceXSubsampling(), param.getSourceYSubsampling());
            k = 31 - Integer.numberOfLeadingZeros(Math.max(1, s));
        }
        // at most the coarsest level's stride: 2^(n-1), or 2^(n-2+J) after a jump J before the finest (a raster
        // finish, whose levels skip the strides between)
        int jump = n < 2 ? 1 : h.finestJump(index.get(n - 2).width(), index.get(n - 2).height());
        k = Math.min(k, n < 2 ? 0 : n - 2 + jump);
        int width = (int) ((h.width() + (1L << k) - 1) >> k);
        int height = (int) ((h.height() + (1L << k) - 1) >> k);
        // the coarsest level at least that large; a larger one (inside a jump) is decimated to it
        int lastPass = 0;
        while (index.get(lastPass).width() < width || index.get(lastPass).height() < height) lastPass++;
        int drop = n - 1 - lastPass;
        Passes passes = new Passes(width, height, lastPass);
        processImageStarted(imageIndex);
        Decoded d;
        try {
            d = NwfDecoder.of(ModelZoo.builtin()).droppingFinest(drop).allowingPartial(true).withListener(passes)
                    .decode(new StreamInput(stream()));
        } catch (Aborted e) {
            processReadAborted();
            return passes.destination;
        } catch (IOException e) {
            throw new IIOException("cannot decode the .nwf file: " + e.getMessage(), e);
        }
        // with listeners the destination already shows the last level decoded
        BufferedImage result = passes.destination != null ? passes.destination : scaled(d.image(), width, height);
        if (d.stopReason() != null && d.levelsDecoded() < lastPass + 1) {
            processWarningOccurred("only " + d.levelsDecoded() + " of " + (lastPass + 1) + " levels decoded: "
                    + d.stopReason());
        }
        processImageComplete();
        return result;
    }

    /**
     * The image at the destination's size: itself, decimated (a level past the size asked for: pixel levels hold the
     * image's pixels, so every 2^j-th of them is what a level of that stride would hold), or scaled up by repeating
     * pixels (a cut file's last level).
     */
    private BufferedImage scaled(Image level, int width, int height) {
        level = decimated(level, width, height);
        if (level.width() == width && level.height() == height) return ImageFiles.toBufferedImage(level, icc);
        BufferedImage out = blank(level, width, height);
        paint(out, level);
        return out;
    }

    /** An empty image of the destination's size, with the level's channels and depth. */
    private BufferedImage blank(Image level, int width, int height) {
        return ImageFiles.toBufferedImage(new Image(width, height, level.bitDepth(),
                new int[level.channels()][width * height]), icc);
    }

    /** A level larger than {@code width} x {@code height} by 2^j as every 2^j-th pixel; else the level itself. */
    static Image decimated(Image level, int width, int height) {
        int f = 1;
        while ((level.width() + f - 1) / f > width || (level.height() + f - 1) / f > height) f *= 2;
        return f == 1 ? level : ImageOps.decimate(level, f);
    }

    /** Draws a level into the destination, each of its pixels as a block (nearest neighbour). */
    private static void paint(BufferedImage destination, Image level) {
        level = decimated(level, destination.getWidth(), destination.getHeight());
        int w = destination.getWidth();
        int h = destination.getHeight();
        var raster = destination.getRaster();
        int[] row = new int[w];
        for (int c = 0; c < level.channels(); c++) {
            int[] plane = level.plane(c);
            for (int y = 0; y < h; y++) {
                int sy = (int) ((long) y * level.height() / h);
                for (int x = 0; x < w; x++) row[x] = plane[sy * level.width() + (int) ((long) x * level.width() / w)];
                raster.setSamples(0, y, w, 1, c, row);
            }
        }
    }

    /** Turns each decoded level into a progressive pass over the destination, while someone listens. */
    private final class Passes implements LevelListener {
        private final int width;
        private final int height;
        private final int lastPass;
        BufferedImage destination;

        Passes(int width, int height, int lastPass) {
            this.width = width;
            this.height = height;
            this.lastPass = lastPass;
        }

        @Override
        public boolean wantsImages() {
            return updateListeners != null && !updateListeners.isEmpty();
        }

        @Override
        public void levelDecoded(int level, int totalLevels, Image image) {
            if (abortRequested()) throw new Aborted();
            if (destination == null) destination = blank(image, width, height);
            int bands = image.channels();
            processPassStarted(destination, level, 0, lastPass, 0, 0, 1, 1, allBands(bands));
            paint(destination, image);
            processImageUpdate(destination, 0, 0, width, height, 1, 1, allBands(bands));
            processPassComplete(destination);
            processImageProgress(100f * (level + 1) / (lastPass + 1));
        }

        @Override
        public void workDone(long done, long total) {
            if (abortRequested()) throw new Aborted();
        }
    }

    private static int[] allBands(int bands) {
        int[] all = new int[bands];
        for (int i = 0; i < bands; i++) all[i] = i;
        return all;
    }

    /** Unwinds the decoder when {@link #abort()} was called. */
    private static final class Aborted extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Aborted() {
            super("aborted", null, false, false);
        }
    }

    /** The ImageInputStream as an InputStream, read as the decoder needs bytes (nothing is read ahead). */
    private static final class StreamInput extends InputStream {
        private final ImageInputStream in;

        StreamInput(ImageInputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return in.read(b, off, len);
        }
    }
}
