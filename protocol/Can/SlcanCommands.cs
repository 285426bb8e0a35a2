namespace V2G.Protocol.Can
{
    /// <summary>
    /// The Lawicel CAN232/CANUSB ASCII protocol ("slcan", as Linux's slcan driver and most USB-CAN
    /// adapters speak it): one command per line, terminated by a carriage return. The adapter answers a
    /// command with CR (done) or BELL (refused), a transmit with "z" / "Z" and CR, a status request with
    /// "Fxx" and CR, and sends every received frame as a "t" / "T" line.
    /// </summary>
    public static class SlcanCommands
    {
        /// <summary>Ends every command and every reply line.</summary>
        public const byte CarriageReturn = 0x0D;

        /// <summary>The adapter's "refused" reply (ASCII BELL), sent without a carriage return.</summary>
        public const byte Bell = 0x07;

        /// <summary>Some adapters end lines with CR LF; a line feed on an empty line is skipped.</summary>
        public const byte LineFeed = 0x0A;

        /// <summary>Transmit / received frame with a 29-bit identifier: T iiiiiiii l dd.. [tttt].</summary>
        public const char ExtendedFrame = 'T';

        /// <summary>Transmit / received frame with an 11-bit identifier: t iii l dd.. [tttt].</summary>
        public const char StandardFrame = 't';

        /// <summary>Remote frame with a 29-bit identifier (GB/T 27930 uses none; ignored on receipt).</summary>
        public const char ExtendedRemoteFrame = 'R';

        /// <summary>Remote frame with an 11-bit identifier (ignored on receipt).</summary>
        public const char StandardRemoteFrame = 'r';

        /// <summary>Open the CAN channel (bit rate set before).</summary>
        public const char OpenChannel = 'O';

        /// <summary>Close the CAN channel (needed before the bit rate can be set).</summary>
        public const char CloseChannel = 'C';

        /// <summary>Set one of the standard bit rates: S0 … S8.</summary>
        public const char SetBitRate = 'S';

        /// <summary>Timestamps on received frames: Z1 on, Z0 off (only while closed).</summary>
        public const char SetTimestamps = 'Z';

        /// <summary>Read the status flags; the reply is "Fxx" (see <see cref="SlcanStatusFlags"/>).</summary>
        public const char ReadStatus = 'F';

        /// <summary>The adapter's reply to a transmitted standard frame ("z" CR).</summary>
        public const char StandardTransmitAck = 'z';

        /// <summary>The adapter's reply to a transmitted extended frame ("Z" CR).</summary>
        public const char ExtendedTransmitAck = 'Z';

        /// <summary>Hardware / software version reply ("Vhhss").</summary>
        public const char Version = 'V';

        /// <summary>Version reply of some open firmwares ("v…").</summary>
        public const char DetailedVersion = 'v';

        /// <summary>Serial number reply ("Nxxxx").</summary>
        public const char SerialNumber = 'N';

        /// <summary>
        /// The digit after "S" for <paramref name="bitRateBps"/> (S0 = 10 k, S1 = 20 k, S2 = 50 k, S3 = 100 k,
        /// S4 = 125 k, S5 = 250 k, S6 = 500 k, S7 = 800 k, S8 = 1 M), or −1 for a rate slcan has no code for.
        /// GB/T 27930 uses 250 kbit/s, or 50 kbit/s as the 2015 edition's option [digest §2, S2, S10, S15].
        /// </summary>
        public static int BitRateCode(int bitRateBps)
        {
            switch (bitRateBps)
            {
                case 10000: return 0;
                case 20000: return 1;
                case 50000: return 2;
                case 100000: return 3;
                case 125000: return 4;
                case 250000: return 5;
                case 500000: return 6;
                case 800000: return 7;
                case 1000000: return 8;
                default: return -1;
            }
        }
    }
}
