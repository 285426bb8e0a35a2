namespace V2G.Firmware.Drivers
{
    /// <summary>
    /// A driver that does its work in a periodic call on the board's thread (sampling pins, debouncing, moving frames
    /// between a chip and its queues, running a loop), never from an interrupt. Must not block or allocate.
    /// </summary>
    public interface IDriverService
    {
        /// <summary>One turn of the driver at the monotonic clock's <paramref name="nowMs"/>.</summary>
        void Service(long nowMs);
    }
}
