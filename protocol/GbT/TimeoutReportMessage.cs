namespace V2G.Protocol.GbT
{
    /// <summary>
    /// What BEM and CEM share: four bytes of 2-bit timeout fields (field number = byte index × 4 + pair),
    /// the undefined pairs filled with 1s [digest §4, S2]. Each message names its own fields.
    /// </summary>
    public abstract class TimeoutReportMessage
    {
        public const int Length = TwoBitFieldBlock.ByteCount;

        private readonly TwoBitFieldBlock _fields;

        protected TimeoutReportMessage(int definedMask)
        {
            _fields = new TwoBitFieldBlock(definedMask, 0);
        }

        /// <summary>True if any timeout field is <see cref="TwoBit.Yes"/>.</summary>
        public bool AnyTimeout => _fields.Any(TwoBit.Yes);

        public int Get(int field)
        {
            return _fields.Get(field);
        }

        public bool Set(int field, int value)
        {
            return _fields.Set(field, value);
        }

        public int Write(byte[] payload)
        {
            return _fields.Write(payload);
        }

        public bool Read(byte[] payload, int length)
        {
            return _fields.Read(payload, length);
        }

        /// <summary>Every timeout field back to normal.</summary>
        protected void ResetFields()
        {
            _fields.Reset();
        }

        protected static bool IsDefined(int definedMask, int field)
        {
            return field >= 0 && field < TwoBitFieldBlock.FieldCount && (definedMask & (1 << field)) != 0;
        }

        protected static string NameIn(string[] names, int field)
        {
            return field >= 0 && field < names.Length ? names[field] : "?";
        }
    }
}
