package io.weir.core.decode;

/**
 * The bit layout of IPFIX element tcpOptions (209) as drawn in the IANA registry (RFC 5102 figure,
 * kept by RFC 9710): bit positions 0..63 in rows of eight, each row labelled with the option kinds
 * it holds, highest kind first. ipfixprobe (and so weir) puts position p at value bit p, counted
 * from the least significant bit; kinds above 63 have no bit in this element.
 */
final class TcpOptionBits
{
    /** Row r lists the kinds at positions 8r .. 8r+7, transcribed from the registry's figure. */
    private static final int[][] FIGURE = {
        {7, 6, 5, 4, 3, 2, 1, 0},
        {15, 14, 13, 12, 11, 10, 9, 8},
        {23, 22, 21, 20, 19, 18, 17, 16},
        {31, 30, 29, 28, 27, 26, 25, 24},
        {39, 38, 37, 36, 35, 34, 33, 32},
        {47, 46, 45, 44, 43, 42, 41, 40},
        {55, 54, 53, 52, 51, 50, 49, 48},
        {63, 62, 61, 60, 59, 58, 57, 56},
    };

    private TcpOptionBits()
    {
    }

    static long ianaBit(final int kind)
    {
        for (int row = 0; row < FIGURE.length; row++)
        {
            for (int column = 0; column < 8; column++)
            {
                if (FIGURE[row][column] == kind)
                {
                    return 1L << (8 * row + column);
                }
            }
        }
        return 0;
    }
}
