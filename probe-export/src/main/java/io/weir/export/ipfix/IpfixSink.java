package io.weir.export.ipfix;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

import io.weir.core.field.BasicFields;
import io.weir.core.field.Field;
import io.weir.core.field.RecordSchema;
import io.weir.core.field.RecordWriter;
import io.weir.core.pipeline.RecordSink;
import io.weir.export.transport.MessageTransport;
import io.weir.export.transport.TransportCounters;
import io.weir.export.transport.TransportLog;
import org.agrona.DirectBuffer;
import org.agrona.collections.Int2ObjectHashMap;
import org.agrona.concurrent.EpochClock;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Exports flow records as IPFIX. Each record schema (address family plus the plugins with
 * data) gets one template, derived from the schema's field declarations, with ids from 256
 * in order of first use and stable for the session. Flow records go into messages no larger
 * than the configured size, in arrival order, in observation domain {@code id}; the sequence
 * number of each message counts the data records sent before it in its domain. Templates go
 * in messages of their own before the first record that needs them, at the start of every
 * transport session (connection, file), and over UDP again by time and by message count.
 * An options record with the exporting process's statistics and settings goes to domain 0 at
 * the start, periodically and at the end. A record that cannot be delivered is counted.
 * Called on the exporter thread only; encoding a record allocates nothing.
 */
public final class IpfixSink implements RecordSink
{
    private static final ByteOrder BIG = ByteOrder.BIG_ENDIAN;

    private final IpfixExportConfig config;
    private final MessageTransport transport;
    private final TransportLog log;
    private final EpochClock clock;
    private final MessageBuilder data;
    private final MessageBuilder control;
    private final MessageBuilder session;
    private final Domain flowDomain;
    private final Domain statsDomain;
    private final Int2ObjectHashMap<ExportTemplate> bySchema = new Int2ObjectHashMap<>();
    private final List<ExportTemplate> templates = new ArrayList<>();
    private final ExportTemplate statistics;
    private final UnsafeBuffer statsRecord = new UnsafeBuffer(new byte[256]);
    private final RecordWriter statsWriter = new RecordWriter();
    private final long systemInitMs;
    private final long processId;
    private int nextTemplateId = IpfixDescriptor.MIN_DATA_SET_ID;
    private int sessionNumber = 1;
    private long nowMs;
    private long lastTemplatesMs;
    private long messagesSinceTemplates;
    private long lastStatisticsMs;
    private long recordsTooLarge;
    private long recordsMalformed;
    private boolean started;
    private boolean closed;
    private java.util.Map<String, Field> overrides = java.util.Map.of();

    /** The record sent for one schema, and when its template was last announced. */
    private static final class ExportTemplate
    {
        final TemplateLayout layout;
        final Domain domain;
        final int ingressOffset;
        final boolean fits;
        int announcedIn;

        ExportTemplate(final TemplateLayout layout, final Domain domain, final int ingressOffset, final int maxMessage)
        {
            this.layout = layout;
            this.domain = domain;
            this.ingressOffset = ingressOffset;
            this.fits = IpfixDescriptor.MESSAGE_HEADER_LENGTH + IpfixDescriptor.SET_HEADER_LENGTH
                + layout.templateRecord().length <= maxMessage;
        }
    }

    /** One observation domain: its id and the data records sent in it so far. */
    private static final class Domain
    {
        final long id;
        long sequence;

        Domain(final long id)
        {
            this.id = id;
        }
    }

    public IpfixSink(final IpfixExportConfig config, final MessageTransport transport, final TransportLog log,
                     final EpochClock clock)
    {
        this.config = config;
        this.transport = transport;
        this.log = log;
        this.clock = clock;
        this.data = new MessageBuilder(config.maxMessageLength());
        this.control = new MessageBuilder(config.maxMessageLength());
        this.session = new MessageBuilder(config.maxMessageLength());
        this.systemInitMs = config.systemInitMs() >= 0 ? config.systemInitMs()
            : ManagementFactory.getRuntimeMXBean().getStartTime();
        this.processId = config.exportingProcessId() >= 0 ? config.exportingProcessId() : ProcessHandle.current().pid();
        this.flowDomain = new Domain(config.observationDomainId());
        this.statsDomain = config.observationDomainId() == 0 ? flowDomain : new Domain(0);
        this.statistics = new ExportTemplate(new TemplateLayout(nextTemplateId++, OptionsFields.STATISTICS,
            OptionsFields.SCOPE_FIELDS), statsDomain, -1, config.maxMessageLength());
        if (!statistics.fits)
        {
            throw new IllegalArgumentException("IPFIX messages of " + config.maxMessageLength()
                + " bytes cannot hold the statistics template");
        }
        templates.add(statistics);
    }

