namespace V2G.Hal.Buses
{
    /// <summary>Called on the asserting edge of an interrupt input (non-generic: the device has no Action&lt;T&gt;).</summary>
    public delegate void InterruptHandler(long timestampMs);
}
