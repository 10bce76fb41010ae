package dev.nwf.zoo.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.nwf.codec.net.IntConv;
import java.util.Random;

/** A layer's real-valued weights and bias under training; the integer ones are round(value * 2^shift). */
final class QatParam {
    final String name;
    final NDArray w;
    final NDArray b;
    final int in;
    final int out;
    /** Weights held at zero (only the bias learns). */
    private boolean frozenWeights;
    /** Adam moments, kept in Java: the parameters are small, and DJL's optimiser leaves per-step arrays behind. */
    private final float[][] moment1 = new float[2][];
    private final float[][] moment2 = new float[2][];
    private int steps;

    QatParam(String name, NDManager m, Random r, int out, int in, int k, double std) {
        this.name = name;
        this.in = in;
        this.out = out;
        float[] v = new float[out * in * k * k];
        for (int i = 0; i < v.length; i++) v[i] = (float) (r.nextGaussian() * std);
        w = m.create(v, new Shape(out, in, k, k));
        b = m.zeros(new Shape(out), DataType.FLOAT32);
        w.setRequiresGradient(true);
        b.setRequiresGradient(true);
    }

    /** Parameters whose integer versions are exactly {@code l}'s weights (for checking QAT forward passes). */
    static QatParam of(String name, NDManager m, IntConv l) {
        QatParam p = new QatParam(name, m, new Random(0), l.outChannels(), l.inChannels(), l.kernel(), 0);
        float[] w = new float[l.weights().length];
        for (int j = 0; j < w.length; j++) w[j] = (float) (l.weights()[j] / (double) (1 << l.shift()));
        float[] b = new float[l.bias().length];
        for (int j = 0; j < b.length; j++) b[j] = (float) (l.bias()[j] / (double) (1 << l.shift()));
        p.w.set(w);
        p.b.set(b);
        return p;
    }

    IntConv toConv(int k, int shift, int lo, int hi, boolean withInput) {
        float[] wv = w.toFloatArray();
        float[] bv = b.toFloatArray();
        int[] wi = new int[wv.length];
        int[] bi = new int[bv.length];
        for (int i = 0; i < wv.length; i++) wi[i] = (int) Math.rint(wv[i] * (double) (1 << shift));
        for (int i = 0; i < bv.length; i++) bi[i] = (int) Math.rint(bv[i] * (double) (1 << shift));
        return new IntConv(in, out, k, 1, wi, bi, shift, lo, hi, withInput);
    }

    /** Overwrites gradients with zeros (subtracting them from themselves, as zeroGradients does, keeps a NaN). */
    void clearGradients() {
        for (NDArray a : new NDArray[] {w, b}) {
            NDArray g = a.getGradient();
            if (g != null) g.set(new NDIndex("..."), 0);
        }
    }

    void freezeWeightsAtZero() {
        w.set(new float[(int) w.size()]);
        frozenWeights = true;
    }

    /** The gradients of weights and bias, read once per step; null when any is not finite. */
    float[][] gradients() {
        float[][] g = {w.getGradient().toFloatArray(), b.getGradient().toFloatArray()};
        for (float[] a : g) for (float v : a) if (!Float.isFinite(v)) return null;
        return g;
    }

    /** One Adam step (β1 0.9, β2 0.999, ε 1e-8, as DJL's default) from {@link #gradients()}. */
    void update(float[][] gradients, float learningRate) {
        steps++;
        double c1 = 1 - Math.pow(0.9, steps);
        double c2 = 1 - Math.pow(0.999, steps);
        NDArray[] targets = {w, b};
        for (int k = frozenWeights ? 1 : 0; k < 2; k++) {
            float[] g = gradients[k];
            float[] x = targets[k].toFloatArray();
            if (moment1[k] == null) {
                moment1[k] = new float[g.length];
                moment2[k] = new float[g.length];
            }
            float[] m = moment1[k];
            float[] v = moment2[k];
            for (int i = 0; i < g.length; i++) {
                m[i] = 0.9f * m[i] + 0.1f * g[i];
                v[i] = 0.999f * v[i] + 0.001f * g[i] * g[i];
                x[i] -= (float) (learningRate * (m[i] / c1) / (Math.sqrt(v[i] / c2) + 1e-8));
            }
            targets[k].set(x);
        }
    }
}
