package io.weir.plugins.smtp;

import java.util.List;

import io.weir.core.field.Field;
import io.weir.core.plugin.PluginOption;
import io.weir.core.plugin.PluginOptions;
import io.weir.core.plugin.ProcessPlugin;
import io.weir.core.plugin.ProcessPluginFactory;

/** Makes the smtp plugin ({@code -p smtp}); it has no options. */
public final class SmtpPluginFactory implements ProcessPluginFactory
{
    public static final String NAME = "smtp";

    @Override
    public String name()
    {
        return NAME;
    }

    @Override
    public String description()
    {
        return "SMTP command and status code flags and counts, client domain, first sender and recipient";
    }

    @Override
    public List<PluginOption> options()
    {
        return List.of();
    }

    @Override
    public List<Field> fields()
    {
        return SmtpFields.ALL;
    }

    @Override
    public ProcessPlugin create(final PluginOptions options, final int flowSlots)
    {
        return new SmtpPlugin(flowSlots);
    }
}
