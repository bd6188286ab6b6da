package io.weir.plugins.tls;

import java.util.List;

import io.weir.core.field.Field;
import io.weir.core.plugin.PluginOption;
import io.weir.core.plugin.PluginOptions;
import io.weir.core.plugin.ProcessPlugin;
import io.weir.core.plugin.ProcessPluginFactory;

/** Makes the tls plugin: {@code -p tls} or {@code -p 'tls;reassembly=16384;buffers=256'}. */
public final class TlsPluginFactory implements ProcessPluginFactory
{
    public static final String NAME = "tls";
    public static final int DEFAULT_REASSEMBLY_BYTES = 16384;
    public static final int DEFAULT_BUFFERS = 256;

    private static final List<PluginOption> OPTIONS = List.of(
        new PluginOption("reassembly", "r", "BYTES",
            "most bytes of TCP stream collected for a hello split over segments, 0 = off (default "
                + DEFAULT_REASSEMBLY_BYTES + ", at most " + TlsPlugin.MAX_MESSAGE_BYTES + ")"),
        new PluginOption("buffers", "b", "COUNT",
            "hellos collected at the same time per worker (default " + DEFAULT_BUFFERS + ")"));

    @Override
    public String name()
    {
        return NAME;
    }

    @Override
    public String description()
    {
        return "TLS over TCP: SNI, ALPN, version, JA3, JA4 and extensions of the ClientHello/ServerHello";
    }

    @Override
    public List<PluginOption> options()
    {
        return OPTIONS;
    }

    @Override
    public List<Field> fields()
    {
        return TlsFields.ALL;
    }

    @Override
    public ProcessPlugin create(final PluginOptions options, final int flowSlots)
    {
        final int reassembly = options.intValue(DEFAULT_REASSEMBLY_BYTES, 0, TlsPlugin.MAX_MESSAGE_BYTES,
            "reassembly", "r");
        final int buffers = options.intValue(DEFAULT_BUFFERS, 1, 1 << 20, "buffers", "b");
        return new TlsPlugin(flowSlots, reassembly, buffers);
    }
}
