namespace V2G.Hal.Comms
{
    /// <summary>
    /// A reliable, ordered byte stream (TCP, TLS, a UART). Reads never block: protocol code
    /// polls from its own thread or the control loop.
    /// </summary>
    public interface IByteStream
    {
        /// <summary>True until the peer or this side closed the stream.</summary>
        bool IsOpen { get; }

        /// <summary>Copies up to <paramref name="count"/> waiting bytes; returns how many (0 if none).</summary>
        int Read(byte[] buffer, int offset, int count);

        /// <summary>Writes all bytes, or returns false if the stream is closed.</summary>
        bool Write(byte[] buffer, int offset, int count);

        void Close();
    }
}
