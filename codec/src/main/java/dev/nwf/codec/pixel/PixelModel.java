package dev.nwf.codec.pixel;

import dev.nwf.codec.nwf.context.BlockGrid;

/**
 * The pixel levels' model (SPEC.md §4.4.2): each sample, channel by channel within a pixel, is first compared with
 * up to four candidate values — what followed the same wide neighbourhood last time (the match model), then distinct
 * values of its known neighbours — ("equal to this one?"), and only when it equals none is its difference from a
 * predicted value coded, as exponent, sign and mantissa bits; the prediction of the colours after the first is
 * corrected by the differences of the pixel's earlier channels ({@link Correction}). Every binary decision is
 * predicted by mixing adaptive counters — one in a context of which neighbours agree, four (a candidate's) or seven (a
 * difference's) in hashed contexts of the neighbours' values, their offsets from the prediction and how well the
 * neighbours were predicted ({@link PassErrors}) — refined by two secondary estimations, and coded by
 * {@link BitCoder}. A channel has two models, one for each part of a level's rows (SPEC.md §4.4.1); each carries
 * its state from level to level. Without candidates (differences only, SPEC.md §4.4) every sample that is not flat
 * is coded as its difference: on textured renders and camera frames, where candidates rarely hit, their decisions
 * cost more than they save (5–10 % on set P's).
 */
final class PixelModel {
    private static final int MATCHES = 4;
    /** Decision ids: matches 0..3, exponent steps, sign (per exponent), mantissa bits (per exponent and bit). */
    static final int MAX_BITS = 17;
    private static final int EXPONENT = MATCHES;
    private static final int SIGN = EXPONENT + MAX_BITS;
    private static final int MANTISSA = SIGN + MAX_BITS + 1;
    private static final int DECISIONS = MANTISSA + (MAX_BITS + 1) * MAX_BITS;
    /** A neighbour outside the image. */
    static final int MISSING = Integer.MIN_VALUE;
    /**
     * Mixer selectors: kind (4 matches, sign, 4 exponent steps, the mantissa's top bit, its lower bits) x pass x
     * distinct neighbours.
     */
    private static final int KINDS = 11;
    private static final int SIGN_KIND = 4;
    private static final int EXPONENT_KIND = 5;
    private static final int MANTISSA_KIND = 9;
    private static final int MANTISSA_LOW_KIND = 10;
    private static final int SELECTORS = KINDS * PixelScan.PASSES * 4;
    /**
     * States of a candidate: 0 a neighbour's, 1..8 the match model's with a confidence 0..7, 9 and 10 the period's
     * (10 where the previous sample in raster order equalled the one a period before it), 11 and 12 the short match
     * model's (12 where its value was right the last time its context came).
     */
    private static final int MATCH_STATES = 13;
    private static final int PERIOD_STATE = 9;
    private static final int SHORT_STATE = 11;
    /** A candidate's position for the short match model's value. */
    static final int SHORT = PixelScan.NEIGHBOURS + 2;
    /** log2 of the short match model's entries: few, so that they stay in cache (2^21: 0.2 % fewer bytes). */
    static final int SHORT_BITS = 16;
    /** A candidate's position for the period's sample: after the eight neighbours and the match model (8). */
    static final int PERIOD = PixelScan.NEIGHBOURS + 1;
    /** Direct entries of the match decisions (candidate lowest, so one sample's are together), then differences'. */
    private static final int DIRECT_MATCH = PixelScan.PASSES * 3 * MATCH_STATES * MATCHES << 10;
    private static final int ACTIVITY = 16;
    private static final int APM_BITS = 14;
    /**
     * With tool lean-model (SPEC.md §4.4.13) the direct APM's contexts, and no APM by the selector: 0.02 % more bytes
     * on set A's photos, and a shorter path from the mix to the coder.
     */
    private static final int LEAN_APM_BITS = 10;

    /**
     * The block grid the stride-1 level's samples are placed in (SPEC.md §4.4.6), or null: its period, and the column
     * and row where its blocks start.
     */
    private final BlockGrid grid;
    /**
     * The sample's position class (SPEC.md §4.4.6): 1 + its position in the grid's block, row-major, for a sample of
     * the stride-1 level with a grid; else 0. It picks the correction's, the expert's and mixer A's state set and
     * salts two hashed contexts.
     */
    private int position;

