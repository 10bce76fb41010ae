package dev.nwf.zoo.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.optimizer.Optimizer;
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

    boolean finiteGradients() {
        for (NDArray g : new NDArray[] {w.getGradient(), b.getGradient()}) {
            if (g.isNaN().any().getBoolean() || g.isInfinite().any().getBoolean()) return false;
        }
        return true;
    }

    void freezeWeightsAtZero() {
        w.set(new float[(int) w.size()]);
        frozenWeights = true;
    }

    void update(Optimizer optimizer) {
        if (!frozenWeights) optimizer.update(name + ".w", w, w.getGradient());
        optimizer.update(name + ".b", b, b.getGradient());
    }
}
