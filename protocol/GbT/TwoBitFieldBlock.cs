namespace V2G.Protocol.GbT
{
    /// <summary>
    /// The four bytes of 2-bit fields that BST, CST, BEM and CEM are made of. A field number is
    /// byte index × 4 + pair index (pair 0 = bits 1-2), so "b3.3" is field 9. Fields the standard
    /// does not define are always written as fill `11` [digest §2, S2]; Read keeps every pair as it came
    /// (R3's BST sends its reserved bits as 0 [digest §9.11]) without judging it.
    /// </summary>
    internal sealed class TwoBitFieldBlock
    {
        public const int ByteCount = 4;
        public const int FieldCount = ByteCount * 4;

        private readonly int[] _states = new int[FieldCount];
        private readonly int _definedMask;
        private readonly int _defaultFillMask;

        /// <param name="definedMask">bit n set: field n is defined (written from its state).</param>
        /// <param name="defaultFillMask">bit n set: defined field n starts as fill (an optional, later-edition field).</param>
        public TwoBitFieldBlock(int definedMask, int defaultFillMask)
        {
            _definedMask = definedMask;
            _defaultFillMask = defaultFillMask;
            Reset();
        }

        /// <summary>Every defined field normal (optional ones fill), every other one fill.</summary>
        public void Reset()
        {
            for (int i = 0; i < FieldCount; i++)
            {
                _states[i] = IsDefined(i) && (_defaultFillMask & (1 << i)) == 0 ? TwoBit.Normal : TwoBit.Fill;
            }
        }

        public bool IsDefined(int field)
        {
            return field >= 0 && field < FieldCount && (_definedMask & (1 << field)) != 0;
        }

        public int Get(int field)
        {
            return field >= 0 && field < FieldCount ? _states[field] : TwoBit.Fill;
        }

        /// <summary>Sets a defined field (an undefined one stays fill); false if the field is not defined.</summary>
        public bool Set(int field, int value)
        {
            if (!IsDefined(field))
            {
                return false;
            }

            _states[field] = value & 0x3;
            return true;
        }

        /// <summary>True if any defined field holds <paramref name="value"/>.</summary>
        public bool Any(int value)
        {
            for (int i = 0; i < FieldCount; i++)
            {
                if (IsDefined(i) && _states[i] == value)
                {
                    return true;
                }
            }

            return false;
        }

        public int Write(byte[] payload)
        {
            for (int b = 0; b < ByteCount; b++)
            {
                int value = 0;
                for (int p = 0; p < 4; p++)
                {
                    int field = b * 4 + p;
                    int state = IsDefined(field) ? _states[field] : TwoBit.Fill;
                    value |= state << (2 * p);
                }

                payload[b] = (byte)value;
            }

            return ByteCount;
        }

        public bool Read(byte[] payload, int length)
        {
            if (!GbtMessageCheck.Fits(payload, length, ByteCount))
            {
                return false;
            }

            for (int i = 0; i < FieldCount; i++)
            {
                _states[i] = GbtBytes.Get2Bits(payload, i >> 2, i & 3);
            }

            return true;
        }
    }
}