    public IpfixSink(final IpfixExportConfig config, final MessageTransport transport, final TransportLog log)
    {
        this(config, transport, log, System::currentTimeMillis);
    }

    /**
     * Exports fields under other element identities ({@code --ie-mapping}): a definition whose
     * name is a field's name replaces that field's enterprise and id. Call before the first record.
     *
     * @throws IllegalArgumentException when a definition's type differs from the field's
     */
    public IpfixSink overrideElements(final java.util.Collection<Field> knownFields, final List<Field> definitions)
    {
        final java.util.Map<String, Field> byName = new java.util.HashMap<>();
        for (final Field definition : definitions)
        {
            for (final Field field : knownFields)
            {
                if (field.name().equals(definition.name()))
                {
                    if (field.type() != definition.type()
                        || (field.type() == io.weir.core.field.FieldType.BASIC_LIST
                        && field.elementType() != definition.elementType()))
                    {
                        throw new IllegalArgumentException("ie-mapping gives " + definition.name() + " type "
                            + definition.type().ianaName() + " but weir records it as " + field.type().ianaName());
                    }
                    byName.put(field.name(), definition);
                }
            }
        }
        overrides = java.util.Map.copyOf(byName);
        return this;
    }

    /** Opens the transport and sends the first statistics record. */
    public void start() throws IOException
    {
        nowMs = clock.time();
        lastTemplatesMs = nowMs;
        transport.start(this::onSessionStart);
        started = true;
        sendStatistics();
    }

    @Override
    public void onRecord(final RecordSchema schema, final DirectBuffer buffer, final int offset, final int length)
        throws IOException
    {
        if (!started)
        {
            start();
        }
        ExportTemplate template = bySchema.get(schema.id());
        if (template == null)
        {
            template = createTemplate(schema);
        }
        if (!template.fits)
        {
            recordsTooLarge++;
            return;
        }
        if (template.announcedIn != sessionNumber)
        {
            announce(template);
        }
        final TemplateLayout layout = template.layout;
        if (!data.isOpen())
        {
            data.begin(flowDomain.id, flowDomain.sequence);
        }
        int written = -1;
        if (data.openSet(layout.templateId()))
        {
            written = layout.encode(buffer, offset, length, data.buffer(), data.position(), data.limit());
        }
        if (written == TemplateLayout.NO_ROOM || written == -1)
        {
            if (data.dataRecords() == 0)
            {
                recordsTooLarge++;
                return;
            }
            flushData();
            data.begin(flowDomain.id, flowDomain.sequence);
            data.openSet(layout.templateId());
            written = layout.encode(buffer, offset, length, data.buffer(), data.position(), data.limit());
            if (written == TemplateLayout.NO_ROOM)
            {
                recordsTooLarge++;
                return;
            }
        }
        if (written == TemplateLayout.MALFORMED)
        {
            recordsMalformed++;
            return;
        }
        if (template.ingressOffset >= 0)
        {
            data.buffer().putInt(data.position() + template.ingressOffset, (int)config.ingressInterface(), BIG);
        }
        data.commit(written);
    }

    private ExportTemplate createTemplate(final RecordSchema schema)
    {
        if (nextTemplateId > 0xFFFF)
        {
            throw new IllegalStateException("more than 65280 IPFIX templates");
        }
        final List<Field> exported = new ArrayList<>(schema.fields().size());
        int ingressOffset = -1;
        int fixedOffset = 0;
        for (final Field field : schema.fields())
        {
            if (field == BasicFields.INGRESS_INTERFACE && config.ingressInterface() >= 0 && fixedOffset >= 0)
            {
                ingressOffset = fixedOffset;
            }
            if (fixedOffset >= 0)
            {
                fixedOffset = field.type().isVariableLength() ? -1 : fixedOffset + field.type().ipfixLength();
            }
            final Field override = overrides.get(field.name());
            exported.add(override != null ? override : TimeFields.exported(field, config.milliseconds()));
        }
        final ExportTemplate template = new ExportTemplate(new TemplateLayout(nextTemplateId++, exported, 0),
            flowDomain, ingressOffset, config.maxMessageLength());
        if (!template.fits)
        {
            log.warn("IPFIX template for " + schema + " does not fit in a " + config.maxMessageLength()
                + "-byte message; its records are dropped");
        }
        bySchema.put(schema.id(), template);
        templates.add(template);
        log.info("IPFIX template " + template.layout.templateId() + " for " + schema);
        return template;
    }

