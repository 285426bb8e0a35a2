namespace V2G.Firmware.Battery
{
    /// <summary>
    /// The arithmetic of the battery-ageing digest §11: what arbitrage earns and what it costs the pack.
    /// Energy is counted at the grid meter on discharge, the convention the firmware uses [digest §11, A].
    /// </summary>
    public static class V2gEconomics
    {
        /// <summary>
        /// Yearly revenue R(η) = N · E_grid · (p_d − p_c/η): <paramref name="sessionsPerYear"/> sessions each
        /// discharging <paramref name="kWhPerSession"/> to the grid, paid <paramref name="dischargePricePerKWh"/>,
        /// the energy bought back at <paramref name="chargePricePerKWh"/>. η = 1 ignores losses, as the Beijing
        /// pilot's published figure does (250 × 30 × (0.7 − 0.4733) = 1 700.25 yuan).
        /// </summary>
        public static double YearlyRevenue(double sessionsPerYear, double kWhPerSession, double dischargePricePerKWh, double chargePricePerKWh, double roundTripEfficiency)
        {
            return sessionsPerYear * (kWhPerSession * dischargePricePerKWh - EnergyBoughtBackKWh(kWhPerSession, roundTripEfficiency) * chargePricePerKWh);
        }

        /// <summary>Energy bought back to replace <paramref name="kWhDischarged"/>: E/η kWh.</summary>
        public static double EnergyBoughtBackKWh(double kWhDischarged, double roundTripEfficiency)
        {
            return kWhDischarged / roundTripEfficiency;
        }

        /// <summary>The spread per kWh discharged after losses, p_d − p_c/η (0.1741 CNY/kWh in the digest's example at η = 0.9).</summary>
        public static double SpreadAfterLossesPerKWh(double dischargePricePerKWh, double chargePricePerKWh, double roundTripEfficiency)
        {
            return dischargePricePerKWh - chargePricePerKWh / roundTripEfficiency;
        }

        /// <summary>The efficiency below which arbitrage loses money, p_c/p_d (0.6761 in the example).</summary>
        public static double BreakEvenEfficiency(double dischargePricePerKWh, double chargePricePerKWh)
        {
            return chargePricePerKWh / dischargePricePerKWh;
        }

        /// <summary>The digest's cost convention: C_repl × ΔQ_loss / Q_loss,EOL [§9, A].</summary>
        public static double CostOfLoss(double replacementCost, double lossFraction, double endOfLifeFade)
        {
            return endOfLifeFade > 0 ? replacementCost * lossFraction / endOfLifeFade : 0;
        }
    }
}
