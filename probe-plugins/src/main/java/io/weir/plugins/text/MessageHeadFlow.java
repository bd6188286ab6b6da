package io.weir.plugins.text;

/**
 * Per-flow state of an HTTP-like protocol: the request and response heads being read (one of
 * each per flow: a second one starts a new flow) and whether each has been seen.
 * Not thread safe: owned by the capture worker.
 */
public abstract class MessageHeadFlow
{
    final MessageStream request;
    final MessageStream response;
    boolean requestSeen;
    boolean responseSeen;

    protected MessageHeadFlow(final int carryCapacity)
    {
        this.request = new MessageStream(carryCapacity);
        this.response = new MessageStream(carryCapacity);
    }

    /** Makes the state fit for a new flow. */
    public final void reset()
    {
        request.close();
        response.close();
        requestSeen = false;
        responseSeen = false;
        clearFields();
    }

    protected abstract void clearFields();

    /** Whether a request line was read in this flow. */
    public final boolean requestSeen()
    {
        return requestSeen;
    }

    /** Whether a status line was read in this flow. */
    public final boolean responseSeen()
    {
        return responseSeen;
    }
}
