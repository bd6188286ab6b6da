package io.weir.nativeio;

/** Live capture cannot start or go on; the message is one line meant for the user. */
public final class LiveCaptureException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    public LiveCaptureException(final String message)
    {
        super(message, null, false, false);
    }
}
