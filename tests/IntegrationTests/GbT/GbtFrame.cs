using V2G.Hal.Buses;

namespace V2G.IntegrationTests.GbT
{
    /// <summary>One frame the virtual CAN bus carried, at its simulated time (the run's clock, not relative to the first frame).</summary>
    public readonly record struct GbtFrame(long TimeMs, CanFrame Frame)
    {
        /// <summary>The 29-bit identifier, e.g. 0x181056F4 for BCL.</summary>
        public uint Id => Frame.Id;

        /// <summary>The sender's address, the identifier's low byte: 0x56 the charger, 0xF4 the BMS [digest §2, S2].</summary>
        public byte SourceAddress => (byte)(Frame.Id & 0xFF);

        public byte Byte(int index) => Frame.GetByte(index);

        public override string ToString() => $"{TimeMs} ms {Frame.Id:X8}#{Frame.Data:X16}/{Frame.Length}";
    }
}
