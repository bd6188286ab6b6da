package io.weir.core.flow;

/**
 * Flow cache settings; the defaults are ipfixprobe's: 2^17 records in rows of 16,
 * active timeout 300 s, inactive timeout 30 s, biflows, fragment table on.
 */
public record FlowCacheConfig(
    int sizeExponent,
    int rowExponent,
    int activeTimeoutSeconds,
    int inactiveTimeoutSeconds,
    boolean split,
    boolean fragmentTable,
    int fragmentTableSize,
    int fragmentTimeoutSeconds)
{
    /** Rows hold at most 16 records: a row's LRU order is 16 four-bit slot numbers in one long. */
    public static final int MAX_ROW_EXPONENT = 4;

    public static final FlowCacheConfig DEFAULT = new FlowCacheConfig(17, 4, 300, 30, false, true, 10_007, 3);

    public FlowCacheConfig
    {
        if (sizeExponent < 4 || sizeExponent > 30)
        {
            throw new IllegalArgumentException("cache size exponent must be 4..30, got " + sizeExponent);
        }
        if (rowExponent < 0 || rowExponent > MAX_ROW_EXPONENT)
        {
            throw new IllegalArgumentException("cache row exponent must be 0.." + MAX_ROW_EXPONENT
                + " (rows of at most 16 records), got " + rowExponent);
        }
        if (activeTimeoutSeconds <= 0 || inactiveTimeoutSeconds <= 0)
        {
            throw new IllegalArgumentException("timeouts must be positive");
        }
        if (fragmentTableSize <= 0 || fragmentTimeoutSeconds <= 0)
        {
            throw new IllegalArgumentException("fragment table size and timeout must be positive");
        }
    }

    public int capacity()
    {
        return 1 << sizeExponent;
    }

    public int rowSize()
    {
        return 1 << rowExponent;
    }

    public FlowCacheConfig withTimeouts(final int activeSeconds, final int inactiveSeconds)
    {
        return new FlowCacheConfig(sizeExponent, rowExponent, activeSeconds, inactiveSeconds, split,
            fragmentTable, fragmentTableSize, fragmentTimeoutSeconds);
    }
}