    /** Sends the template set of one template (and any other not yet sent in its domain). */
    private void announce(final ExportTemplate template) throws IOException
    {
        flushData();
        final Domain domain = template.domain;
        control.begin(domain.id, domain.sequence);
        for (int pass = 0; pass < 2; pass++)
        {
            final boolean options = pass == 1;
            for (int i = 0; i < templates.size(); i++)
            {
                final ExportTemplate t = templates.get(i);
                if (t.domain != domain || t.announcedIn == sessionNumber || t.layout.isOptions() != options || !t.fits)
                {
                    continue;
                }
                if (!control.openSet(options ? IpfixDescriptor.OPTIONS_TEMPLATE_SET_ID : IpfixDescriptor.TEMPLATE_SET_ID)
                    || !control.addTemplate(t.layout.templateRecord()))
                {
                    sendControl(MessageTransport.TEMPLATES);
                    control.begin(domain.id, domain.sequence);
                    control.openSet(options ? IpfixDescriptor.OPTIONS_TEMPLATE_SET_ID : IpfixDescriptor.TEMPLATE_SET_ID);
                    if (!control.addTemplate(t.layout.templateRecord()))
                    {
                        throw new IllegalStateException(t.layout + " does not fit in a " + control.maxLength()
                            + "-byte message");
                    }
                }
                t.announcedIn = sessionNumber;
            }
        }
        sendControl(MessageTransport.TEMPLATES);
    }

    private void sendControl(final int kind) throws IOException
    {
        if (control.isEmpty())
        {
            return;
        }
        final int records = control.dataRecords();
        final int length = control.finish(exportSeconds());
        if (kind != MessageTransport.TEMPLATES)
        {
            statsDomain.sequence += records;
        }
        transport.send(control.buffer(), 0, length, records, kind);
        afterMessage();
    }

    /** Writes every template of every domain for a new transport session (or a UDP refresh). */
    private void onSessionStart(final MessageTransport.Output out) throws IOException
    {
        sessionNumber++;
        writeAllTemplates(flowDomain, out);
        if (statsDomain != flowDomain)
        {
            writeAllTemplates(statsDomain, out);
        }
        lastTemplatesMs = nowMs;
        messagesSinceTemplates = 0;
    }

    private void writeAllTemplates(final Domain domain, final MessageTransport.Output out) throws IOException
    {
        session.begin(domain.id, domain.sequence);
        for (int pass = 0; pass < 2; pass++)
        {
            final boolean options = pass == 1;
            final int setId = options ? IpfixDescriptor.OPTIONS_TEMPLATE_SET_ID : IpfixDescriptor.TEMPLATE_SET_ID;
            for (int i = 0; i < templates.size(); i++)
            {
                final ExportTemplate t = templates.get(i);
                if (t.domain != domain || t.layout.isOptions() != options || !t.fits)
                {
                    continue;
                }
                if (!session.openSet(setId) || !session.addTemplate(t.layout.templateRecord()))
                {
                    final int length = session.finish(exportSeconds());
                    out.write(session.buffer(), 0, length);
                    session.begin(domain.id, domain.sequence);
                    session.openSet(setId);
                    session.addTemplate(t.layout.templateRecord());
                }
                t.announcedIn = sessionNumber;
            }
        }
        if (!session.isEmpty())
        {
            final int length = session.finish(exportSeconds());
            out.write(session.buffer(), 0, length);
        }
        else
        {
            session.finish(exportSeconds());
        }
    }

    private void flushData() throws IOException
    {
        if (!data.isOpen())
        {
            return;
        }
        final int records = data.dataRecords();
        final int length = data.finish(exportSeconds());
        if (records == 0)
        {
            return;
        }
        flowDomain.sequence += records;
        transport.send(data.buffer(), 0, length, records, MessageTransport.DATA);
        afterMessage();
    }

    private void afterMessage() throws IOException
    {
        messagesSinceTemplates++;
        refreshIfDue();
    }

    /** UDP: all templates again when the refresh time or message count has come (RFC 7011 section 8.4). */
    private void refreshIfDue() throws IOException
    {
        if (transport.protocol() != 17)
        {
            return;
        }
        final long refreshMessages = config.templateRefreshMessages();
        final long refreshMs = config.templateRefreshSeconds() * 1000;
        if ((refreshMessages > 0 && messagesSinceTemplates >= refreshMessages)
            || (refreshMs > 0 && nowMs - lastTemplatesMs >= refreshMs))
        {
            log.info("sending all IPFIX templates again");
            onSessionStart((buffer, offset, length) -> transport.send(buffer, offset, length, 0,
                MessageTransport.TEMPLATES));
        }
    }

    private long exportSeconds()
    {
        return nowMs / 1000;
    }

