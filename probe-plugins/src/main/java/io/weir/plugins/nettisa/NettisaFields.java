package io.weir.plugins.nettisa;

import java.util.List;

import io.weir.core.field.Field;
import io.weir.core.field.FieldType;

/** The fields of the nettisa plugin, in ipfixprobe's order, CESNET elements 1020..1032. */
public final class NettisaFields
{
    static final long CESNET = 8057;

    public static final Field NTS_MEAN = field("NTS_MEAN", FieldType.FLOAT32, 1020,
        "mean payload length");
    public static final Field NTS_MIN = field("NTS_MIN", FieldType.UNSIGNED16, 1021,
        "smallest payload length");
    public static final Field NTS_MAX = field("NTS_MAX", FieldType.UNSIGNED16, 1022,
        "largest payload length");
    public static final Field NTS_STDEV = field("NTS_STDEV", FieldType.FLOAT32, 1023,
        "standard deviation of the payload lengths (against the integer mean, as ipfixprobe computes it)");
    public static final Field NTS_KURTOSIS = field("NTS_KURTOSIS", FieldType.FLOAT32, 1024,
        "kurtosis of the payload lengths");
    public static final Field NTS_ROOT_MEAN_SQUARE = field("NTS_ROOT_MEAN_SQUARE", FieldType.FLOAT32, 1025,
        "root mean square of the payload lengths");
    public static final Field NTS_AVERAGE_DISPERSION = field("NTS_AVERAGE_DISPERSION", FieldType.FLOAT32, 1026,
        "mean absolute difference of each payload length from the running mean");
    public static final Field NTS_MEAN_SCALED_TIME = field("NTS_MEAN_SCALED_TIME", FieldType.FLOAT32, 1027,
        "mean time of the packets since the first, µs");
    public static final Field NTS_MEAN_DIFFTIMES = field("NTS_MEAN_DIFFTIMES", FieldType.FLOAT32, 1028,
        "mean time between packets, µs");
    public static final Field NTS_MIN_DIFFTIMES = field("NTS_MIN_DIFFTIMES", FieldType.FLOAT32, 1029,
        "smallest time between packets, µs (the first packet counts as 0)");
    public static final Field NTS_MAX_DIFFTIMES = field("NTS_MAX_DIFFTIMES", FieldType.FLOAT32, 1030,
        "largest time between packets, µs");
    public static final Field NTS_TIME_DISTRIBUTION = field("NTS_TIME_DISTRIBUTION", FieldType.FLOAT32, 1031,
        "mean deviation of the inter-packet times, scaled as ipfixprobe scales it");
    public static final Field NTS_SWITCHING_RATIO = field("NTS_SWITCHING_RATIO", FieldType.FLOAT32, 1032,
        "share of packets whose frame length differs from the previous one's");

    public static final List<Field> ALL = List.of(NTS_MEAN, NTS_MIN, NTS_MAX, NTS_STDEV, NTS_KURTOSIS,
        NTS_ROOT_MEAN_SQUARE, NTS_AVERAGE_DISPERSION, NTS_MEAN_SCALED_TIME, NTS_MEAN_DIFFTIMES,
        NTS_MIN_DIFFTIMES, NTS_MAX_DIFFTIMES, NTS_TIME_DISTRIBUTION, NTS_SWITCHING_RATIO);

    private NettisaFields()
    {
    }

    private static Field field(final String name, final FieldType type, final int id, final String description)
    {
        return Field.of(Field.camelCase(name), name, type, CESNET, id, description);
    }
}
