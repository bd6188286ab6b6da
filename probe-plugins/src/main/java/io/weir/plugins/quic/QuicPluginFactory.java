package io.weir.plugins.quic;

import java.util.List;

import io.weir.core.field.Field;
import io.weir.core.plugin.PluginOption;
import io.weir.core.plugin.PluginOptions;
import io.weir.core.plugin.ProcessPlugin;
import io.weir.core.plugin.ProcessPluginFactory;

/** Makes the quic plugin: {@code -p quic} or {@code -p 'quic;crypto=16384;streams=256'}. */
public final class QuicPluginFactory implements ProcessPluginFactory
{
    public static final String NAME = "quic";
    public static final int DEFAULT_CRYPTO_BYTES = 16384;
    public static final int DEFAULT_STREAMS = 256;

    private static final List<PluginOption> OPTIONS = List.of(
        new PluginOption("crypto", "c", "BYTES",
            "most bytes of Initial CRYPTO stream collected per connection: the largest ClientHello read (default "
                + DEFAULT_CRYPTO_BYTES + ")"),
        new PluginOption("streams", "s", "COUNT",
            "connections collecting a ClientHello over several Initial packets at the same time per worker (default "
                + DEFAULT_STREAMS + ")"));

    @Override
    public String name()
    {
        return NAME;
    }

    @Override
    public String description()
    {
        return "QUIC: decrypted Initial ClientHello (SNI, user agent, extensions), versions, connection IDs, packet types";
    }

    @Override
    public List<PluginOption> options()
    {
        return OPTIONS;
    }

    @Override
    public List<Field> fields()
    {
        return QuicFields.ALL;
    }

    @Override
    public ProcessPlugin create(final PluginOptions options, final int flowSlots)
    {
        final int crypto = options.intValue(DEFAULT_CRYPTO_BYTES, 512, 1 << 16, "crypto", "c");
        final int streams = options.intValue(DEFAULT_STREAMS, 1, 1 << 20, "streams", "s");
        return new QuicPlugin(flowSlots, crypto, streams);
    }
}
