namespace V2G.Protocol.GbT
{
    /// <summary>
    /// BMT, battery temperatures (PF 0x16, TP, 10 s, BMS → charger, optional; no timeout applies): one
    /// byte per probe, 1 °C/bit, −50 °C, at most 128 probes [digest §3, §4, S2]. Preallocated.
    /// </summary>
    public sealed class BmtMessage
    {
        public const int MaxProbes = 128;

        /// <summary>Probe temperatures, °C, index 0 = probe 1; <see cref="ProbeCount"/> are valid.</summary>
        public readonly int[] TemperatureC = new int[MaxProbes];

        public int ProbeCount;

        public int Write(byte[] payload)
        {
            int count = ProbeCount < 0 ? 0 : ProbeCount > MaxProbes ? MaxProbes : ProbeCount;
            for (int i = 0; i < count; i++)
            {
                payload[i] = (byte)GbtBytes.Unscale(TemperatureC[i], 1, GbtBytes.TemperatureOffsetC, 0xFF);
            }

            return count;
        }

        /// <summary>Reads 1..128 bytes; false outside that range.</summary>
        public bool Read(byte[] payload, int length)
        {
            if (!GbtMessageCheck.Fits(payload, length, 1) || length > MaxProbes)
            {
                return false;
            }

            ProbeCount = length;
            for (int i = 0; i < length; i++)
            {
                TemperatureC[i] = payload[i] + GbtBytes.TemperatureOffsetC;
            }

            return true;
        }
    }
}
