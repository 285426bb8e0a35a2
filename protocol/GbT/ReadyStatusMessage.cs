namespace V2G.Protocol.GbT
{
    /// <summary>
    /// What BRO and CRO share: one byte, 00h not ready, AAh ready, FFh invalid [digest §4, S2].
    /// </summary>
    public abstract class ReadyStatusMessage
    {
        public const int Length = 1;

        public const int NotReady = 0x00;
        public const int Ready = 0xAA;
        public const int Invalid = 0xFF;

        /// <summary>The byte as sent: <see cref="NotReady"/>, <see cref="Ready"/> or <see cref="Invalid"/> (other values kept as they come).</summary>
        public int Status = NotReady;

        public bool IsReady => Status == Ready;

        public int Write(byte[] payload)
        {
            payload[0] = (byte)Status;
            return Length;
        }

        public bool Read(byte[] payload, int length)
        {
            if (!GbtMessageCheck.Fits(payload, length, Length))
            {
                return false;
            }

            Status = payload[0];
            return true;
        }
    }
}
