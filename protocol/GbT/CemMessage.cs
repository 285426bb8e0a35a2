namespace V2G.Protocol.GbT
{
    /// <summary>
    /// CEM, charger error report (PF 0x1F, 4 bytes, 250 ms, charger → BMS): the charger's timeouts on the
    /// BMS's messages as 2-bit fields; all normal = `FC F0 C0 FC`, BCL timeout = `FC F0 C4 FC`
    /// [digest §4, S2]. Byte 3 has three fields per S2's table (its prose says two; we follow the table
    /// [digest §4 — B]). Field numbers are byte index × 4 + pair; the other pairs are fill.
    /// </summary>
    public sealed class CemMessage : TwoBitFieldMessage
    {

        /// <summary>b1.1 timeout waiting for BRM.</summary>
        public const int BrmTimeout = 0;

        /// <summary>b2.1 timeout waiting for BCP.</summary>
        public const int BcpTimeout = 4;

        /// <summary>b2.3 timeout waiting for BRO.</summary>
        public const int BroTimeout = 5;

        /// <summary>b3.1 timeout waiting for BCS (5 s).</summary>
        public const int BcsTimeout = 8;

        /// <summary>b3.3 timeout waiting for BCL (1 s while charging).</summary>
        public const int BclTimeout = 9;

        /// <summary>b3.5 timeout waiting for BST.</summary>
        public const int BstTimeout = 10;

        /// <summary>b4.1 timeout waiting for BSD.</summary>
        public const int BsdTimeout = 12;

        private const int Defined = (1 << BrmTimeout) | (1 << BcpTimeout) | (1 << BroTimeout) | (1 << BcsTimeout) | (1 << BclTimeout) | (1 << BstTimeout) | (1 << BsdTimeout);

        private static readonly string[] Names =
        {
            "BRM timeout", "?", "?", "?",
            "BCP timeout", "BRO timeout", "?", "?",
            "BCS timeout", "BCL timeout", "BST timeout", "?",
            "BSD timeout", "?", "?", "?",
        };

        public CemMessage()
            : base(Defined, 0)
        {
        }

        /// <summary>True if any timeout field is <see cref="TwoBit.Yes"/>.</summary>
        public bool AnyTimeout => AnyYes;

        public static string FieldName(int field)
        {
            return NameIn(Names, field);
        }

        /// <summary>True if <paramref name="field"/> is one of the defined timeout fields.</summary>
        public static bool IsField(int field)
        {
            return IsDefined(Defined, field);
        }

        /// <summary>Every timeout field normal: Write gives `FC F0 C0 FC`. Returns this message.</summary>
        public CemMessage AllNormal()
        {
            ResetFields();
            return this;
        }
    }
}
