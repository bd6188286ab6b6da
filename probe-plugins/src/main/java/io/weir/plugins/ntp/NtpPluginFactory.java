package io.weir.plugins.ntp;

import java.util.List;

import io.weir.core.field.Field;
import io.weir.core.plugin.PluginOption;
import io.weir.core.plugin.PluginOptions;
import io.weir.core.plugin.ProcessPlugin;
import io.weir.core.plugin.ProcessPluginFactory;

/** Makes the ntp plugin: {@code -p ntp} (no options). */
public final class NtpPluginFactory implements ProcessPluginFactory
{
    public static final String NAME = "ntp";

    @Override
    public String name()
    {
        return NAME;
    }

    @Override
    public String description()
    {
        return "NTP on port 123: one flow per packet with the NTPv4 header (mode, stratum, reference id, timestamps)";
    }

    @Override
    public List<PluginOption> options()
    {
        return List.of();
    }

    @Override
    public List<Field> fields()
    {
        return NtpFields.ALL;
    }

    @Override
    public ProcessPlugin create(final PluginOptions options, final int flowSlots)
    {
        return new NtpPlugin();
    }
}
