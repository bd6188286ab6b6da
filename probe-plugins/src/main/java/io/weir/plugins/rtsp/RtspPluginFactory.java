package io.weir.plugins.rtsp;

import java.util.List;

import io.weir.core.field.Field;
import io.weir.core.plugin.PluginOption;
import io.weir.core.plugin.PluginOptions;
import io.weir.core.plugin.ProcessPlugin;
import io.weir.core.plugin.ProcessPluginFactory;

/** Makes the rtsp plugin ({@code -p rtsp}); it has no options. */
public final class RtspPluginFactory implements ProcessPluginFactory
{
    public static final String NAME = "rtsp";

    @Override
    public String name()
    {
        return NAME;
    }

    @Override
    public String description()
    {
        return "RTSP request method, URI, user agent; response status code, server, content type";
    }

    @Override
    public List<PluginOption> options()
    {
        return List.of();
    }

    @Override
    public List<Field> fields()
    {
        return RtspFields.ALL;
    }

    @Override
    public ProcessPlugin create(final PluginOptions options, final int flowSlots)
    {
        return new RtspPlugin(flowSlots);
    }
}
