package dev.nwf.web;

import dev.nwf.codec.NwfModel;
import dev.nwf.codec.net.IntConv;
import dev.nwf.codec.net.IntNet;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The models a page can decode with, as one binary: the model zoo's files are tar archives with JSON manifests, which
 * the browser build cannot read (no Commons Compress, no Jackson there). Per model: id, SHA-256 digest (computed on
 * the JVM, checked against the file's by comparison: no hashing in the browser), family, and each network's layers
 * with their integer weights — every field of {@link IntConv}, so the networks are the zoo's bit for bit.
 */
public final class ModelBlob {
    /** A model and the digest files name it by. */
    public record Entry(NwfModel model, byte[] digest) {
    }

    private ModelBlob() {
    }

    /** The blob of {@code models} (each model's digest computed here). */
    public static byte[] write(List<NwfModel> models) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(models.size());
            for (NwfModel m : models) {
                text(out, m.id());
                out.write(m.digest());
                text(out, m.family());
                out.writeInt(m.nets().size());
                for (IntNet net : m.nets()) {
                    out.writeInt(net.inputs());
                    out.writeInt(net.layers().size());
                    for (IntConv l : net.layers()) {
                        out.writeInt(l.inChannels());
                        out.writeInt(l.outChannels());
                        out.writeInt(l.kernel());
                        out.writeInt(l.dilation());
                        out.writeInt(l.shift());
                        out.writeInt(l.clampLo());
                        out.writeInt(l.clampHi());
                        out.writeBoolean(l.withNetInput());
                        ints(out, l.weightsView());
                        ints(out, l.biasView());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The models of a blob; a damaged blob is an IllegalArgumentException. */
    public static List<Entry> read(byte[] blob) {
        try {
            ByteBuffer in = ByteBuffer.wrap(blob);
            int count = in.getInt();
            List<Entry> out = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String id = text(in);
                byte[] digest = new byte[32];
                in.get(digest);
                String family = text(in);
                int nets = in.getInt();
                List<IntNet> list = new ArrayList<>();
                for (int n = 0; n < nets; n++) {
                    int inputs = in.getInt();
                    int layers = in.getInt();
                    List<IntConv> convs = new ArrayList<>();
                    for (int k = 0; k < layers; k++) {
                        int inCh = in.getInt();
                        int outCh = in.getInt();
                        int kernel = in.getInt();
                        int dilation = in.getInt();
                        int shift = in.getInt();
                        int lo = in.getInt();
                        int hi = in.getInt();
                        boolean withInput = in.get() != 0;
                        int[] weights = ints(in);
                        int[] bias = ints(in);
                        convs.add(new IntConv(inCh, outCh, kernel, dilation, weights, bias, shift, lo, hi, withInput));
                    }
                    list.add(new IntNet(inputs, convs));
                }
                out.add(new Entry(new NwfModel(id, family, list), digest));
            }
            return out;
        } catch (java.nio.BufferUnderflowException e) {
            throw new IllegalArgumentException("the model blob ends early", e);
        }
    }

    private static void text(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String text(ByteBuffer in) {
        byte[] b = new byte[in.getInt()];
        in.get(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    private static void ints(DataOutputStream out, int[] v) throws IOException {
        out.writeInt(v.length);
        for (int x : v) out.writeInt(x);
    }

    private static int[] ints(ByteBuffer in) {
        int n = in.getInt();
        if (n < 0 || n > in.remaining() / 4) throw new IllegalArgumentException("a bad array length in the model blob");
        int[] v = new int[n];
        for (int i = 0; i < n; i++) v[i] = in.getInt();
        return v;
    }
}
