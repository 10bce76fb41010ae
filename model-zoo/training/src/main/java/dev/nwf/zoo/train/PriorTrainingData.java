package dev.nwf.zoo.train;

import dev.nwf.codec.Image;
import dev.nwf.codec.nwf.DetailCoder;
import dev.nwf.codec.nwf.HighPassPrior;
import dev.nwf.codec.nwf.context.LocalScale;
import dev.nwf.codec.transform.ColourTransform;
import dev.nwf.codec.transform.Lifting;
import dev.nwf.codec.transform.Pyramid;
import java.util.ArrayList;
import java.util.List;

/**
 * What the high-pass prior sees and must predict, for training (SPEC.md §6.2): for every detail level and channel
 * of an image, the network input planes and the three target bands, at the low-pass size. It reads the codec's own
 * transforms and prior inputs (internal packages of the codec module, on the class path here) so that training sees
 * exactly what coding will.
 */
public final class PriorTrainingData {
    /** Prior network inputs. */
    public static final int INPUTS = HighPassPrior.INPUTS;
    /** Prior network outputs. */
    public static final int OUTPUTS = HighPassPrior.OUTPUTS;
    /** Largest input magnitude the prior sees. */
    public static final int INPUT_BOUND = HighPassPrior.INPUT_BOUND;
    /** The coder's context constants (SPEC.md §6.3.1-6.3.2), for training against it. */
    public static final int EDGE_GAIN = DetailCoder.EDGE_GAIN;
    /** Weight of the network's scale in the local scale. */
    public static final int NET_WEIGHT = LocalScale.NET_WEIGHT;
    /** Weight of the left and up neighbours in the local scale. */
    public static final int NEAR = LocalScale.NEAR;
    /** Weight of the diagonal neighbours in the local scale. */
    public static final int DIAGONAL = LocalScale.DIAGONAL;
    /** Weight of the neighbours two away in the local scale. */
    public static final int FAR = LocalScale.FAR;
    /** Weight of the co-located samples of bands already coded. */
    public static final int CO = LocalScale.CO;
    /** Left/up weight for bands whose edges run along that direction. */
    public static final int ALONG = LocalScale.ALONG;
    /** Left/up weight for bands whose edges run across that direction. */
    public static final int ACROSS = LocalScale.ACROSS;

    /** Inputs [6][w*h] and targets [HL, LH, HH][w*h], normalised to 8-bit range. */
    public record Sample(int[][] input, int[][] target, int width, int height, int level, int channel) {
    }

    private PriorTrainingData() {
    }

    /** The training samples of one image: every level and channel of its wavelet pyramid. */
    public static List<Sample> samples(Image image) {
        Pyramid pyr = Pyramid.build(image, ColourTransform.standard(image.channels()), Lifting.Filter.LE_GALL_53);
        List<Sample> out = new ArrayList<>();
        for (int level = 1; level < pyr.sizes.length; level++) {
            int w = pyr.sizes[level - 1][0];
            int h = pyr.sizes[level - 1][1];
            int[][] ll = pyr.lows[level];
            int[][][] bands = pyr.bands[level];
            HighPassPrior.LevelInputs inputs = new HighPassPrior.LevelInputs(ll[0], w * h, image.bitDepth());
            inputs.lumaBands(bands[0]);
            for (int c = 0; c < image.channels(); c++) {
                int[][] target = new int[3][];
                for (int b = 0; b < 3; b++) target[b] = HighPassPrior.scaled(bands[c][b], image.bitDepth());
                out.add(new Sample(inputs.forChannel(c, ll[c]), target, w, h, level, c));
            }
        }
        return out;
    }
}
