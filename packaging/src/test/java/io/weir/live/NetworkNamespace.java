package io.weir.live;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A network namespace of the test's own with one veth pair: packets sent on {@link #SENDER}
 * arrive on {@link #CAPTURE}. IPv6 is off and no address is set, so the namespace itself sends
 * nothing (no router solicitations, no ARP): everything captured is what the test sent.
 * Removed on close, with its interfaces.
 */
final class NetworkNamespace implements AutoCloseable
{
    static final String SENDER = "weir-tx";
    static final String CAPTURE = "weir-rx";
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final String name;

    private NetworkNamespace(final String name)
    {
        this.name = name;
    }

    static NetworkNamespace create()
    {
        final String name = "weir-test-" + ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet();
        Command.run("ip", "netns", "add", name);
        final NetworkNamespace namespace = new NetworkNamespace(name);
        try
        {
            namespace.exec("sysctl", "-qw", "net.ipv6.conf.all.disable_ipv6=1", "net.ipv6.conf.default.disable_ipv6=1");
            Command.run("ip", "-n", name, "link", "add", SENDER, "mtu", "65535", "type", "veth", "peer", "name", CAPTURE,
                "mtu", "65535");
            Command.run("ip", "-n", name, "link", "set", SENDER, "up");
            Command.run("ip", "-n", name, "link", "set", CAPTURE, "up");
            return namespace;
        }
        catch (final RuntimeException ex)
        {
            namespace.close();
            throw ex;
        }
    }

    String name()
    {
        return name;
    }

    /** Runs a command inside the namespace and returns its output. */
    String exec(final String... command)
    {
        final String[] full = new String[command.length + 4];
        full[0] = "ip";
        full[1] = "netns";
        full[2] = "exec";
        full[3] = name;
        System.arraycopy(command, 0, full, 4, command.length);
        return Command.run(full);
    }

    /** Sends the capture's packets on the sender side as fast as possible, in order. */
    String replay(final java.nio.file.Path capture)
    {
        return exec("tcpreplay", "-q", "--topspeed", "-i", SENDER, capture.toString());
    }

    @Override
    public void close()
    {
        Command.run("ip", "netns", "del", name);
    }
}
