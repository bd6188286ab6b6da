package io.weir.plugins.nettisa;

/**
 * The NetTiSA statistics of every flow slot, computed as ipfixprobe's nettisa computes them. Its
 * state is 32-bit floats, and the expressions mix them with integers and doubles in C's way; the
 * Java here keeps each operation's type so that the results are the same floats:
 * <ul>
 * <li>float op integer is done in float (the integer converted to float);</li>
 * <li>{@code pow} and {@code fmax} are done in double, and their result stored back as a float;</li>
 * <li>the standard deviation subtracts the square of the integer mean ({@code sum / n} of two
 *     integers), not of the float mean;</li>
 * <li>the time distribution divides by {@code max difftime - min payload length}, as ipfixprobe does.</li>
 * </ul>
 * Where ipfixprobe's unsigned arithmetic turns a packet older than the one before into a gap of
 * about 1.8e19 µs, the gap here is 0 (what its {@code fmax(gap, 0)} means to do).
 * Not thread safe: owned by the capture worker.
 */
public final class NettisaStatistics
{
    private static final int MEAN = 0;
    private static final int RMS = 1;
    private static final int DISPERSION = 2;
    private static final int KURTOSIS = 3;
    private static final int SCALED_TIME = 4;
    private static final int MEAN_DIFF = 5;
    private static final int MIN_DIFF = 6;
    private static final int MAX_DIFF = 7;
    private static final int TIME_DISTRIBUTION = 8;
    private static final int SWITCHING = 9;
    private static final int STDEV = 10;
    private static final int FLOATS = 11;

    private static final int MIN_MAX = 0;
    private static final int PREVIOUS_LENGTH = 1;
    private static final int INTS = 2;
    private static final int FINISHED = 1 << 16;

    private static final int PREVIOUS_TIME = 0;
    private static final int SUM = 1;
    private static final int FIRST_TIME = 2;
    private static final int LONGS = 3;

    private final float[] floats;
    private final int[] ints;
    private final long[] longs;

    public NettisaStatistics(final int flowSlots)
    {
        this.floats = new float[Math.multiplyExact(flowSlots, FLOATS)];
        this.ints = new int[Math.multiplyExact(flowSlots, INTS)];
        this.longs = new long[Math.multiplyExact(flowSlots, LONGS)];
    }

    /**
     * A new flow whose first packet is at {@code timeMicros}: the time scaled times count from (the
     * first packet's, as ipfixprobe's flow start, even when a later packet carries an earlier time).
     */
    public void reset(final int slot, final long timeMicros)
    {
        final int f = slot * FLOATS;
        for (int i = 0; i < FLOATS; i++)
        {
            floats[f + i] = 0f;
        }
        floats[f + MIN_DIFF] = Float.MAX_VALUE;
        ints[slot * INTS + MIN_MAX] = 0xFFFF;
        ints[slot * INTS + PREVIOUS_LENGTH] = 0;
        longs[slot * LONGS + PREVIOUS_TIME] = timeMicros;
        longs[slot * LONGS + SUM] = 0;
        longs[slot * LONGS + FIRST_TIME] = timeMicros;
    }

