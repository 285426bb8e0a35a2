namespace V2G.Protocol.GbT
{
    /// <summary>
    /// What BST, CST, BEM and CEM share: four bytes of 2-bit fields (field number = byte index × 4 + pair),
    /// the undefined pairs filled with 1s [digest §4, S2]. Each message names its own fields.
    /// </summary>
    public abstract class TwoBitFieldMessage
    {
        public const int Length = TwoBitFieldBlock.ByteCount;

        private readonly TwoBitFieldBlock _fields;

        /// <param name="definedMask">The fields the message defines (bit n = field n).</param>
        /// <param name="optionalFillMask">Defined fields that stay fill (11) until set: optional ones.</param>
        protected TwoBitFieldMessage(int definedMask, int optionalFillMask)
        {
            _fields = new TwoBitFieldBlock(definedMask, optionalFillMask);
        }

        /// <summary>The raw 2-bit state of a field (<see cref="TwoBit.Fill"/> for an unknown field number).</summary>
        public int Get(int field)
        {
            return _fields.Get(field);
        }

        /// <summary>Sets a field's 2-bit state; false (and nothing set) for a field the message does not define.</summary>
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

        /// <summary>True if any defined field is <see cref="TwoBit.Yes"/>.</summary>
        protected bool AnyYes => _fields.Any(TwoBit.Yes);

        /// <summary>Every field normal, the optional ones fill.</summary>
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
