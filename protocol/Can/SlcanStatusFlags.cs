namespace V2G.Protocol.Can
{
    /// <summary>The bits of the adapter's "Fxx" status reply (Lawicel CAN232/CANUSB manual; SJA1000 interrupt flags).</summary>
    public static class SlcanStatusFlags
    {
        /// <summary>Bit 0: the adapter's receive FIFO is full.</summary>
        public const int ReceiveFifoFull = 0x01;

        /// <summary>Bit 1: the adapter's transmit FIFO is full.</summary>
        public const int TransmitFifoFull = 0x02;

        /// <summary>Bit 2: error warning (an error counter reached 96).</summary>
        public const int ErrorWarning = 0x04;

        /// <summary>Bit 3: data overrun (the controller lost received frames).</summary>
        public const int DataOverrun = 0x08;

        /// <summary>Bit 5: error passive (an error counter reached 128).</summary>
        public const int ErrorPassive = 0x20;

        /// <summary>Bit 6: arbitration lost.</summary>
        public const int ArbitrationLost = 0x40;

        /// <summary>Bit 7: bus error.</summary>
        public const int BusError = 0x80;
    }
}
