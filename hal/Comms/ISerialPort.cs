namespace V2G.Hal.Comms
{
    /// <summary>A UART (the diagnostics shell has one of its own on the boards).</summary>
    public interface ISerialPort : IByteStream
    {
        int BaudRate { get; }
    }
}
