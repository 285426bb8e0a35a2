using V2G.Firmware.Numerics;

namespace V2G.Firmware.Battery
{
    /// <summary>
    /// The graphite anode's potential against Li/Li⁺ as a function of the cell's state of charge: the
    /// SOC stress variable of the Kokam NMC (N1) and LFP 250 Ah (L1) calendar laws. BLAST-Lite uses it for
    /// every chemistry, as an approximation that locates the graphite plateaus [battery-ageing digest §2.6, V:
    /// NREL BLAST-Lite, degradation_model.py].
    /// </summary>
    public static class AnodePotential
    {
        /// <summary>Anode lithiation fraction at SOC 0 (stoichiometry from Schimpe et al., doi 10.1149/2.1181714jes, as cited by BLAST-Lite) [digest §2.6, V].</summary>
        public const double LithiationAtEmpty = 0.0085;

        /// <summary>Anode lithiation fraction at SOC 1 (Schimpe et al., as cited by BLAST-Lite) [digest §2.6, V].</summary>
        public const double LithiationAtFull = 0.78;

        /// <summary>The anode lithiation fraction x at <paramref name="soc"/> (0…1): linear between the two stoichiometry points.</summary>
        public static double LithiationFraction(double soc)
        {
            return LithiationAtEmpty + soc * (LithiationAtFull - LithiationAtEmpty);
        }

        /// <summary>
        /// U_a at <paramref name="soc"/> (0…1), V vs Li/Li⁺: Safari &amp; Delacourt, J. Electrochem. Soc. 158(5) A562
        /// (2011), doi 10.1149/1.3567007, as cited by BLAST-Lite [digest §2.6, V]. Test vectors (digest, C):
        /// U_a(0) = 0.68435, U_a(0.6) = 0.11887, U_a(1) = 0.08638 V.
        /// </summary>
        public static double Volts(double soc)
        {
            double x = LithiationFraction(soc);
            return 0.6379
                + 0.5416 * Numeric.Exp(-305.5309 * x)
                + 0.044 * Numeric.Tanh(-(x - 0.1958) / 0.1088)
                - 0.1978 * Numeric.Tanh((x - 1.0571) / 0.0854)
                - 0.6875 * Numeric.Tanh((x + 0.0117) / 0.0529)
                - 0.0175 * Numeric.Tanh((x - 0.5692) / 0.0875);
        }
    }
}