    /** Sends the exporter statistics options record (in domain 0). */
    public void sendStatistics() throws IOException
    {
        flushData();
        if (statistics.announcedIn != sessionNumber)
        {
            announce(statistics);
        }
        final TransportCounters counters = transport.counters();
        final InetAddress local = transport.localAddress();
        final RecordWriter w = statsWriter.wrap(statsRecord, 0, statsRecord.capacity());
        w.u32(processId)
            .u64(counters.messagesSent())
            .u64(counters.flowRecordsSent())
            .u64(counters.bytesSent())
            .u64(config.ignoredPackets().getAsLong())
            .u64(flowRecordsDropped())
            .u16(Math.min(0xFFFF, config.activeTimeoutSeconds()))
            .u16(Math.min(0xFFFF, config.idleTimeoutSeconds()))
            .u32(config.samplingInterval())
            .ipv4(local instanceof Inet4Address ? ipv4(local) : 0);
        if (local instanceof Inet6Address)
        {
            final byte[] a = local.getAddress();
            w.ipv6(new UnsafeBuffer(a).getLong(0, BIG), new UnsafeBuffer(a).getLong(8, BIG));
        }
        else
        {
            w.ipv6(0, 0);
        }
        w.timeNs(systemInitMs * 1_000_000L)
            .u8(IpfixDescriptor.VERSION)
            .u8(transport.protocol());
        control.begin(statsDomain.id, statsDomain.sequence);
        control.openSet(statistics.layout.templateId());
        final int written = statistics.layout.encode(statsRecord, 0, w.length(), control.buffer(),
            control.position(), control.limit());
        control.commit(written);
        sendControl(MessageTransport.OPTIONS);
        lastStatisticsMs = nowMs;
    }

    private static long ipv4(final InetAddress address)
    {
        final byte[] a = address.getAddress();
        return ((a[0] & 0xFFL) << 24) | ((a[1] & 0xFFL) << 16) | ((a[2] & 0xFFL) << 8) | (a[3] & 0xFFL);
    }

    @Override
    public void onIdle() throws IOException
    {
        if (!started)
        {
            start();
        }
        nowMs = clock.time();
        flushData();
        final long statsMs = config.statisticsSeconds() * 1000;
        if (statsMs > 0 && nowMs - lastStatisticsMs >= statsMs)
        {
            sendStatistics();
        }
        refreshIfDue();
        transport.poll(nowMs);
    }

    /** Sends what is buffered and a last statistics record, then closes the transport within its timeout. */
    @Override
    public void close() throws IOException
    {
        if (closed)
        {
            return;
        }
        closed = true;
        try
        {
            if (!started)
            {
                start();
            }
            nowMs = clock.time();
            flushData();
            sendStatistics();
            if (transport.protocol() == 6)
            {
                withdrawAll(flowDomain);
                if (statsDomain != flowDomain)
                {
                    withdrawAll(statsDomain);
                }
            }
        }
        finally
        {
            transport.close(config.closeTimeoutMs());
        }
        final long dropped = flowRecordsDropped();
        if (dropped > 0)
        {
            log.warn(transport.describe() + ": " + dropped + " flow records not delivered ("
                + recordsTooLarge + " too large for a message)");
        }
    }

    /**
     * Ends a TCP session cleanly: withdraws all data templates of a domain (RFC 7011 section 8.1,
     * template id 2 with no fields). Never over UDP (section 8.4). The options template is left to
     * the end of the session: tshark 4.0 takes a four-byte options template withdrawal record
     * for a malformed options template.
     */
    private void withdrawAll(final Domain domain) throws IOException
    {
        control.begin(domain.id, domain.sequence);
        control.openSet(IpfixDescriptor.TEMPLATE_SET_ID);
        control.addWithdrawal(IpfixDescriptor.TEMPLATE_SET_ID);
        sendControl(MessageTransport.TEMPLATES);
        for (int i = 0; i < templates.size(); i++)
        {
            final ExportTemplate template = templates.get(i);
            if (template.domain == domain && !template.layout.isOptions())
            {
                template.announcedIn = 0;
            }
        }
    }

    @Override
    public String describe()
    {
        return "ipfix " + transport.describe();
    }

    /** Flow records delivered (handed to the network or written). */
    public long flowRecordsSent()
    {
        return transport.counters().flowRecordsSent();
    }

    /** Flow records not delivered: backlog overflow, failed sends, too large for a message. */
    public long flowRecordsDropped()
    {
        return transport.counters().flowRecordsDropped() + recordsTooLarge + recordsMalformed;
    }

    @Override
    public long recordsNotDelivered()
    {
        return flowRecordsDropped();
    }

    public long recordsTooLarge()
    {
        return recordsTooLarge;
    }

    public TransportCounters transportCounters()
    {
        return transport.counters();
    }

    /** Template id of a schema, or -1 before its first record. */
    public int templateId(final int schemaId)
    {
        final ExportTemplate template = bySchema.get(schemaId);
        return template == null ? -1 : template.layout.templateId();
    }
}
