package io.weir.nativeio;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;

/**
 * The libc calls live capture needs, bound with JNA direct mapping. Pointers to memory that
 * weir owns are passed as {@code long} addresses (LP64: a pointer is 64 bits), so a call
 * allocates nothing. Only {@link #poll} is called while capturing, and only when the ring is empty.
 */
final class LibC
{
    static
    {
        Native.register(LibC.class, Platform.C_LIBRARY_NAME);
    }

    static final int AF_PACKET = 17;
    static final int SOCK_RAW = 3;
    static final int SOL_SOCKET = 1;
    static final int SO_ATTACH_FILTER = 26;
    static final int SIOCGIFINDEX = 0x8933;
    static final int SIOCGIFHWADDR = 0x8927;
    static final int PROT_READ = 1;
    static final int PROT_WRITE = 2;
    static final int MAP_SHARED = 1;
    static final long MAP_FAILED = -1L;
    static final short POLLIN = 0x1;
    static final short POLLERR = 0x8;
    static final int EPERM = 1;
    static final int EINTR = 4;
    static final int ENODEV = 19;
    static final int EACCES = 13;
    static final int CLONE_NEWNET = 0x40000000;
    static final int SC_PAGESIZE = 30;

    private LibC()
    {
    }

    // int socket(int domain, int type, int protocol);
    static native int socket(int domain, int type, int protocol) throws LastErrorException;

    // int setsockopt(int sockfd, int level, int optname, const void *optval, socklen_t optlen);
    static native int setsockopt(int fd, int level, int option, long value, int length) throws LastErrorException;

    // int getsockopt(int sockfd, int level, int optname, void *optval, socklen_t *optlen);
    static native int getsockopt(int fd, int level, int option, long value, long length) throws LastErrorException;

    // int bind(int sockfd, const struct sockaddr *addr, socklen_t addrlen);
    static native int bind(int fd, long address, int length) throws LastErrorException;

    // int ioctl(int fd, unsigned long request, ...);  (here always with a struct ifreq *)
    static native int ioctl(int fd, long request, long argument) throws LastErrorException;

    // void *mmap(void *addr, size_t length, int prot, int flags, int fd, off_t offset);
    static native long mmap(long address, long length, int protection, int flags, int fd, long offset)
        throws LastErrorException;

    // int munmap(void *addr, size_t length);
    static native int munmap(long address, long length) throws LastErrorException;

    // int close(int fd);
    static native int close(int fd) throws LastErrorException;

    // int poll(struct pollfd *fds, nfds_t nfds, int timeout);
    static native int poll(long fds, long count, int timeoutMs) throws LastErrorException;

    // int sched_setaffinity(pid_t pid, size_t cpusetsize, const cpu_set_t *mask);
    static native int sched_setaffinity(int pid, long size, long mask) throws LastErrorException;

    // int sched_getaffinity(pid_t pid, size_t cpusetsize, cpu_set_t *mask);
    static native int sched_getaffinity(int pid, long size, long mask) throws LastErrorException;

    // int setns(int fd, int nstype);
    static native int setns(int fd, int type) throws LastErrorException;

    // int open(const char *pathname, int flags);
    static native int open(String path, int flags) throws LastErrorException;

    // long sysconf(int name);
    static native long sysconf(int name);

    // char *strerror(int errnum);
    static native String strerror(int errno);

    static long address(final Pointer pointer)
    {
        return Pointer.nativeValue(pointer);
    }
}
