namespace V2G.Protocol.GbT
{
    /// <summary>
    /// CTS, charger time synchronisation (PF 0x07, 7 bytes, 500 ms, charger → BMS, optional): packed BCD
    /// in the order second, minute, hour, day, month, year-low, year-high; R1 `36 24 08 16 05 15 20` =
    /// 2015-05-16 08:24:36 [digest §4, §9.5, S2; R1]. A charger without a clock sends all FF (R2), so
    /// Read accepts any bytes and says in <see cref="IsValid"/> whether they were a date.
    /// Not to be confused with the J1939 TP.CM_CTS control frame.
    /// </summary>
    public sealed class CtsMessage
    {
        public const int Length = 7;

        public int Second;
        public int Minute;
        public int Hour;
        public int Day = 1;
        public int Month = 1;

        /// <summary>Four-digit year (the wire carries it as two BCD bytes, low first).</summary>
        public int Year = 2015;

        /// <summary>False when the last read held non-BCD bytes (e.g. all FF) or an impossible date field.</summary>
        public bool IsValid = true;

        public int Write(byte[] payload)
        {
            payload[0] = GbtBytes.ToBcd(Second);
            payload[1] = GbtBytes.ToBcd(Minute);
            payload[2] = GbtBytes.ToBcd(Hour);
            payload[3] = GbtBytes.ToBcd(Day);
            payload[4] = GbtBytes.ToBcd(Month);
            payload[5] = GbtBytes.ToBcd(Year % 100);
            payload[6] = GbtBytes.ToBcd(Year / 100);
            return Length;
        }

        /// <summary>Writes the "no clock" form, all 7 bytes FF (seen from a real charger, R2).</summary>
        public int WriteNotAvailable(byte[] payload)
        {
            GbtBytes.Fill(payload, 0, Length);
            return Length;
        }

        public bool Read(byte[] payload, int length)
        {
            if (!GbtMessageCheck.Fits(payload, length, Length))
            {
                return false;
            }

            bool bcd = true;
            for (int i = 0; i < Length; i++)
            {
                bcd &= GbtBytes.IsBcd(payload[i]);
            }

            Second = GbtBytes.FromBcd(payload[0]);
            Minute = GbtBytes.FromBcd(payload[1]);
            Hour = GbtBytes.FromBcd(payload[2]);
            Day = GbtBytes.FromBcd(payload[3]);
            Month = GbtBytes.FromBcd(payload[4]);
            Year = GbtBytes.FromBcd(payload[6]) * 100 + GbtBytes.FromBcd(payload[5]);
            IsValid = bcd && Second < 60 && Minute < 60 && Hour < 24 && Day >= 1 && Day <= 31 && Month >= 1 && Month <= 12;
            return true;
        }
    }
}
