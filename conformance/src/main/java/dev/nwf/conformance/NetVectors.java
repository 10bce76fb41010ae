package dev.nwf.conformance;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nwf.codec.Image;
import dev.nwf.codec.NwfCodec;
import dev.nwf.codec.NwfModel;
import dev.nwf.codec.net.IntConv;
import dev.nwf.codec.net.IntNet;
import dev.nwf.codec.net.NetEvaluator;
import dev.nwf.codec.net.ReferenceEvaluator;
import dev.nwf.zoo.SafeTensors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Network vectors (SPEC.md §5): the integer arithmetic of the networks alone, for checking another evaluator — another
 * language, another device — without a codec around it. Each case is one network call seen while encoding an image
 * (the network's layers, its input, the reference output); two more per network feed it random inputs at the
 * largest magnitude it saw and at the codec's input bound, where accumulators come closest to their bounds. Written
 * as {@code manifest.json} (layer shapes, shifts, clamps, the case's input bound and whether fp32 and TF32 are
 * provably exact for it) and one safetensors file per case with int32
 * tensors {@code layer<i>.weight} [out, in, k, k], {@code layer<i>.bias} [out], {@code input} [C, H, W] and
 * {@code expected} [out, H, W]. {@code conformance/gpu/check_nets.py} evaluates them with PyTorch.
 */
public final class NetVectors {
    /** File name of the network vectors' manifest. */
    public static final String MANIFEST = "manifest.json";
    private static final long SEED = 0x6e7766L;
    /** Pretty JSON, so the manifest can be read by eye. */
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private NetVectors() {
    }

    /** Writes the vectors of {@code models} coding {@code image} under {@code dir}; returns how many cases. */
    public static int write(List<NwfModel> models, Image image, Path dir, int callsPerNet) throws IOException {
        Files.createDirectories(dir);
        ObjectNode manifest = JSON.createObjectNode();
        ArrayNode cases = manifest.putArray("cases");
        for (NwfModel model : models) {
            Recorder rec = new Recorder();
            new NwfCodec(model, rec).encode(image);
            for (int ni = 0; ni < model.nets().size(); ni++) {
                IntNet net = model.nets().get(ni);
                String netName = model.netNames().get(ni);
                // the largest calls: real data at the sizes that matter
                List<Call> calls = rec.calls.getOrDefault(net, List.of()).stream()
                        .sorted(java.util.Comparator.comparingInt((Call c) -> c.w * c.h).reversed()).limit(callsPerNet).toList();
                for (int k = 0; k < calls.size(); k++) {
                    Call c = calls.get(k);
                    write(dir, cases, model, netName, net, c, model.id() + "." + netName + ".call" + k, c.maxAbs());
                }
                long seen = calls.stream().mapToLong(Call::maxAbs).max().orElse(0);
                if (seen > 0) {
                    Call extreme = extreme(net, seen, 32, 32, new SplittableRandom(SEED + ni));
                    write(dir, cases, model, netName, net, extreme, model.id() + "." + netName + ".extreme", seen);
                }
                // the largest input any network of the codec may be given (SPEC.md §6): the bound evaluators are chosen by
                Call atBound = extreme(net, NwfModel.MAX_INPUT_BOUND, 32, 32, new SplittableRandom(SEED - ni));
                write(dir, cases, model, netName, net, atBound, model.id() + "." + netName + ".bound", NwfModel.MAX_INPUT_BOUND);
            }
        }
        Files.write(dir.resolve(MANIFEST), JSON.writeValueAsBytes(manifest));
        return cases.size();
    }

    private static void write(Path dir, ArrayNode cases, NwfModel model, String netName, IntNet net, Call c, String name,
                              long bound) throws IOException {
        ObjectNode j = cases.addObject();
        j.put("name", name);
        j.put("model", model.id());
        j.put("net", netName);
        j.put("width", c.w);
        j.put("height", c.h);
        j.put("inputBound", bound);
        j.put("maxAccumulator", net.maxAccumulator(bound));
        j.put("fp32Exact", net.fp32Exact(bound));
        j.put("tf32Exact", net.tf32Exact(bound));
        j.put("file", name + ".safetensors");
        ArrayNode layers = j.putArray("layers");
        Map<String, SafeTensors.Tensor> tensors = new LinkedHashMap<>();
        for (int i = 0; i < net.layers().size(); i++) {
            IntConv l = net.layers().get(i);
            ObjectNode lj = layers.addObject();
            lj.put("kernel", l.kernel());
            lj.put("dilation", l.dilation());
            lj.put("shift", l.shift());
            if (l.clampLo() != IntConv.NO_CLAMP_LO) lj.put("clampLo", l.clampLo());
            if (l.clampHi() != IntConv.NO_CLAMP_HI) lj.put("clampHi", l.clampHi());
            lj.put("withNetInput", l.withNetInput());
            tensors.put("layer" + i + ".weight", new SafeTensors.Tensor(new long[] {l.outChannels(), l.inChannels(), l.kernel(), l.kernel()}, l.weights()));
            tensors.put("layer" + i + ".bias", new SafeTensors.Tensor(new long[] {l.outChannels()}, l.bias()));
        }
        tensors.put("input", new SafeTensors.Tensor(new long[] {c.input.length, c.h, c.w}, flat(c.input)));
        tensors.put("expected", new SafeTensors.Tensor(new long[] {c.output.length, c.h, c.w}, flat(c.output)));
        Files.write(dir.resolve(name + ".safetensors"), SafeTensors.write(tensors));
    }

    /** Random inputs of magnitude {@code bound} (either sign), with the reference output. */
    private static Call extreme(IntNet net, long bound, int w, int h, SplittableRandom rnd) {
        int[][] in = new int[net.inputs()][w * h];
        for (int[] p : in) for (int i = 0; i < p.length; i++) p[i] = (int) (rnd.nextBoolean() ? bound : -bound);
        return new Call(in, ReferenceEvaluator.INSTANCE.evaluate(net, in, w, h), w, h);
    }

    /** Planes one after another, as the vectors store them. */
    static int[] flat(int[][] planes) {
        int n = planes[0].length;
        int[] out = new int[planes.length * n];
        for (int c = 0; c < planes.length; c++) System.arraycopy(planes[c], 0, out, c * n, n);
        return out;
    }

    private record Call(int[][] input, int[][] output, int w, int h) {
        long maxAbs() {
            long m = 0;
            for (int[] p : input) for (int v : p) m = Math.max(m, Math.abs((long) v));
            return m;
        }
    }

    /** The reference evaluator, keeping every call of each network. */
    private static final class Recorder implements NetEvaluator {
        final Map<IntNet, List<Call>> calls = new IdentityHashMap<>();

        @Override
        public int[][] evaluate(IntNet net, int[][] input, int w, int h) {
            int[][] out = ReferenceEvaluator.INSTANCE.evaluate(net, input, w, h);
            calls.computeIfAbsent(net, n -> new ArrayList<>()).add(new Call(copy(input), copy(out), w, h));
            return out;
        }

        /** Never in stripes: each call records a level's whole input, as the vectors hold it. */
        @Override
        public int stripeRows() {
            return 1 << 20;
        }

        @Override
        public String name() {
            return "recorder";
        }

        private static int[][] copy(int[][] a) {
            int[][] c = new int[a.length][];
            for (int i = 0; i < a.length; i++) c[i] = a[i].clone();
            return c;
        }
    }

}
