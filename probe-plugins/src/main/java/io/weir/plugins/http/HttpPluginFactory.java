package io.weir.plugins.http;

import java.util.List;

import io.weir.core.field.Field;
import io.weir.core.plugin.PluginOption;
import io.weir.core.plugin.PluginOptions;
import io.weir.core.plugin.ProcessPlugin;
import io.weir.core.plugin.ProcessPluginFactory;

/** Makes the http plugin ({@code -p http}); it has no options. */
public final class HttpPluginFactory implements ProcessPluginFactory
{
    public static final String NAME = "http";

    @Override
    public String name()
    {
        return NAME;
    }

    @Override
    public String description()
    {
        return "HTTP request method, host, URL, user agent, referer; response status, content type, server, cookie names";
    }

    @Override
    public List<PluginOption> options()
    {
        return List.of();
    }

    @Override
    public List<Field> fields()
    {
        return HttpFields.ALL;
    }

    @Override
    public ProcessPlugin create(final PluginOptions options, final int flowSlots)
    {
        return new HttpPlugin(flowSlots);
    }
}
