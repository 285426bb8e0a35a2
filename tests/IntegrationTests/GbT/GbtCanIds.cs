using System.Collections.Generic;

namespace V2G.IntegrationTests.GbT
{
    /// <summary>
    /// The CAN identifiers and lengths of GB/T 27930-2015 as the digest's message table gives them
    /// (/work/shared/spec/gbt27930.md §3: ID = P&lt;&lt;26 | PF&lt;&lt;16 | DA&lt;&lt;8 | SA, the charger at 0x56, the BMS at
    /// 0xF4; a PG of up to 8 bytes goes with its defined length [digest §2, S2]), and the discharge
    /// extension's two (docs/gbt27930.md). Written out here rather than taken from protocol/GbT, so the
    /// tests check the wire against the digest and not against the code under test.
    /// </summary>
    public static class GbtCanIds
    {
        public const uint Chm = 0x1826F456;
        public const uint Bhm = 0x182756F4;
        public const uint Crm = 0x1801F456;
        public const uint Cts = 0x1807F456;
        public const uint Cml = 0x1808F456;
        public const uint Bro = 0x100956F4;
        public const uint Cro = 0x100AF456;
        public const uint Bcl = 0x181056F4;
        public const uint Ccs = 0x1812F456;
        public const uint Bsm = 0x181356F4;
        public const uint Bst = 0x101956F4;
        public const uint Cst = 0x101AF456;
        public const uint Bsd = 0x181C56F4;
        public const uint Csd = 0x181DF456;
        public const uint Bem = 0x081E56F4;
        public const uint Cem = 0x081FF456;
        public const uint TpCmFromBms = 0x1CEC56F4;
        public const uint TpCmFromCharger = 0x1CECF456;
        public const uint TpDtFromBms = 0x1CEB56F4;
        public const uint TpDtFromCharger = 0x1CEBF456;

        /// <summary>The discharge extension's CDC, charger → BMS: Proprietary A (PF 0xEF), priority 6 (docs/gbt27930.md).</summary>
        public const uint Cdc = 0x18EFF456;

        /// <summary>The discharge extension's BDC, BMS → charger.</summary>
        public const uint Bdc = 0x18EF56F4;

        /// <summary>
        /// Every identifier of the digest's table with its length in bytes; CCS is 8 or 7 depending on
        /// the profile (digest §3 note, §8) and is checked on its own.
        /// </summary>
        public static readonly IReadOnlyDictionary<uint, int> DigestLengths = new Dictionary<uint, int>
        {
            [Chm] = 3, [Bhm] = 2, [Crm] = 8, [Cts] = 7, [Cml] = 8, [Bro] = 1, [Cro] = 1, [Bcl] = 5,
            [Bsm] = 7, [Bst] = 4, [Cst] = 4, [Bsd] = 7, [Csd] = 8, [Bem] = 4, [Cem] = 4,
            [TpCmFromBms] = 8, [TpCmFromCharger] = 8, [TpDtFromBms] = 8, [TpDtFromCharger] = 8,
        };

        /// <summary>Names for assertion messages.</summary>
        public static readonly IReadOnlyDictionary<uint, string> Names = new Dictionary<uint, string>
        {
            [Chm] = "CHM", [Bhm] = "BHM", [Crm] = "CRM", [Cts] = "CTS", [Cml] = "CML", [Bro] = "BRO", [Cro] = "CRO",
            [Bcl] = "BCL", [Ccs] = "CCS", [Bsm] = "BSM", [Bst] = "BST", [Cst] = "CST", [Bsd] = "BSD", [Csd] = "CSD",
            [Bem] = "BEM", [Cem] = "CEM", [TpCmFromBms] = "TP.CM(BMS)", [TpCmFromCharger] = "TP.CM(charger)",
            [TpDtFromBms] = "TP.DT(BMS)", [TpDtFromCharger] = "TP.DT(charger)", [Cdc] = "CDC", [Bdc] = "BDC",
        };
    }
}
