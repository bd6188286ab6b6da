package io.weir.cli;

/** A wrong option or option value: reported as one line with the usage, exit code 2. */
final class UsageException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    UsageException(final String message)
    {
        super(message, null, false, false);
    }
}
