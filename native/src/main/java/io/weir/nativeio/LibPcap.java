package io.weir.nativeio;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;

/** The one libpcap call pcap4j does not offer, bound to the same library pcap4j loads. */
final class LibPcap
{
    static
    {
        Native.register(LibPcap.class, NativeLibrary.getInstance(System.getProperty("org.pcap4j.core.pcapLibName", "pcap")));
    }

    private LibPcap()
    {
    }

    // int pcap_get_selectable_fd(pcap_t *p);
    static native int pcap_get_selectable_fd(Pointer pcap);
}
