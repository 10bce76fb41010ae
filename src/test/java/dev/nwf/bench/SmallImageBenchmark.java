package dev.nwf.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nwf.codec.Image;
import dev.nwf.codec.ImageOps;
import dev.nwf.codec.NwfCodec;
import dev.nwf.files.ImageFiles;
import dev.nwf.format.NwfContainer;
import dev.nwf.format.NwfFile;
import dev.nwf.format.ReadOptions;
import dev.nwf.zoo.ModelZoo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Small images (issue #21): 32x32 and 64x64 crops of a photo set, nine per photo at full resolution on a 3x3 grid,
 * coded by nwf in either container form and by the reference codecs, in the same run. Reference codecs missing from
 * PATH are skipped. -Dbench.cjxl.effort (default 9); -Dbench.small.sets (default A; a comma list of A, P-dev, P-val).
 */
@Tag("benchmark")
class SmallImageBenchmark {
    @Test
    void photoCrops(@TempDir Path tmp) throws Exception {
        String effort = System.getProperty("bench.cjxl.effort", "9");
        List<ReferenceCodec> refs = List.of(
                new ReferenceCodec("cjxl -d 0 -e " + effort, List.of("cjxl", "-d", "0", "-e", effort, "--quiet", "{in}",
                        "{out}"), ".jxl"),
                new ReferenceCodec("cwebp -lossless -z 9", List.of("cwebp", "-quiet", "-lossless", "-z", "9", "{in}", "-o",
                        "{out}"), ".webp"));
        NwfCodec codec = new NwfCodec(ModelZoo.builtin().get(ModelZoo.DEFAULT_MODEL).model());
        for (String set : System.getProperty("bench.small.sets", "A").split(",")) {
            List<PhotoSet.Photo> photos = switch (set) {
                case "A" -> PhotoSet.setA();
                case "P-dev" -> PhotoSet.setP("dev");
                case "P-val" -> PhotoSet.setP("val");
                default -> throw new IllegalArgumentException("bench.small.sets: A, P-dev or P-val, not " + set);
            };
            System.out.printf("%nsmall images: crops of photo set %s (%d photos, 9 crops each)%n", set,
                    photos.size());
            table(codec, refs, photos, tmp);
        }
    }

    private static void table(NwfCodec codec, List<ReferenceCodec> refs, List<PhotoSet.Photo> photos, Path tmp)
            throws Exception {
        System.out.printf("%-6s %-28s %10s %8s %10s%n", "size", "codec", "bytes", "bpsp", "vs cjxl");
        for (int side : new int[] {32, 64}) {
            Map<String, Long> totals = new LinkedHashMap<>();
            long subpixels = 0;
            long levelBytes = 0;
            long toolBytes = 0;
            for (PhotoSet.Photo p : photos) {
                for (Image crop : crops(p.image(), side)) {
                    subpixels += crop.pixels() * crop.channels();
                    NwfFile file = codec.encode(crop);
                    byte[] compact = NwfContainer.toBytes(file);
                    assertTrue(crop.sameAs(codec.decoder().decode(NwfContainer.read(compact, ReadOptions.DEFAULT)
                            .file()).image()), p.name() + " crop must round-trip");
                    add(totals, "nwf (compact form)", compact.length);
                    add(totals, "nwf (chunked form)", NwfContainer.toBytes(file, NwfContainer.Form.CHUNKED).length);
                    for (byte[] level : file.levels()) levelBytes += level.length;
                    toolBytes += file.header().tools().length;
                    Path png = tmp.resolve("in.png");
                    Files.write(png, ImageFiles.pngBytes(crop));
                    for (ReferenceCodec c : refs) {
                        Path out = c.encode(png, tmp);
                        if (out != null) add(totals, c.name(), Files.size(out));
                    }
                }
            }
            Long jxl = totals.get(refs.get(0).name());
            for (var e : totals.entrySet()) {
                System.out.printf("%-6s %-28s %10d %8.4f %10s%n", side + "x" + side, e.getKey(), e.getValue(),
                        e.getValue() * 8.0 / subpixels, jxl == null ? "n/a"
                                : String.format("%.3f", e.getValue() / (double) jxl));
            }
            int n = photos.size() * 9;
            System.out.printf("%-6s nwf compact: %.1f bytes of levels, %.1f of tool list, %.1f of container a file%n",
                    side + "x" + side, levelBytes / (double) n, toolBytes / (double) n,
                    (totals.get("nwf (compact form)") - levelBytes - toolBytes) / (double) n);
        }
    }

    /** Nine side x side crops at full resolution, on a 3x3 grid of positions inside the photo. */
    static List<Image> crops(Image img, int side) {
        List<Image> out = new ArrayList<>();
        for (int j = 1; j <= 3; j++) {
            for (int i = 1; i <= 3; i++) {
                out.add(ImageOps.crop(img, (img.width() - side) * i / 4, (img.height() - side) * j / 4, side, side));
            }
        }
        return out;
    }

    private static void add(Map<String, Long> totals, String name, long bytes) {
        totals.merge(name, bytes, Long::sum);
    }
}