    /** The channel this model codes, and the part of each level's rows (0: RASTER and ACROSS, 1: DOWN). */
    private final int channel;
    private final int part;
    /** Bits of the largest difference from a prediction. */
    private final int bits;
    private final int mid;
    /** The least and greatest valid sample: a decoded sample outside them is corrupt data. */
    private final int least;
    private final int greatest;
    /** Whether the correction moves this channel's prediction: a colour after the first (SPEC.md §4.4.2). */
    private final boolean colour;
    /** Whether samples are first compared with candidates; false: differences only (SPEC.md §4.4). */
    private final boolean candidates;
    /**
     * The counters, in one array: the direct table, then one hashed table of 2^tableBits entries per context (SPEC.md
     * §4.4.2), table k from {@code tableBase[k]}.
     */
    private final short[] counters;
    private final int[] tableBase = new int[CONTEXTS];
    /** Each table's hash shift: 32 − log2 of its entries. */
    private final int[] shifts = new int[CONTEXTS];
    /**
     * Tables h5..h7 hold at most 2^20 entries, not 2^21: a 17.6 MP graphic's encoding heap stays under 40 bytes a pixel
     * (665 MiB, against 693 at 2^21), for 0.06 % more bytes on set G's validation half.
     */
    private static final int FIRST_SMALL_TABLE = 5;
    private static final int SMALL_TABLE_BITS = 20;
    private final int hashShift;
    /** The match model: per wide-context hash, 1 << 31 | confidence << 20 | value + 2^17 (0: never seen). */
    private final int[] matches;
    /**
     * The short match model: per hash of the three nearest neighbours, 1 << 31 | hit << 20 | value + 2^17 for the
     * value that came last time (hit: it was the one predicted), 0 where never seen. Where the wide context never
     * repeats (dithering, noisy textures, text with varying surroundings) the near one does.
     */
    private final int[] shortMatches;
    private final Mixer mixer;
    /**
     * A second mixer, its weights chosen by how the sample's context stands rather than by the pass: for a candidate
     * its state, for a difference how well the neighbours were predicted ({@link PassErrors#level}).
     */
    private final Mixer mixer2;
    /** The expert (SPEC.md §4.4.5), or null. */
    private final Expert expert;
    /** The expert's stretched probability of the next difference decision's 1. */
    private int expertInput;
    /** The expert's features: the neighbours' offsets from P0, the earlier channels' differences, the wide ones'. */
    private final long[] expertFeatures = new long[LeastSquares.FEATURES];
    /**
     * Whether the expert reads its own errors around the sample (tool expert-errors, SPEC.md §4.4.7): its location
     * through a bias, its scale by their level, and the context h5 by their pattern.
     */
    private final boolean ownErrors;
    /** The expert's own error of the sample being coded, in sixteenths: 0 where the expert coded nothing. */
    private int ownError;
    /**
     * The six wide neighbours of the sample, {@link #MISSING} outside the image: read where the wide context or the
     * expert needs them.
     */
    private final int[] wideNb = new int[PixelScan.WIDE];
    private int selector2;
    private final PassErrors errors = new PassErrors();
    private final Apm apmDirect;
    /** The APM by the mixer's selector; null with tool lean-model. */
    private final Apm apmSelector;
    /** The direct APM's context is the top bits of a hash of the direct index: 32 less their count. */
    private final int apmShift;

    private final int[] nb = new int[PixelScan.NEIGHBOURS];
    private final int[] cand = new int[MATCHES];
    private final int[] candPos = new int[MATCHES];
    private final int[] slots = new int[CONTEXTS];
    /**
     * With tool far-contexts (SPEC.md §4.4.9): a difference's first counter is in a hashed table of the far neighbours'
     * offsets from the prediction, not the direct one (which on photos earned 0.04 %), the later channels' h5 is keyed
     * by the earlier channels' exact differences, and mixer B's weight sets also by the neighbourhood's orientation.
     */
    private final boolean farContexts;
    /** The far table's first entry: after the hashed tables. */
    private final int farBase;
    /**
     * log2 of the far table's entries: few, so that it stays in the nearer caches (set P's development half as pixel
     * levels 0.09 / 0.18 % larger than with 2^18 / 2^20 entries).
     */
    static final int FAR_BITS = 16;
    /** A difference's far context (tool far-contexts). */
    private int hFar;
    /** The direct counter's index of the decision being coded: the first APM's context either way. */
    private int directIndex;
    /** Mixer B's weight sets per kind: 48, or 144 with tool far-contexts (three orientations). */
    private final int mixer2Sets;
    /** The counters a difference's decision mixes: the direct one and seven hashed (SPEC.md §4.4.2). */
    static final int CONTEXTS = 8;
    /** The counters a candidate's decision mixes: the direct one and the first four hashed. */
    private static final int CANDIDATE_CONTEXTS = 5;
    /**
     * With tool packed-lines (SPEC.md §4.4.11), the longest difference, in bits, whose mantissa takes the free entries
     * of its exponent steps' line: 4 where B ≤ 10, 3 where B ≤ 14, else 2 (as many as the free entries hold); 0
     * without the tool.
     */
    private final int packedUpTo;
    /**
     * With tool colour-gradients (SPEC.md §4.4.12), whether this model's correction and its coarse context read channel
     * 0's gradients: a colour after the first's.
     */
    private final boolean gradients;
    /** Channel 0's plane, where {@link #gradients}: coded up to the pixel before this channel's sample of it. */
    private int[] channel0;
    /** Channel 0's samples at the pixel's neighbours' positions, where {@link #gradients}. */
    private final int[] channel0Nb = new int[PixelScan.NEIGHBOURS];
    /** The stride of the level being coded: the near context is kept apart per level. */
    private int stride;

