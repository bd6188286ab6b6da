package io.weir.plugins.text;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.weir.core.flow.FlowCacheConfig;
import io.weir.core.plugin.PluginChain;
import io.weir.core.plugin.ProcessPlugin;
import io.weir.core.testing.CollectedRecord;
import io.weir.core.testing.IpfixprobeReference;
import io.weir.core.testing.PipelineHarness;
import io.weir.core.testing.ReferenceMatch;
import io.weir.core.testing.TestData;

/** Runs one plugin over a bundled capture and compares with ipfixprobe's reference output. */
public final class Golden
{
    /** Exporter metadata in ipfixprobe's output, not flow data. */
    public static final List<String> NOT_COMPARED = List.of("LINK_BIT_FIELD", "DIR_BIT_FIELD");

    private Golden()
    {
    }

    public static int flowSlots()
    {
        return FlowCacheConfig.DEFAULT.capacity();
    }

    /** The records of a capture with only this plugin active. */
    public static List<CollectedRecord> run(final String capture, final ProcessPlugin plugin)
        throws InterruptedException
    {
        return PipelineHarness.run(TestData.capture(capture), new PluginChain(List.of(plugin)));
    }

    public static IpfixprobeReference reference(final String name) throws IOException
    {
        return IpfixprobeReference.read(TestData.expected(name));
    }

    /** Every field of the reference but the exporter metadata. */
    public static List<String> comparedFields(final IpfixprobeReference reference)
    {
        final List<String> fields = new ArrayList<>(reference.types().keySet());
        fields.removeAll(NOT_COMPARED);
        return fields;
    }

    /** The records that carry the field (by ipfixprobe name): the ones with the plugin's data. */
    public static List<CollectedRecord> carrying(final List<CollectedRecord> records, final String field)
    {
        final List<CollectedRecord> carrying = new ArrayList<>();
        for (final CollectedRecord record : records)
        {
            if (record.byIpfixprobeName().containsKey(field))
            {
                carrying.add(record);
            }
        }
        return carrying;
    }

    public static ReferenceMatch match(final IpfixprobeReference reference, final List<CollectedRecord> records)
    {
        return ReferenceMatch.of(reference, comparedFields(reference), records);
    }

    /**
     * A reference with other records (ipfixprobe's, some values corrected where it is shown wrong),
     * written in ipfixprobe's format and read back.
     */
    public static IpfixprobeReference rewritten(final IpfixprobeReference reference,
                                                final List<Map<String, String>> records) throws IOException
    {
        final List<String> names = new ArrayList<>(reference.types().keySet());
        final StringBuilder text = new StringBuilder();
        for (final Map<String, String> record : records)
        {
            for (int i = 0; i < names.size(); i++)
            {
                final String value = record.get(names.get(i));
                text.append(i > 0 ? "," : "");
                text.append("string".equals(reference.types().get(names.get(i))) ? '"' + value + '"' : value);
            }
            text.append('\n');
        }
        for (int i = 0; i < names.size(); i++)
        {
            text.append(i > 0 ? "," : "").append(reference.types().get(names.get(i))).append(' ').append(names.get(i));
        }
        text.append('\n');
        final Path file = Files.createTempFile("weir-reference", ".txt");
        try
        {
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return IpfixprobeReference.read(file);
        }
        finally
        {
            Files.delete(file);
        }
    }
}
