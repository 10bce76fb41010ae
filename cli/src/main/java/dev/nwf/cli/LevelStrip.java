package dev.nwf.cli;

import dev.nwf.codec.Image;
import dev.nwf.files.ImageFiles;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * What a viewer shows as a file arrives: each level side by side, blown up to the same panel (nearest neighbour,
 * as a progressive viewer paints a coarse level over the whole image), coarsest first.
 */
final class LevelStrip {
    /** The longer side of a panel at most (smaller images keep their size). */
    static final int PANEL_MAX = 320;
    private static final int GAP = 8;

    private LevelStrip() {
    }

    static BufferedImage of(List<Image> levels, int finalWidth, int finalHeight) {
        double scale = Math.min(1.0, PANEL_MAX / (double) Math.max(finalWidth, finalHeight));
        int pw = Math.max(1, (int) Math.round(finalWidth * scale));
        int ph = Math.max(1, (int) Math.round(finalHeight * scale));
        BufferedImage strip = new BufferedImage(levels.size() * (pw + GAP) - GAP, ph, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = strip.createGraphics();
        try {
            g.setColor(new Color(0, 0, 0, 0));
            g.fillRect(0, 0, strip.getWidth(), strip.getHeight());
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
            for (int i = 0; i < levels.size(); i++) {
                Image level = levels.get(i);
                // a level of w x h shows the image's w * f x h * f top-left pixels, f its decimation factor: scaled
                // as a whole to the panel, the last row and column of a rounded-up level overhang by less than f
                int f = Math.max(1, Math.round(finalWidth / (float) level.width()));
                double sx = pw / (double) finalWidth * f;
                double sy = ph / (double) finalHeight * f;
                g.setClip(i * (pw + GAP), 0, pw, ph);
                g.drawImage(ImageFiles.toBufferedImage(level), i * (pw + GAP), 0,
                        (int) Math.round(level.width() * sx), (int) Math.round(level.height() * sy), null);
            }
        } finally {
            g.dispose();
        }
        return strip;
    }
}
