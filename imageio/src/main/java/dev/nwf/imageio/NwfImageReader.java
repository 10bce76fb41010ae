package dev.nwf.imageio;

import dev.nwf.codec.Decoded;
import dev.nwf.codec.Image;
import dev.nwf.codec.LevelListener;
import dev.nwf.codec.NwfDecoder;
import dev.nwf.files.ImageFiles;
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
 * factors, rounded down to a power of two) decodes k fewer levels and returns that level's image. A stream cut short
 * gives the last whole level, scaled to the full size, and a warning; one cut before its first level is an error.
 */
public final class NwfImageReader extends ImageReader {
    private NwfHeader header;
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
        int drop = 0;
        if (param != null) {
            int s = Math.max(param.getSourceXSubsampling(), param.getSourceYSubsampling());
            drop = Math.min(h.levels() - 1, 31 - Integer.numberOfLeadingZeros(Math.max(1, s)));
        }
        int width = (int) ((h.width() + (1L << drop) - 1) >> drop);
        int height = (int) ((h.height() + (1L << drop) - 1) >> drop);
        int lastPass = h.levels() - 1 - drop;
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

    /** The image at the destination's size: itself, or scaled up by repeating pixels (a cut file's last level). */
    private BufferedImage scaled(Image level, int width, int height) {
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

    /** Draws a level into the destination, each of its pixels as a block (nearest neighbour). */
    private static void paint(BufferedImage destination, Image level) {
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