    /**
     * @param channel the channel this model codes
     * @param part the rows it codes: 0 RASTER and ACROSS, 1 DOWN
     * @param bits bits of the largest difference between a sample and its prediction (the depth, one more where
     *     planes are colour-transformed and so signed)
     * @param mid the value predicted where no neighbour is known
     * @param least the channel's least valid sample
     * @param greatest the channel's greatest valid sample
     * @param tableBits log2 of the hashed tables' entries
     * @param colour whether the channel is a colour after the first (channel 1 or 2 of 3 or 4), whose prediction the
     *     correction moves (SPEC.md §4.4.2)
     * @param grid the block grid whose positions the stride-1 level's samples keep state by (SPEC.md §4.4.6), or null
     * @param tools candidates or differences only, the expert and its tools, the far contexts (what needs a grid has
     *     one: {@link PixelLevels} checks)
     */
    PixelModel(int channel, int part, int bits, int mid, int least, int greatest, int tableBits, boolean colour,
            BlockGrid grid, PixelTools tools) {
        boolean candidates = tools.candidates();
        boolean expert = tools.expert();
        this.farContexts = tools.farContexts();
        this.mixer2Sets = farContexts ? 3 * 48 : 48;
        this.ownErrors = tools.ownErrors();
        this.packedUpTo = tools.packedLines() ? packedUpTo(bits) : 0;
        this.gradients = tools.colourGradients() && colour;
        boolean lean = tools.leanModel();
        int apmBits = lean ? LEAN_APM_BITS : APM_BITS;
        this.apmDirect = new Apm(1 << apmBits);
        this.apmShift = 32 - apmBits;
        this.apmSelector = lean ? null : new Apm(SELECTORS);
        if (bits > MAX_BITS) throw new IllegalArgumentException("differences of more than " + MAX_BITS + " bits");
        if (channel > 3) throw new IllegalArgumentException("more than 4 channels: " + (channel + 1));
        this.channel = channel;
        this.part = part;
        this.bits = bits;
        this.mid = mid;
        this.least = least;
        this.greatest = greatest;
        this.candidates = candidates;
        this.colour = colour;
        this.hashShift = 32 - tableBits;
        int directSize = DIRECT_MATCH + DECISIONS * ACTIVITY * 3;
        int end = directSize;
        for (int k = 1; k < CONTEXTS; k++) {
            shifts[k] = 32 - (k >= FIRST_SMALL_TABLE ? Math.min(SMALL_TABLE_BITS, tableBits) : tableBits);
            tableBase[k] = end;
            end += 1 << (32 - shifts[k]);
        }
        farBase = end;
        if (farContexts) end += 1 << FAR_BITS;
        this.counters = new short[end];
        this.matches = candidates ? new int[1 << tableBits] : null;
        this.shortMatches = candidates ? new int[1 << SHORT_BITS] : null;
        this.grid = grid;
        int positions = 1 + (grid == null ? 0 : grid.period * grid.period);
        this.correction = new Correction(PixelScan.PASSES * positions, gradients);
        this.expert = expert ? new Expert(PixelScan.PASSES * positions, ownErrors, tools.classes(),
                tools.gridClasses(), lean) : null;
        this.mixer = new Mixer(SELECTORS * positions, expert ? Mixer.INPUTS + 1 : Mixer.INPUTS);
        this.mixer2 = new Mixer(KINDS * mixer2Sets, mixer);
    }

    /**
     * Codes (or, decoding, fills in) this channel's samples of one row of a level in its full-size plane (SPEC.md
     * §4.4.1), recording in {@code cross} how each pixel's sample was coded (for the later channels) and reading the
     * earlier channels' records there.
     */
    /** Gives a model of a colour after the first channel 0's plane, which tool colour-gradients reads. */
    void channel0(int[] plane) {
        channel0 = plane;
    }

    void codeRow(int[] plane, int width, int height, LevelRows rows, int row, BitCoder coder, CrossChannel cross) {
        this.cross = cross;
        int s = rows.stride;
        stride = s;
        int i = rows.first(row);
        int y = rows.y(row);
        int pass = rows.pass(row);
        int step = rows.step(row);
        int[][] off = PixelScan.OFFSETS[pass];
        int[][] wide = PixelScan.WIDE_OFFSETS[pass];
        // the period's sample, in raster order over level 0's grid (SPEC.md §4.4.1)
        int period = pass == PixelScan.RASTER ? rows.period : 0;
        int gridWidth = PixelScan.ceilDiv(width, s);
        long back = (long) (y / s) * gridWidth + rows.x0(row) / s - period;
        int backX = (int) Math.floorMod(back, (long) gridWidth);
        int backY = (int) Math.floorDiv(back, (long) gridWidth);
        for (int k = 0; k < PixelScan.NEIGHBOURS; k++) nbDelta[k] = (off[k][1] * width + off[k][0]) * s;
        for (int k = 0; k < PixelScan.WIDE; k++) wideDelta[k] = (wide[k][1] * width + wide[k][0]) * s;
        // every offset is within 3 strides left, right and up and 2 down: rows that far from the edges need no checks
        boolean rowInside = y >= 3 * s && y + 2 * s < height;
        errors.startRow(pass, s, step, width);
        // a raster finish skips the pixels the levels before it hold, whose errors are from P0 (SPEC.md §4.4.2)
        int known = rows.known > 0 && (y & rows.known - 1) == 0 ? rows.known : 0;
        // the grid's positions along the row, at stride 1 only (SPEC.md §4.4.6)
        boolean positioned = grid != null && s == 1;
        int rowPosition = positioned ? 1 + ((y - grid.startY) & grid.period - 1) * grid.period : 0;
        for (int x = rows.x0(row); x < width; x += step) {
            boolean inside = rowInside && x >= 3 * s && x + 3 * s < width;
            if (known > 0 && (x & known - 1) == 0) {
                readNeighbours(plane, width, height, x, y, s, pass, inside);
                errors.record(x, plane[y * width + x] - predict(pass));
                if (ownErrors) errors.recordOwn(x, 0);
                continue;
            }
            periodAt = period == 0 || backY < 0 ? -1 : backY * s * width + backX * s;
            column = x;
            // periods and strides are powers of two: masks give the non-negative remainders
            position = positioned ? rowPosition + ((x - grid.startX) & grid.period - 1) : 0;
            ownError = 0;
            codePixel(plane, width, height, x, y, s, pass, inside, coder, i++);
            errors.record(x, plane[y * width + x] - predicted);
            if (ownErrors) errors.recordOwn(x, ownError);
            if (period != 0) {
                periodRun = periodAt >= 0 && plane[periodAt] == plane[y * width + x];
                if (++backX == gridWidth) {
                    backX = 0;
                    backY++;
                }
            }
        }
    }

    /** The level's records of how earlier channels' samples were coded, and where this channel's go. */
    private CrossChannel cross;
    /** The difference recorded for the sample's pixel in the previous channel (0: none). */
    private int previousDifference;
    private final Correction correction;

    /** Where the period's sample is in the plane, -1 where there is none. */
    private int periodAt = -1;
    /** Whether the channel's previous sample in raster order equalled the one a period before it. */
    private boolean periodRun;

