package io.weir.core.decode;

/** Why a packet made no flow. Every packet read either joins a flow or is counted under one of these. */
public enum SkipReason
{
    UNSUPPORTED_LINK_TYPE("unsupported link type"),
    TRUNCATED_LINK_HEADER("truncated link-layer header"),
    MALFORMED_LINK_LAYER("malformed link layer (tag or label stack too deep, bad PPPoE)"),
    NON_IP("not IP"),
    TRUNCATED_IP_HEADER("truncated IP header"),
    BAD_IP_HEADER("bad IP header (version, header length)"),
    BAD_IPV6_EXTENSION_HEADERS("truncated or too long IPv6 extension header chain"),
    TRUNCATED_TRANSPORT_HEADER("truncated TCP/UDP/SCTP header");

    private final String description;

    SkipReason(final String description)
    {
        this.description = description;
    }

    public String description()
    {
        return description;
    }
}
