package io.weir.plugins.dnssd;

import io.weir.plugins.dnsmessage.TextBuffer;

/**
 * One advertised service instance of a DNS-SD flow: what its SRV, HINFO and TXT records said.
 * Also used for the record being read. Reused: not thread safe.
 */
final class DnsSdResponse
{
    static final int NAME_CAPACITY = 255;
    static final int STRING_CAPACITY = 255;
    static final int TXT_CAPACITY = 1024;
    static final int NO_PORT = -1;

    final TextBuffer name = new TextBuffer(NAME_CAPACITY);
    int port = NO_PORT;
    final TextBuffer target = new TextBuffer(NAME_CAPACITY);
    final TextBuffer cpu = new TextBuffer(STRING_CAPACITY);
    final TextBuffer os = new TextBuffer(STRING_CAPACITY);
    final TextBuffer txt = new TextBuffer(TXT_CAPACITY);

    void clear()
    {
        name.clear();
        port = NO_PORT;
        target.clear();
        cpu.clear();
        os.clear();
        txt.clear();
    }

    /** {@code name;port;target;cpu:os;txt;} with an empty hinfo part when both strings are empty. */
    void render(final TextBuffer out)
    {
        out.append(name).append(';').appendDecimal(port).append(';').append(target).append(';');
        if (!cpu.isEmpty() || !os.isEmpty())
        {
            out.append(cpu).append(':').append(os);
        }
        out.append(';').append(txt).append(';');
    }
}
