package io.weir.e2e;

import java.util.Comparator;

/**
 * A flow key that is the same for both directions: the two endpoints (address and port) in a
 * fixed order, the protocol and the VLAN id ({@link Flow#NO_VLAN} when not compared).
 */
record BiflowKey(String lowEndpoint, String highEndpoint, int protocol, int vlanId) implements Comparable<BiflowKey>
{
    private static final Comparator<BiflowKey> ORDER = Comparator.comparing(BiflowKey::lowEndpoint)
        .thenComparing(BiflowKey::highEndpoint).thenComparingInt(BiflowKey::protocol).thenComparingInt(BiflowKey::vlanId);

    static BiflowKey of(final String addressA, final int portA, final String addressB, final int portB,
                        final int protocol, final int vlanId)
    {
        final String a = addressA + " " + portA;
        final String b = addressB + " " + portB;
        return a.compareTo(b) <= 0
            ? new BiflowKey(a, b, protocol, vlanId) : new BiflowKey(b, a, protocol, vlanId);
    }

    @Override
    public int compareTo(final BiflowKey other)
    {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString()
    {
        return lowEndpoint + " <-> " + highEndpoint + " proto " + protocol + (vlanId > 0 ? " vlan " + vlanId : "");
    }
}
