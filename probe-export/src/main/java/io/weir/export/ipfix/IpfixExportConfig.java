package io.weir.export.ipfix;

import java.util.function.LongSupplier;

/**
 * Settings of one IPFIX export.
 *
 * @param observationDomainId     the domain of the flow records ({@code id=}); statistics go to domain 0
 * @param maxMessageLength        largest IPFIX message in bytes (the {@code mtu=})
 * @param milliseconds            flowStart/EndMilliseconds (152/153) instead of the microsecond NTP forms
 * @param ingressInterface        value exported as ingressInterface for every flow ({@code dir=}), or -1 for the record's own
 * @param templateRefreshSeconds  UDP: send all templates again after this many seconds (0: never)
 * @param templateRefreshMessages UDP: send all templates again after this many messages (0: never)
 * @param statisticsSeconds       send the statistics options record this often (0: at start and end only)
 * @param activeTimeoutSeconds    reported in the statistics record
 * @param idleTimeoutSeconds      reported in the statistics record
 * @param samplingInterval        reported in the statistics record (1: every packet)
 * @param ignoredPackets          packets the probe could not put into flows, for the statistics record
 * @param closeTimeoutMs          how long closing may wait for a collector to take the backlog
 * @param exportingProcessId      reported in the statistics record, or -1 for this process's id
 * @param systemInitMs            reported in the statistics record, or -1 for the JVM's start time
 */
public record IpfixExportConfig(long observationDomainId, int maxMessageLength, boolean milliseconds,
                                long ingressInterface, long templateRefreshSeconds, long templateRefreshMessages,
                                long statisticsSeconds, int activeTimeoutSeconds, int idleTimeoutSeconds,
                                long samplingInterval, LongSupplier ignoredPackets, long closeTimeoutMs,
                                long exportingProcessId, long systemInitMs)
{
    public static final int DEFAULT_MTU = 1458;
    public static final long DEFAULT_TEMPLATE_REFRESH_SECONDS = 600;
    public static final long DEFAULT_STATISTICS_SECONDS = 60;
    public static final long DEFAULT_CLOSE_TIMEOUT_MS = 5000;

    public static IpfixExportConfig defaults()
    {
        return new IpfixExportConfig(0, DEFAULT_MTU, false, -1, DEFAULT_TEMPLATE_REFRESH_SECONDS, 0,
            DEFAULT_STATISTICS_SECONDS, 300, 30, 1, () -> 0, DEFAULT_CLOSE_TIMEOUT_MS, -1, -1);
    }

    public IpfixExportConfig withObservationDomainId(final long id)
    {
        return new IpfixExportConfig(id, maxMessageLength, milliseconds, ingressInterface, templateRefreshSeconds,
            templateRefreshMessages, statisticsSeconds, activeTimeoutSeconds, idleTimeoutSeconds, samplingInterval,
            ignoredPackets, closeTimeoutMs, exportingProcessId, systemInitMs);
    }

    public IpfixExportConfig withMaxMessageLength(final int length)
    {
        return new IpfixExportConfig(observationDomainId, length, milliseconds, ingressInterface,
            templateRefreshSeconds, templateRefreshMessages, statisticsSeconds, activeTimeoutSeconds,
            idleTimeoutSeconds, samplingInterval, ignoredPackets, closeTimeoutMs, exportingProcessId, systemInitMs);
    }

    public IpfixExportConfig withMilliseconds(final boolean ms)
    {
        return new IpfixExportConfig(observationDomainId, maxMessageLength, ms, ingressInterface,
            templateRefreshSeconds, templateRefreshMessages, statisticsSeconds, activeTimeoutSeconds,
            idleTimeoutSeconds, samplingInterval, ignoredPackets, closeTimeoutMs, exportingProcessId, systemInitMs);
    }

    public IpfixExportConfig withIngressInterface(final long value)
    {
        return new IpfixExportConfig(observationDomainId, maxMessageLength, milliseconds, value,
            templateRefreshSeconds, templateRefreshMessages, statisticsSeconds, activeTimeoutSeconds,
            idleTimeoutSeconds, samplingInterval, ignoredPackets, closeTimeoutMs, exportingProcessId, systemInitMs);
    }

    public IpfixExportConfig withTemplateRefresh(final long seconds, final long messages)
    {
        return new IpfixExportConfig(observationDomainId, maxMessageLength, milliseconds, ingressInterface,
            seconds, messages, statisticsSeconds, activeTimeoutSeconds, idleTimeoutSeconds, samplingInterval,
            ignoredPackets, closeTimeoutMs, exportingProcessId, systemInitMs);
    }

    public IpfixExportConfig withStatisticsSeconds(final long seconds)
    {
        return new IpfixExportConfig(observationDomainId, maxMessageLength, milliseconds, ingressInterface,
            templateRefreshSeconds, templateRefreshMessages, seconds, activeTimeoutSeconds, idleTimeoutSeconds,
            samplingInterval, ignoredPackets, closeTimeoutMs, exportingProcessId, systemInitMs);
    }

    public IpfixExportConfig withProbeSettings(final int activeTimeout, final int idleTimeout,
                                               final long sampling, final LongSupplier ignored)
    {
        return new IpfixExportConfig(observationDomainId, maxMessageLength, milliseconds, ingressInterface,
            templateRefreshSeconds, templateRefreshMessages, statisticsSeconds, activeTimeout, idleTimeout,
            sampling, ignored, closeTimeoutMs, exportingProcessId, systemInitMs);
    }

    public IpfixExportConfig withCloseTimeoutMs(final long timeoutMs)
    {
        return new IpfixExportConfig(observationDomainId, maxMessageLength, milliseconds, ingressInterface,
            templateRefreshSeconds, templateRefreshMessages, statisticsSeconds, activeTimeoutSeconds,
            idleTimeoutSeconds, samplingInterval, ignoredPackets, timeoutMs, exportingProcessId, systemInitMs);
    }

    /** Fixed identity for the statistics record (reproducible output in tests). */
    public IpfixExportConfig withProcessIdentity(final long processId, final long initMs)
    {
        return new IpfixExportConfig(observationDomainId, maxMessageLength, milliseconds, ingressInterface,
            templateRefreshSeconds, templateRefreshMessages, statisticsSeconds, activeTimeoutSeconds,
            idleTimeoutSeconds, samplingInterval, ignoredPackets, closeTimeoutMs, processId, initMs);
    }
}