    /**
     * hWide (SPEC.md §4.4.2): the six farther neighbours' values in a sum of independent products, mixed once — cheap,
     * as most samples need it.
     */
    private int wideHash(int pass) {
        int wideSum = channel * 4 + pass;
        for (int k = 0; k < PixelScan.WIDE; k++) wideSum += wideNb[k] * WIDE_FACTORS[k];
        return hash(wideSum, 0);
    }

    /** Reads the six farther neighbours into {@link #wideNb}, {@link #MISSING} outside the image. */
    private void readWide(int[] plane, int width, int height, int x, int y, int s, int pass, boolean inside) {
        gather(plane, width, height, x, y, s, inside, wideDelta, PixelScan.WIDE_OFFSETS[pass], wideNb);
    }

    /**
     * Reads the samples at {@code offsets} (in strides) from (x, y) into {@code out}, {@link #MISSING} outside the
     * image; {@code inside}, where none can be outside, at their precomputed plane offsets {@code delta}.
     */
    private static void gather(int[] plane, int width, int height, int x, int y, int s, boolean inside, int[] delta,
            int[][] offsets, int[] out) {
        int at = y * width + x;
        if (inside) {
            for (int k = 0; k < out.length; k++) out[k] = plane[at + delta[k]];
        } else {
            for (int k = 0; k < out.length; k++) {
                int nx = x + offsets[k][0] * s;
                int ny = y + offsets[k][1] * s;
                out[k] = nx < 0 || ny < 0 || nx >= width || ny >= height ? MISSING : plane[ny * width + nx];
            }
        }
    }

    /** Odd factors of the farther neighbours in the wide context's sum. */
    private static final int[] WIDE_FACTORS = {0x9E3779B1, 0x85EBCA77, 0xC2B2AE3D, 0x27D4EB2F, 0x165667B1, 0xD3A2646D};

    /** The current row's neighbour offsets in the plane. */
    private final int[] nbDelta = new int[PixelScan.NEIGHBOURS];
    private final int[] wideDelta = new int[PixelScan.WIDE];

    /** The prediction of the last sample: P0, or for a difference the value it was coded from. */
    private int predicted;
    /** The sample's column, for the errors around it. */
    private int column;

    private void codePixel(int[] plane, int width, int height, int x, int y, int s, int pass, boolean inside,
            BitCoder coder, int i) {
        int at = y * width + x;
        int c = channel;
        readNeighbours(plane, width, height, x, y, s, pass, inside);
        predicted = predict(pass);
        int prevMatch = -1;
        int prevResidual = 0;
        previousDifference = 0;
        if (c > 0) {
            int r = cross.record(c - 1, i);
            prevMatch = cross.position(r);
            if (prevMatch < 0) {
                previousDifference = r;
                int m = Math.abs(r);
                prevResidual = 1 + 2 * (32 - Integer.numberOfLeadingZeros(m)) + (r < 0 ? 1 : 0);
            }
        }
        int info = c == 0 ? 0 : prevMatch >= 0 ? 1 : 2;
        // flat: the eight neighbours agree (and the previous channel matched): one cheaper decision first
        int flat = nb[0];
        // one test of the neighbours' differences from W, not a branch each (a smooth photo's make them unpredictable)
        int differ = 0;
        for (int k = 1; k < PixelScan.NEIGHBOURS; k++) differ |= nb[k] ^ flat;
        boolean flatNeighbours = differ == 0 && flat != MISSING && info != 2;
        // the wide context serves the flat decision and the candidates: differences only need it where flat; the
        // wide neighbours themselves also serve the expert (read once for both)
        boolean wideContext = candidates || flatNeighbours;
        if (wideContext || expert != null || farContexts) readWide(plane, width, height, x, y, s, pass, inside);
        int hWide = wideContext ? wideHash(pass) : 0;
        if (flatNeighbours) {
            int index = ((pass * 2 + info) * 4 + Math.min(3, Integer.numberOfTrailingZeros(s))) * 2 + lastFlat;
            int entry = flatCounters[index];
            int wideSlot = slot(hash(hWide, flat), 1024 + s, 32 - FLAT_BITS);
            short wideEntry = flatWide[wideSlot];
            flatMixer.set(0, Counters.stretched(entry));
            flatMixer.set(1, Counters.stretched(wideEntry));
            flatMixer.set(2, 256);
            int bit = coder.code(plane[at] == flat ? 1 : 0, flatMixer.mix(pass * 2 + info) << 4);
            flatMixer.update(bit);
            flatCounters[index] = Counters.updated(entry, bit, FLAT_LIMIT);
            flatWide[wideSlot] = Counters.updated(wideEntry, bit);
            lastFlat = bit;
            if (bit != 0) {
                plane[at] = flat;
                if (cross.kept(c)) cross.matched(c, i, 0);
                return;
            }
        } else {
            flat = MISSING;
        }
        exclude = flat;
        if (gradients) {
            // for a difference's correction and context (a sample the flat decision coded needs neither): channel 0's
            // sample here is coded (RowGate), and so are its samples at this channel's known neighbours
            gather(channel0, width, height, x, y, s, inside, nbDelta, PixelScan.OFFSETS[pass], channel0Nb);
            correction.gradients(channel0[at], channel0Nb);
        }
        int matched = candidates ? codeSample(plane, at, c, pass, info, prevMatch, prevResidual, hWide, coder, i)
                : codeResidual(plane, at, c, pass, info, prevResidual, pass * 4 + distinct4(), activity(), coder, i);
        if (matched >= 0 && cross.kept(c)) cross.matched(c, i, matched);
    }

    /** Reads the eight neighbours into {@link #nb}, {@link #MISSING} outside the image. */
    private void readNeighbours(int[] plane, int width, int height, int x, int y, int s, int pass, boolean inside) {
        gather(plane, width, height, x, y, s, inside, nbDelta, PixelScan.OFFSETS[pass], nb);
    }

