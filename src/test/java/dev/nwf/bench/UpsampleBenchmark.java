package dev.nwf.bench;

import dev.nwf.codec.Image;
import dev.nwf.codec.ImageOps;
import dev.nwf.codec.NwfCodec;
import dev.nwf.files.ImageFiles;
import dev.nwf.zoo.ModelZoo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Upsampling against Lanczos (issue #25), PSNR in dB over RGB against the original: photos shrunk ×2 and ×4 the way
 * the codec's low-pass does (the 5/3 levels of an .nwf file, `--from level`) and by 2×2 box averages (`--from box`),
 * enlarged back at temperature 0. Development set: set A (data/eval; the mate photos shrunk 2× first, as everywhere);
 * validation set: the Lomiri photos of data/train (shrunk 4× first: 1000-1500 px wide), on which no choice of the
 * upsampler was made (the prior network was trained on them). Images are cropped to a multiple of 4. The last two
 * columns (L-grid) place Lanczos on the 5/3 low-pass's sample grid (it sits on the even samples, a quarter pixel from
 * where a pixel-centred filter puts it).
 */
@Tag("benchmark")
class UpsampleBenchmark {
    @Test
    void psnrAgainstLanczos() throws Exception {
        Path eval = PhotoSet.dataDir();
        Assumptions.assumeTrue(eval != null, "run scripts/fetch-images.sh first");
        NwfCodec codec = new NwfCodec(ModelZoo.builtin().get(ModelZoo.DEFAULT_MODEL).model());
        table(codec, "development: set A", files(eval, ""), 2);
        table(codec, "validation: Lomiri photos of data/train", files(eval.getParent().resolve("train"), "lomiri-"), 4);
    }

    private static List<Path> files(Path dir, String prefix) throws Exception {
        try (var s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith(prefix)).sorted().toList();
        }
    }

    private static void table(NwfCodec codec, String title, List<Path> files, int shrinkLarge) throws Exception {
        System.out.printf("%nupsampling, PSNR (dB) against the original; %s%n", title);
        String[] cols = {"level x2 nwf", "Lanczos", "level x4 nwf", "Lanczos", "box x2 nwf", "Lanczos", "box x4 nwf",
            "Lanczos", "L-grid x2", "L-grid x4"};
        System.out.printf("%-42s", "image");
        for (String c : cols) System.out.printf(" %12s", c);
        System.out.println();
        double[] sum = new double[10];
        int[] wins = new int[4];
        for (Path f : files) {
            Image img = ImageFiles.read(f);
            String name = f.getFileName().toString();
            if (name.startsWith("mate-") || name.startsWith("lomiri-")) img = ImageOps.shrink(img, shrinkLarge);
            img = ImageOps.crop(img, 0, 0, img.width() / 4 * 4, img.height() / 4 * 4);
            double[] r = new double[10];
            for (int k = 0; k < 2; k++) {
                int times = k + 1;
                Image level = ImageOps.codecLevel(img, times);
                r[2 * k] = ImageOps.psnr(img, codec.upsample(level, times, 0, 1, NwfCodec.UpsampleFrom.CODEC_LEVEL));
                r[2 * k + 1] = ImageOps.psnr(img, ImageOps.lanczos(level, 1 << times));
                r[8 + k] = ImageOps.psnr(img, ImageOps.lanczos(level, 1 << times, true));
                Image box = ImageOps.shrink(img, 1 << times);
                r[4 + 2 * k] = ImageOps.psnr(img, codec.upsample(box, times, 0, 1, NwfCodec.UpsampleFrom.BOX));
                r[5 + 2 * k] = ImageOps.psnr(img, ImageOps.lanczos(box, 1 << times));
            }
            System.out.printf("%-42s", name.length() > 42 ? name.substring(0, 42) : name);
            for (int i = 0; i < r.length; i++) {
                System.out.printf(" %12.2f", r[i]);
                sum[i] += r[i];
            }
            System.out.println();
            for (int i = 0; i < 4; i++) if (r[2 * i] > r[2 * i + 1]) wins[i]++;
        }
        System.out.printf("%-42s", "mean");
        for (double s : sum) System.out.printf(" %12.2f", s / files.size());
        System.out.printf("%n%-42s", "images where nwf is ahead");
        for (int w : wins) System.out.printf(" %12s %12s", w + "/" + files.size(), "");
        System.out.println();
    }
}