    /**
     * One packet of the flow.
     *
     * @param packets     the flow's packets so far, this one included
     * @param payload     payload length on the wire
     * @param frameLength the frame's length on the wire (what the switching ratio compares)
     */
    public void add(final int slot, final long packets, final int payload, final int frameLength,
                    final long timeMicros)
    {
        final float[] f = floats;
        final int at = slot * FLOATS;
        final float n = (float)packets;
        final float variation = (float)payload - f[at + MEAN];
        final int l = slot * LONGS;
        final float gap = (float)Math.max(timeMicros - longs[l + PREVIOUS_TIME], 0L);
        longs[l + SUM] += payload;
        longs[l + PREVIOUS_TIME] = timeMicros;

        f[at + MEAN] += variation / n;
        final int m = slot * INTS + MIN_MAX;
        final int minMax = ints[m];
        ints[m] = Math.min(minMax & 0xFFFF, payload) | (Math.max(minMax >>> 16, payload) << 16);
        f[at + RMS] = (float)((double)f[at + RMS] + (double)payload * payload);
        f[at + DISPERSION] += Math.abs(variation);
        f[at + KURTOSIS] = (float)((double)f[at + KURTOSIS] + Math.pow(variation, 4));
        f[at + SCALED_TIME] += ((float)(timeMicros - longs[l + FIRST_TIME]) - f[at + SCALED_TIME]) / n;
        f[at + MEAN_DIFF] += (gap - f[at + MEAN_DIFF]) / n;
        f[at + MIN_DIFF] = Math.min(f[at + MIN_DIFF], gap);
        f[at + MAX_DIFF] = Math.max(f[at + MAX_DIFF], gap);
        f[at + TIME_DISTRIBUTION] += Math.abs(f[at + MEAN_DIFF] - gap);
        final int p = slot * INTS + PREVIOUS_LENGTH;
        if ((ints[p] & 0xFFFF) != frameLength)
        {
            f[at + SWITCHING] += 1f;
            ints[p] = frameLength;
        }
    }

    /** The flow ended with {@code packets} packets: finishes its statistics (none for one packet). */
    public void finish(final int slot, final long packets)
    {
        final int p = slot * INTS + PREVIOUS_LENGTH;
        if (packets <= 1)
        {
            ints[p] &= ~FINISHED;
            return;
        }
        ints[p] |= FINISHED;
        final float[] f = floats;
        final int at = slot * FLOATS;
        final float n = (float)packets;
        f[at + SWITCHING] = f[at + SWITCHING] / n;
        final long integerMean = longs[slot * LONGS + SUM] / packets;
        final float stdev = (float)Math.pow((double)(f[at + RMS] / n) - Math.pow((double)integerMean, 2), 0.5);
        f[at + STDEV] = stdev;
        f[at + KURTOSIS] = stdev == 0f ? 0f : (float)(f[at + KURTOSIS] / ((double)packets * Math.pow(stdev, 4)));
        f[at + TIME_DISTRIBUTION] = (f[at + TIME_DISTRIBUTION] / (float)(packets - 1))
            / (f[at + MAX_DIFF] - (float)min(slot));
        f[at + RMS] = (float)Math.pow(f[at + RMS] / n, 0.5);
        f[at + DISPERSION] = f[at + DISPERSION] / n;
    }

    public boolean finished(final int slot)
    {
        return (ints[slot * INTS + PREVIOUS_LENGTH] & FINISHED) != 0;
    }

    public float mean(final int slot)
    {
        return floats[slot * FLOATS + MEAN];
    }

    public int min(final int slot)
    {
        return ints[slot * INTS + MIN_MAX] & 0xFFFF;
    }

    public int max(final int slot)
    {
        return ints[slot * INTS + MIN_MAX] >>> 16;
    }

    public float standardDeviation(final int slot)
    {
        return floats[slot * FLOATS + STDEV];
    }

    public float kurtosis(final int slot)
    {
        return floats[slot * FLOATS + KURTOSIS];
    }

    public float rootMeanSquare(final int slot)
    {
        return floats[slot * FLOATS + RMS];
    }

    public float averageDispersion(final int slot)
    {
        return floats[slot * FLOATS + DISPERSION];
    }

    public float meanScaledTime(final int slot)
    {
        return floats[slot * FLOATS + SCALED_TIME];
    }

    public float meanDifftimes(final int slot)
    {
        return floats[slot * FLOATS + MEAN_DIFF];
    }

    public float minDifftimes(final int slot)
    {
        return floats[slot * FLOATS + MIN_DIFF];
    }

    public float maxDifftimes(final int slot)
    {
        return floats[slot * FLOATS + MAX_DIFF];
    }

    public float timeDistribution(final int slot)
    {
        return floats[slot * FLOATS + TIME_DISTRIBUTION];
    }

    public float switchingRatio(final int slot)
    {
        return floats[slot * FLOATS + SWITCHING];
    }
}