    /** The flat decision's wide-context counters: a small table of their own (SPEC.md §4.4.2, fw). */
    private static final int FLAT_BITS = 14;
    private final short[] flatWide = new short[1 << FLAT_BITS];
    /** Flat decisions: per pass, info, which of nb[4..7] also agree, and the last flat decision's outcome. */
    private final int[] flatCounters = new int[PixelScan.PASSES * 2 * 4 * 2];
    private static final int FLAT_LIMIT = 1023;
    private final Mixer flatMixer = new Mixer(PixelScan.PASSES * 2);
    private int lastFlat;
    /** A value the sample is known not to be (a flat decision said no), or {@link #MISSING}. */
    private int exclude = MISSING;

    /**
     * Codes the sample at {@code at}; returns the candidate position it matched (a neighbour 0..7, 8 for the match
     * model, {@link #PERIOD} for the period's sample, {@link #SHORT} for the short match model's), or -1 - (exponent *
     * 2 + sign) when its difference was coded.
     */
    private int codeSample(int[] plane, int at, int c, int pass, int info, int prevMatch, int prevResidual,
            int hWide, BitCoder coder, int i) {
        int v = plane[at];
        int hNear = hash(hash(hash(nb[0], nb[1]), hash(nb[2], nb[3])), c + 8 * stride);
        int hFar = hash(hash(hNear, pass), hash(hash(nb[4], nb[5]), hash(nb[6], nb[7])));
        int hWideAll = hash(hFar, hWide);
        int matchAt = hWideAll >>> hashShift;
        int entry = matches[matchAt];
        int n = 0;
        int confidence = -1;
        if (periodAt >= 0 && periodRun) n = add(plane[periodAt], PERIOD, n);
        if (entry != 0) {
            confidence = entry >>> 20 & 7;
            n = add(value(entry), PixelScan.NEIGHBOURS, n);
        }
        int shortAt = hash(hash(hash(nb[0], nb[1]), nb[2]), c * 4 + pass + 16 * stride) >>> (32 - SHORT_BITS);
        int shortEntry = shortMatches[shortAt];
        if (prevMatch >= 0 && prevMatch < PixelScan.NEIGHBOURS && nb[prevMatch] != MISSING) n = add(nb[prevMatch],
                prevMatch, n);
        for (int k = 0; k < PixelScan.NEIGHBOURS && n < MATCHES; k++) if (nb[k] != MISSING) n = add(nb[k], k, n);
        // the short match model's value, then out of a run the period's sample, come after the neighbours', in the
        // last place if need be
        if (shortEntry != 0) n = addLast(value(shortEntry), SHORT, n);
        if (periodAt >= 0 && !periodRun) n = addLast(plane[periodAt], PERIOD, n);
        int distinct = distinct4();
        int activity = activity();
        int sel = pass * 4 + distinct;
        int result = Integer.MIN_VALUE;
        for (int j = 0; j < n; j++) {
            int eq = 0;
            for (int k = 0; k < PixelScan.NEIGHBOURS; k++) if (nb[k] == cand[j]) eq |= 1 << k;
            int state = candPos[j] == PixelScan.NEIGHBOURS ? 1 + confidence
                    : candPos[j] == PERIOD ? PERIOD_STATE + (periodRun ? 1 : 0)
                    : candPos[j] == SHORT ? SHORT_STATE + (shortEntry >>> 20 & 1) : 0;
            slots[0] = (((pass * 3 + info) * MATCH_STATES + state) << 10 | eq << 2 | distinct) * MATCHES + j;
            directIndex = slots[0];
            slots[1] = slot(hNear, j * MATCH_STATES + state);
            slots[2] = slot(shape(cand[j], c * 4 + pass + 16 * stride), j * MATCH_STATES + state);
            slots[3] = slot(hash(hash(cand[j], eq), ((c * 4 + pass) * 4 + info) * MATCH_STATES + state), j);
            slots[4] = slot(hWideAll, j * MATCH_STATES + state);
            selector2 = j * mixer2Sets + state * 3 + info;
            int bit = decide(v == cand[j] ? 1 : 0, j * PixelScan.PASSES * 4 + sel, CANDIDATE_CONTEXTS, coder);
            if (bit != 0) {
                plane[at] = cand[j];
                result = candPos[j];
                break;
            }
        }
        if (result == Integer.MIN_VALUE) result = codeResidual(plane, at, c, pass, info, prevResidual, sel, activity,
                coder, i);
        int value = plane[at];
        matches[matchAt] = entry(entry != 0 && value(entry) == value ? Math.min(7, confidence + 1) : 0, value);
        shortMatches[shortAt] = entry(shortEntry != 0 && value(shortEntry) == value ? 1 : 0, value);
        return result;
    }

    /** Largest difference a shape context tells apart, either way. */
    private static final int SHAPE_STEP = 3;
    /** Keeps the differences' shape contexts apart from the candidates'. */
    private static final int RESIDUAL_SHAPE = 4096;

    /**
     * The shape context (SPEC.md §4.4.2): the four nearest neighbours relative to a value (a candidate, or the
     * prediction), each difference clamped to +-3, hashed with {@code salt}. Where a smooth render steps by one level
     * from pixel to pixel, exact values rarely repeat but this shape does: 3.8 % fewer bytes on set P's development
     * half as pixel levels than the neighbours' values in its place (the Cornell box 8 %, a crater 22 %), 1.5 % on set
     * G's.
     */
    private int shape(int value, int salt) {
        int h = salt;
        for (int k = 0; k < 4; k++) {
            int d = nb[k] == MISSING ? 9 : Math.max(-SHAPE_STEP, Math.min(SHAPE_STEP, nb[k] - value));
            h = h * 23 + d + SHAPE_STEP;
        }
        return hash(h, 0x5EED);
    }

    /** A decoded sample outside its channel's range: the level's data is corrupt. */
    static final class OutOfRange extends RuntimeException {
        private static final long serialVersionUID = 1L;

