package io.weir.plugins.dns;

import io.weir.plugins.dnsmessage.TextBuffer;

/**
 * What the dns plugin keeps for one flow slot: the values of its fields. Made the first time the
 * slot holds a DNS flow and reused for every later flow in that slot. Not thread safe.
 */
final class DnsFlowState
{
    /** ipfixprobe's qname buffer is 128 bytes with the terminating zero. */
    static final int NAME_CAPACITY = 127;
    /** ipfixprobe's rdata buffer is 160 bytes with the terminating zero. */
    static final int RDATA_CAPACITY = 159;

    boolean present;
    int id;
    int answers;
    int rcode;
    int questionType;
    int questionClass;
    long ttl;
    int payloadSize;
    int dnssecOk;
    final TextBuffer name = new TextBuffer(NAME_CAPACITY);
    final TextBuffer rdata = new TextBuffer(RDATA_CAPACITY);

    void clear()
    {
        present = false;
        id = 0;
        answers = 0;
        rcode = 0;
        questionType = 0;
        questionClass = 0;
        ttl = 0;
        payloadSize = 0;
        dnssecOk = 0;
        name.clear();
        rdata.clear();
    }
}
