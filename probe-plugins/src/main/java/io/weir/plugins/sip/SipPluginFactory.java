package io.weir.plugins.sip;

import java.util.List;

import io.weir.core.field.Field;
import io.weir.core.plugin.PluginOption;
import io.weir.core.plugin.PluginOptions;
import io.weir.core.plugin.ProcessPlugin;
import io.weir.core.plugin.ProcessPluginFactory;

/** Makes the sip plugin ({@code -p sip}); it has no options. */
public final class SipPluginFactory implements ProcessPluginFactory
{
    public static final String NAME = "sip";

    @Override
    public String name()
    {
        return NAME;
    }

    @Override
    public String description()
    {
        return "SIP message type, status code, CSeq, From/To URIs, Call-ID, user agent, request URI, Via";
    }

    @Override
    public List<PluginOption> options()
    {
        return List.of();
    }

    @Override
    public List<Field> fields()
    {
        return SipFields.ALL;
    }

    @Override
    public ProcessPlugin create(final PluginOptions options, final int flowSlots)
    {
        return new SipPlugin(flowSlots);
    }
}
