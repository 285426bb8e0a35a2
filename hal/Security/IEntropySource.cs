namespace V2G.Hal.Security
{
    /// <summary>
    /// Random bytes for keys (SLAC's network membership key, session identifiers): the MCU's hardware
    /// generator on a board, a cryptographic generator on the host, a seeded one in tests.
    /// </summary>
    public interface IEntropySource
    {
        void Fill(byte[] buffer, int offset, int count);
    }
}