        final int channel;
        final int part;

        OutOfRange(int channel, int part, int value) {
            super("decoded sample " + value + " of channel " + channel + " is out of range", null, false, false);
            this.channel = channel;
            this.part = part;
        }
    }

    /** Adds a candidate unless it is one already; returns the new count. */
    private int add(int value, int position, int n) {
        if (n == MATCHES || value == exclude) return n;
        for (int j = 0; j < n; j++) if (cand[j] == value) return n;
        cand[n] = value;
        candPos[n] = position;
        return n + 1;
    }

    /** A match model entry's value (the entry not 0). */
    private static int value(int entry) {
        return (entry & 0xFFFFF) - (1 << 17);
    }

    /** A match model entry: never 0, its state (confidence or hit) in bits 20-22, the value offset by 2^17 below. */
    private static int entry(int state, int value) {
        return 1 << 31 | state << 20 | value + (1 << 17);
    }

    /** Adds a candidate unless it is one already or excluded, replacing the last if four are listed. */
    private int addLast(int value, int position, int n) {
        if (value == exclude) return n;
        for (int j = 0; j < n; j++) if (cand[j] == value) return n;
        return add(value, position, n == MATCHES ? n - 1 : n);
    }

    /** Codes the difference from the prediction of a sample that equals no candidate. */
    private int codeResidual(int[] plane, int at, int c, int pass, int info, int prevResidual, int sel, int activity,
            BitCoder coder, int i) {
        int v = plane[at];
        int hGradient = hash(hash(q(nb[0], nb[2]), q(nb[1], nb[2])), hash(q(nb[3], nb[1]), c * 4 + pass));
        // P0, which codePixel computed; then the neighbours' errors, read only where a difference needs them
        int base = predicted;
        errors.at(column, c * 4 + pass);
        int firstDifference = c < 2 ? 0 : cross.differenceIn(cross.record(0, i));
        // the state set of the correction and the expert: the pass's, at the sample's grid position (SPEC.md §4.4.6)
        int set = pass + PixelScan.PASSES * position;
        long sixteenths = correction.predict(set, nb, base, previousDifference, firstDifference);
        int corrected = (int) Math.max(least, Math.min(greatest, base + (sixteenths + 8 >> 4)));
        // the later colours are predicted by the correction; channel 0 and alpha keep their prediction and see it as
        // context (an icon's alpha, moved by its colours' differences, coded 1.2 % larger)
        int pred = colour ? corrected : base;
        predicted = pred;
        int hShape = shape(pred, c * 4 + pass + 16 * stride + RESIDUAL_SHAPE);
        int salt = c * 4 + pass;
        int hOffsets = hash(hash(hash(offset(0, pred), offset(1, pred)), hash(offset(4, pred), offset(5, pred))), salt);
        int hCoarse = hash(hash(pred >> 3, offset(0, pred)), hash(offset(1, pred), salt));
        int r = v - pred;
        int a = Math.abs(r);
        int e = 32 - Integer.numberOfLeadingZeros(a);
        int hPred = positioned(hash(hash(pred, activity), c));
        // how the previous channel's sample was coded, and how far the neighbours lie from the prediction
        int hCross = hash(hash(hash(prevResidual, distance(pred)), c * 4 + pass),
                Correction.quantised(corrected - base));
        int directBase = DIRECT_MATCH + (activity * 3 + info) * DECISIONS;
        int got = 0;
        int context2 = info * 16 + errors.level();
        // with own errors, h5 is their pattern and the error level (SPEC.md §4.4.7)
        if (ownErrors) errors.ownAt(column);
        // far contexts key a later channel's h5 by the earlier channels' differences instead (below)
        int hError = farContexts && c > 0 ? 0 : positioned(ownErrors
                ? hash(errors.ownPattern(), errors.level() + 64 * c + 256 * pass) : errors.context());
        setContexts(hShape, hPred, hCross, hGradient, hError, hOffsets, hCoarse);
        if (gradients) {
            // a colour's coarse context also knows how channel 0 steps here (SPEC.md §4.4.12): 1.5 % fewer bytes on
            // set P's development half; the shape context too took 0.5 % more in 5 % more time
            contexts[7] = hash(hCoarse, hash(q(channel0[at], channel0Nb[0]), q(channel0[at], channel0Nb[1])));
        }
        if (expert != null || farContexts) {
            // the correction's ten features, then the wide neighbours' offsets from P0
            correction.copyFeatures(expertFeatures);
            for (int k = 0; k < PixelScan.WIDE; k++) {
                expertFeatures[PixelScan.NEIGHBOURS + 2 + k] = wideNb[k] == MISSING ? 0
                        : Correction.clamp((long) wideNb[k] - base);
            }
        }
        if (farContexts) {
            // the far neighbours' offsets; the earlier channels' exact differences (SPEC.md §4.4.9)
            hFar = hash(hash(hash(offset(2, pred), offset(3, pred)), hash(offset(6, pred), offset(7, pred))), salt);
            if (c > 0) contexts[5] = positioned(hash(hash(previousDifference, firstDifference), salt));
            context2 += 48 * LeastSquares.orientation(expertFeatures);
        }
        if (expert != null) {
            expert.start(set, ownErrors ? errors.ownLevel() : errors.level(), errors.sum(), base, pred, expertFeatures,
                    ownErrors ? errors.ownPattern() * 16 + errors.level() : 0);
        }
        exponentLines();
        for (int k = 0; k < bits; k++) {
            if (expert != null) expertInput = expert.exponentStep(k);
            exponentSlots(directBase + EXPONENT + k, k);
            int kind = EXPONENT_KIND + Math.min(k, 3);
            selector2 = kind * mixer2Sets + context2;
            if (decide(e > k ? 1 : 0, kind * PixelScan.PASSES * 4 + sel, CONTEXTS, coder) == 0) break;
            got = k + 1;
        }
        e = got;
        int sign = 0;
        if (e > 0) {
            // a sign shares the exponent's line where it fits in it
            if (e <= SIGN_IN_LINE) exponentSlots(directBase + SIGN + e, MAX_BITS + e);
            else residualSlots(directBase + SIGN + e, SIGN + e);
            selector2 = SIGN_KIND * mixer2Sets + context2;
            if (expert != null) expertInput = expert.negative(e);
            sign = decide(r < 0 ? 1 : 0, SIGN_KIND * PixelScan.PASSES * 4 + sel, CONTEXTS, coder);
        }
        int mag = e == 0 ? 0 : 1;
        for (int b = e - 2; b >= 0; b--) {
            // the mantissa's top bits by the bits above them (a node of a binary tree) in a line of their own, a
            // short one's in the exponent steps' line with tool packed-lines
            int id = directBase + MANTISSA + e * MAX_BITS + b;
            if (e <= packedUpTo) exponentSlots(id, packedEntry(bits, e, mag));
            else if (mag < LINE) lineSlots(id, MANTISSA + e * MAX_BITS, mag);
            else residualSlots(id, MANTISSA + e * MAX_BITS + b);
            int kind = b == e - 2 ? MANTISSA_KIND : MANTISSA_LOW_KIND;
            selector2 = kind * mixer2Sets + context2;
            if (expert != null) expertInput = expert.mantissaBit(mag, b, sign != 0);
            mag = mag << 1 | decide((a >>> b) & 1, kind * PixelScan.PASSES * 4 + sel, CONTEXTS, coder);
        }
        int value = sign != 0 ? pred - mag : pred + mag;
        if (value < least || value > greatest) throw new OutOfRange(c, part, value);
        plane[at] = value;
        correction.learn(value);
        if (expert != null) {
            ownError = expert.learn(value - pred, value - base);
            expertInput = 0;
        }
        if (cross.kept(c)) cross.difference(c, i, value - pred);
        return -1 - (e * 2 + sign);
    }

