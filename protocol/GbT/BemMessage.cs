namespace V2G.Protocol.GbT
{
    /// <summary>
    /// BEM, BMS error report (PF 0x1E, 4 bytes, 250 ms, BMS → charger): the BMS's timeouts on the
    /// charger's messages as 2-bit fields; all normal = `F0 F0 F0 FC`, R1's CCS timeout = `F0 F0 F1 FC`
    /// [digest §4, S2; R1]. Field numbers are byte index × 4 + pair; the other pairs are fill.
    /// </summary>
    public sealed class BemMessage : TwoBitFieldMessage
    {

        /// <summary>b1.1 timeout waiting for CRM(00h).</summary>
        public const int CrmNotRecognisedTimeout = 0;

        /// <summary>b1.3 timeout waiting for CRM(AAh).</summary>
        public const int CrmRecognisedTimeout = 1;

        /// <summary>b2.1 timeout waiting for CTS/CML.</summary>
        public const int CmlTimeout = 4;

        /// <summary>b2.3 timeout waiting for CRO.</summary>
        public const int CroTimeout = 5;

        /// <summary>b3.1 timeout waiting for CCS (1 s while charging).</summary>
        public const int CcsTimeout = 8;

        /// <summary>b3.3 timeout waiting for CST.</summary>
        public const int CstTimeout = 9;

        /// <summary>b4.1 timeout waiting for CSD.</summary>
        public const int CsdTimeout = 12;

        private const int Defined = (1 << CrmNotRecognisedTimeout) | (1 << CrmRecognisedTimeout) | (1 << CmlTimeout) | (1 << CroTimeout) | (1 << CcsTimeout) | (1 << CstTimeout) | (1 << CsdTimeout);

        private static readonly string[] Names =
        {
            "CRM(00) timeout", "CRM(AA) timeout", "?", "?",
            "CTS/CML timeout", "CRO timeout", "?", "?",
            "CCS timeout", "CST timeout", "?", "?",
            "CSD timeout", "?", "?", "?",
        };

        public BemMessage()
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

        /// <summary>Every timeout field normal: Write gives `F0 F0 F0 FC`. Returns this message.</summary>
        public BemMessage AllNormal()
        {
            ResetFields();
            return this;
        }
    }
}
