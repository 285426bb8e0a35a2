namespace V2G.Firmware.Battery
{
    /// <summary>
    /// The settings of <see cref="DegradationModel"/>. What the battery-ageing digest marks as an assumption
    /// [A] is here, never a constant in a model; the defaults say where they come from.
    /// </summary>
    public sealed class DegradationSettings
    {
        /// <summary>Which ageing model the pack follows (chemistry and cell family); calibrate to the pack you have [digest §10.2].</summary>
        public AgeingModelKind Model = AgeingModelKind.NmcKokam75Ah;

        /// <summary>
        /// Replacement cost of the pack, in the currency prices come in; 0 = unknown (then every cost is 0 and
        /// the guard refuses nothing for cost). The digest's example: 35 193.6 CNY for 52 kWh (BNEF 2024 China
        /// average US$94/kWh, S, × 7.2 CNY/USD, A) [digest §9].
        /// </summary>
        public double ReplacementCost = 0;

        /// <summary>The currency of <see cref="ReplacementCost"/> and of every cost figure (ISO 4217 code; the digest's example is CNY).</summary>
        public string Currency = "CNY";

        /// <summary>Capacity-loss fraction at which the pack is replaced: 0.20 (80 % state of health) [digest §9, A].</summary>
        public double EndOfLifeFade = 0.20;

        /// <summary>
        /// Multiplies every state increment, to calibrate the model against measured capacity (BLAST-Lite's
        /// degradation_scalar [digest §10.2 and §13.6, V]); 1 = the model as published.
        /// </summary>
        public double DegradationScalar = 1;

        /// <summary>
        /// Length of a calendar step, days: the time-averaged calendar rate is applied once per step
        /// (BLAST-Lite cuts rests into ≈ daily steps, max_time_diff = 86 400 s [digest §2.2, V]).
        /// </summary>
        public double CalendarStepDays = 1;

        /// <summary>How often the calendar rate is sampled for its time average, s (the rate is averaged, not the SOC [digest §2.3]).</summary>
        public double CalendarSamplePeriodS = 60;

        /// <summary>Rainflow dead band, SOC fraction: 0.5 % [digest §8 step 1, recommendation A: 0.5–1 %].</summary>
        public double RainflowHysteresisSoc = 0.005;

        /// <summary>Turning points the rainflow stack holds.</summary>
        public int RainflowStackCapacity = 64;

        /// <summary>Temperature assumed when the pack's is not known, °C: the worked example's 25 °C [digest §10.1, A].</summary>
        public double DefaultTemperatureC = 25;

        /// <summary>
        /// For a new pack (zero cycling loss, where a law with exponent &lt; 1 has an infinite slope) the marginal
        /// cost is the secant over this many EFC: one 52 kWh pack's 0.577-EFC session by default (the digest's
        /// example session [§10.1, A]).
        /// </summary>
        public double MarginalSecantEfc = 0.577;
    }
}
