package io.weir.core.flow;

/** flowEndReason values (IANA element 136, RFC 5102 section 5.11.3). */
public final class FlowEndReason
{
    public static final int IDLE_TIMEOUT = 1;
    public static final int ACTIVE_TIMEOUT = 2;
    public static final int END_OF_FLOW = 3;
    public static final int FORCED_END = 4;
    public static final int LACK_OF_RESOURCES = 5;
    /** Highest code; arrays indexed by reason have this length plus one. */
    public static final int MAX = 5;

    private FlowEndReason()
    {
    }

    public static String name(final int reason)
    {
        switch (reason)
        {
            case IDLE_TIMEOUT: return "idle timeout";
            case ACTIVE_TIMEOUT: return "active timeout";
            case END_OF_FLOW: return "end of flow";
            case FORCED_END: return "forced end";
            case LACK_OF_RESOURCES: return "lack of resources";
            default: return "reason " + reason;
        }
    }

    /** Short tag for text output columns. */
    public static String shortName(final int reason)
    {
        switch (reason)
        {
            case IDLE_TIMEOUT: return "idle";
            case ACTIVE_TIMEOUT: return "active";
            case END_OF_FLOW: return "eof";
            case FORCED_END: return "forced";
            case LACK_OF_RESOURCES: return "evicted";
            default: return Integer.toString(reason);
        }
    }
}
