package io.weir.plugins.ssdp;

import io.weir.plugins.dnsmessage.TextBuffer;

/**
 * What the ssdp plugin keeps for one flow slot. The lists have ipfixprobe's sizes (URN lists 511
 * bytes, server and user agent 255, each with C's terminating zero). Made the first time the slot
 * holds an SSDP flow and reused afterwards. Not thread safe.
 */
final class SsdpFlowState
{
    static final int URN_LIMIT = 511;
    static final int TEXT_LIMIT = 255;

    boolean present;
    int port;
    final TextBuffer nt = new TextBuffer(URN_LIMIT - 1);
    final TextBuffer st = new TextBuffer(URN_LIMIT - 1);
    final TextBuffer server = new TextBuffer(TEXT_LIMIT - 1);
    final TextBuffer userAgent = new TextBuffer(TEXT_LIMIT - 1);

    void clear()
    {
        present = false;
        port = 0;
        nt.clear();
        st.clear();
        server.clear();
        userAgent.clear();
    }
}