    /**
     * The exponent steps' line entry of node {@code mag} of a packed mantissa of a difference of {@code e} bits, where
     * differences have up to {@code bits} (tool packed-lines, SPEC.md §4.4.11): the nodes of e = 2, 3, 4 in that
     * order, over the entries the steps and signs leave free, B to 17 then from B + 18.
     */
    static int packedEntry(int bits, int e, int mag) {
        int t = (1 << e - 1) - e + mag - 1;
        return t < 18 - bits ? bits + t : 2 * bits + t;
    }

    /** The longest packed mantissa's difference, in bits, for differences of {@code bits} bits (SPEC.md §4.4.11). */
    static int packedUpTo(int bits) {
        return bits <= 10 ? 4 : bits <= 14 ? 3 : 2;
    }

    /** A context hash salted by the sample's grid position (SPEC.md §4.4.6); as it is at position 0. */
    private int positioned(int h) {
        return position == 0 ? h : hash(h, position);
    }

    /** The difference's seven hashed contexts (SPEC.md §4.4.2), in table order. */
    private final int[] contexts = new int[CONTEXTS];

    private void setContexts(int hShape, int hPred, int hCross, int hGradient, int hError, int hOffsets,
            int hCoarse) {
        contexts[1] = hShape;
        contexts[2] = hPred;
        contexts[3] = hCross;
        contexts[4] = hGradient;
        contexts[5] = hError;
        contexts[6] = hOffsets;
        contexts[7] = hCoarse;
    }

    /** Entries a line of a hashed table holds: one cache line of shorts. */
    static final int LINE = 32;
    /** The largest exponent whose sign is kept in the exponent steps' line (after its MAX_BITS steps). */
    static final int SIGN_IN_LINE = LINE - 1 - MAX_BITS;

    /** Per context, the line its exponent steps' group takes for the sample being coded ({@link #exponentLines}). */
    private final int[] exponentLine = new int[CONTEXTS];

    /**
     * Finds the exponent steps' line in each context once a sample: its steps, sign and packed mantissa all take
     * entries of that line (the same entries as {@link #lineSlots} finds for group {@link #EXPONENT}).
     */
    private void exponentLines() {
        if (farContexts) exponentLine[0] = line(0, EXPONENT);
        for (int k = 1; k < CONTEXTS; k++) exponentLine[k] = line(k, EXPONENT);
    }

    /** Entry {@code index} of the exponent steps' line in each context ({@link #exponentLines}). */
    private void exponentSlots(int direct, int index) {
        slots[0] = farContexts ? exponentLine[0] + index : direct;
        directIndex = direct;
        for (int k = 1; k < CONTEXTS; k++) slots[k] = exponentLine[k] + index;
    }

    /**
     * Entry {@code index} of the line of decision group {@code group} in each context: one sample's exponent steps
     * and sign, or the top of its mantissa, share a cache line in each table (set P's development half coded in 13 %
     * less time than with an entry each, for 0.2 % more bytes).
     */
    private void lineSlots(int direct, int group, int index) {
        slots[0] = farContexts ? line(0, group) + index : direct;
        directIndex = direct;
        for (int k = 1; k < CONTEXTS; k++) slots[k] = line(k, group) + index;
    }

    /** The first entry of group {@code group}'s line in context {@code k} (0: the far one, with far-contexts). */
    private int line(int k, int group) {
        return k == 0 ? farBase + (slot(hFar, 64 + group, 32 - FAR_BITS) & -LINE)
                : slot(contexts[k], 64 + group, shifts[k]) & -LINE;
    }

    /** Decision {@code d}'s entry of its own in each context. */
    private void residualSlots(int direct, int d) {
        slots[0] = farContexts ? farBase + slot(hFar, 64 + d, 32 - FAR_BITS) : direct;
        directIndex = direct;
        for (int k = 1; k < CONTEXTS; k++) slots[k] = slot(contexts[k], 64 + d, shifts[k]);
    }

