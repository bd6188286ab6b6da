package io.weir.cli;

/** An output that cannot be opened (directory missing, no permission): exit code 1, not a usage error. */
final class OutputUnavailableException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    OutputUnavailableException(final String message)
    {
        super(message, null, false, false);
    }
}
