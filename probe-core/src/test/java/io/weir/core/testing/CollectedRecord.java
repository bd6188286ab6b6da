package io.weir.core.testing;

import java.util.LinkedHashMap;
import java.util.Map;

/** A flow record as text values, by ipfixprobe name (UniRec) and by weir's JSON name. */
public record CollectedRecord(int schemaId, Map<String, String> byIpfixprobeName, Map<String, String> byName)
{
    public CollectedRecord
    {
        byIpfixprobeName = new LinkedHashMap<>(byIpfixprobeName);
        byName = new LinkedHashMap<>(byName);
    }
}