    /** A neighbour's signed offset from {@code value} in half-octaves, 99 where it is missing. */
    private int offset(int k, int value) {
        return nb[k] == MISSING ? 99 : PassErrors.signedHalfOctave(nb[k] - value);
    }

    /**
     * Codes one decision with the first {@code used} counters of {@link #slots} (the mixers' other inputs are 0),
     * mixed under weight vector {@code selector}.
     */
    private int decide(int bit, int selector, int used, BitCoder coder) {
        for (int k = 0; k < used; k++) {
            slots[k] += tableBase[k];
            set(k, Counters.stretched(counters[slots[k]]));
        }
        for (int k = used; k < CONTEXTS; k++) set(k, 0);
        set(CONTEXTS, 256);
        // the expert's input: a difference's decisions only (a candidate's mix fewer counters)
        if (expert != null) set(CONTEXTS + 1, used == CONTEXTS ? expertInput : 0);
        int p12 = Logistic.squash(mixer.mixStretched(selector + SELECTORS * position)
                + mixer2.mixStretched(selector2) >> 1);
        int stretched = Logistic.stretch(p12);
        int a = apmDirect.refine(stretched, directIndex * 0x9E3779B1 >>> apmShift);
        // with tool lean-model the direct APM alone weighs what the two did
        int b = apmSelector == null ? a : apmSelector.refine(stretched, selector);
        int coded = coder.code(bit, (2 * p12 + 3 * a + 3 * b) << 1);
        mixer.update(coded);
        mixer2.update(coded);
        apmDirect.update(coded);
        if (apmSelector != null) apmSelector.update(coded);
        for (int k = 0; k < used; k++) counters[slots[k]] = Counters.updated(counters[slots[k]], coded);
        return coded;
    }

    private void set(int input, int stretched) {
        mixer.set(input, stretched); // mixer2 shares mixer's inputs
    }

    /** log2 of the four nearest neighbours' range, plus one (0 where they agree or none is known), at most 15. */
    private int activity() {
        int lo = Integer.MAX_VALUE;
        int hi = Integer.MIN_VALUE;
        for (int k = 0; k < 4; k++) {
            if (nb[k] == MISSING) continue;
            lo = Math.min(lo, nb[k]);
            hi = Math.max(hi, nb[k]);
        }
        return hi == Integer.MIN_VALUE ? 0 : Math.min(ACTIVITY - 1, 32 - Integer.numberOfLeadingZeros(hi - lo));
    }

    /**
     * The eight neighbours' summed distance from {@code value} in half-octave steps (SPEC.md §4.4.2): 0 where they all
     * equal it or none is known, else 2·⌊log2 sum⌋ + 1 + the bit below the top one, at most 31. A finer scale than
     * the four nearest's range for the difference's context: 0.4 % fewer bytes on set P's development half as
     * differences only.
     */
    private int distance(int value) {
        int sum = 0;
        for (int k = 0; k < PixelScan.NEIGHBOURS; k++) if (nb[k] != MISSING) sum += Math.abs(nb[k] - value);
        return Math.min(31, PassErrors.halfOctave(sum));
    }

    /** Distinct values among the four nearest neighbours, 0 (none known) to 3 (three or more). */
    private int distinct4() {
        int count = 0;
        for (int k = 0; k < 4; k++) {
            if (nb[k] == MISSING) continue;
            // counted without branches, whose way the data makes unpredictable
            int seen = 0;
            for (int j = 0; j < k; j++) seen |= equal(nb[j], nb[k]);
            count += seen ^ 1;
        }
        return Math.min(3, count);
    }

    /** 1 where {@code x == y}, else 0, without a branch. */
    private static int equal(int x, int y) {
        int d = x ^ y;
        return (d | -d) >>> 31 ^ 1;
    }

    /** The value a sample that equals no candidate is predicted as (SPEC.md §4.4.2). */
    private int predict(int pass) {
        int a = nb[0];
        int b = nb[1];
        if (pass == PixelScan.RASTER) return med(a, b, nb[2]);
        if (a == MISSING) return b == MISSING ? mid : b;
        return b == MISSING ? a : (a + b + 1) >> 1;
    }

    /** A signed difference of two neighbours, quantised to 9 steps (99 where either is missing). */
    private static int q(int a, int b) {
        if (a == MISSING || b == MISSING) return 99;
        int d = a - b;
        int m = Math.abs(d);
        // the thresholds passed (0, 3, 8, 24) counted without branches, whose way the data makes unpredictable
        int k = (-m >>> 31) + (2 - m >>> 31) + (7 - m >>> 31) + (23 - m >>> 31);
        int s = d >> 31;
        return (k ^ s) - s;
    }

    /** The median edge detector of LOCO-I from the left, upper and upper-left samples, any of them missing. */
    private int med(int a, int b, int cc) {
        if (a == MISSING) return b == MISSING ? mid : b;
        if (b == MISSING || cc == MISSING) return a;
        // the median of a, b and a + b − cc, in minima and maxima rather than branches the data makes unpredictable
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), a + b - cc));
    }

    static int hash(int a, int b) {
        int h = a * 0x9E3779B1 ^ (b + 0x7F4A7C15) * 0x85EBCA77;
        h ^= h >>> 15;
        h *= 0x2C1B3C6D;
        return h ^ h >>> 12;
    }

    private int slot(int h, int d) {
        return slot(h, d, hashShift);
    }

    /** Entry of context {@code h}, decision {@code d} in a table of 2^(32 - shift) entries. */
    private static int slot(int h, int d, int shift) {
        return (h + d * 0x27D4EB2F) * 0x165667B1 >>> shift;
    }
}
