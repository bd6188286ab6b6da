package io.weir.export.transport;

import java.io.IOException;
import java.net.InetAddress;

import org.agrona.DirectBuffer;

/**
 * Carries finished IPFIX messages to a collector or a file. Messages are copied on
 * {@link #send}; what cannot be delivered is counted, never lost silently. Each new transport
 * session (first connection, reconnection, new file) starts with the template messages the
 * {@link SessionStart} listener writes. Not thread safe: owned by the exporter thread.
 */
public interface MessageTransport
{
    /** A message of flow data records. */
    int DATA = 0;
    /** A message of template sets only. */
    int TEMPLATES = 1;
    /** A message of options data records (exporter statistics). */
    int OPTIONS = 2;

    /** Writes the template messages a new transport session must begin with. */
    interface SessionStart
    {
        void onSessionStart(Output out) throws IOException;
    }

    /** Where a session's first messages go. */
    interface Output
    {
        void write(DirectBuffer buffer, int offset, int length) throws IOException;
    }

    /** Opens the transport (a failure to reach a TCP collector is not an error: it is retried). */
    void start(SessionStart sessionStart) throws IOException;

    /**
     * Hands over one complete message.
     *
     * @param records data records in it (counted as sent or dropped)
     * @param kind    {@link #DATA}, {@link #TEMPLATES} or {@link #OPTIONS}
     */
    void send(DirectBuffer buffer, int offset, int length, int records, int kind) throws IOException;

    /** Moves buffered data along (connect, write); never blocks long. */
    void poll(long nowMs) throws IOException;

    /** True when messages sent now reach the collector (or file) rather than a backlog. */
    boolean isConnected();

    /** Delivers what it can within the time given, counts the rest as dropped and releases everything. */
    void close(long timeoutMs) throws IOException;

    TransportCounters counters();

    /** IANA protocol number of the transport (6 TCP, 17 UDP), 0 for a file. */
    int protocol();

    /** The local address of the connection, or null. */
    InetAddress localAddress();

    String describe();
}
