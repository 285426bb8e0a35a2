namespace V2G.Firmware.Battery
{
    /// <summary>
    /// The owner's and the installer's settings of <see cref="BatteryGuard"/>. Percentages are of the pack's
    /// capacity; 0 in a limit that says so means "no limit". Values the battery-ageing digest marks as
    /// assumptions [A] are settings here, with the digest's example value or ours as the default.
    /// </summary>
    public sealed class BatteryGuardSettings
    {
        /// <summary>
        /// Whether the guard acts on the charger's requests. Off, every request passes unchanged (the guard
        /// still counts the energy and the wear).
        /// </summary>
        public bool Enabled = true;

        /// <summary>The owner's reserve for driving, % SoC: discharge stops here (or at the vehicle's own minimum SoC if higher).</summary>
        public double ReserveSocPercent = 30;

        /// <summary>The owner's maximum SoC, %: charging stops here (100 = the vehicle's own limit only).</summary>
        public double MaxSocPercent = 100;

        /// <summary>Depth of discharge allowed in one session, % of capacity below the session's highest SoC (0 = no limit).</summary>
        public double SessionDodLimitPercent = 0;

        /// <summary>Depth of discharge allowed in one day (24 h window), % of capacity below the day's highest SoC (0 = no limit).</summary>
        public double DailyDodLimitPercent = 0;

        /// <summary>Highest charge C-rate, 1/h; 0 = the ageing model's tested maximum (Kokam 1C, Sanyo 1C, LFP 250 Ah 0.65C [digest §3–§5, V]).</summary>
        public double MaxChargeCRatePerH = 0;

        /// <summary>Highest discharge C-rate, 1/h; 0 = the ageing model's tested maximum (1C for all three [digest §3–§5, V]).</summary>
        public double MaxDischargeCRatePerH = 0;

        /// <summary>
        /// Full power down to this pack temperature, °C; NaN = the low end of the ageing model's tested cycling
        /// range (Kokam 0 °C, Sanyo 20 °C, LFP 250 Ah 10 °C [digest §3–§5, V]).
        /// </summary>
        public double ColdFullPowerC = double.NaN;

        /// <summary>Full power up to this pack temperature, °C; NaN = the high end of the model's tested range (45, 40, 45 °C [digest, V]).</summary>
        public double HotFullPowerC = double.NaN;

        /// <summary>
        /// Width of the derating band outside the full-power range, °C: the C-rate limit falls linearly to 0 over
        /// it (the digest gives the tested ranges, not a derating curve: ours, a setting).
        /// </summary>
        public double TemperatureDeratingBandC = 10;

        /// <summary>Changes of direction allowed per rolling hour (0 = no cap; at most <see cref="BatteryGuard.MaxReversalCap"/>). Never limits frequency response.</summary>
        public int MaxReversalsPerHour = 0;

        /// <summary>Below this magnitude, W, the power has no direction (for counting reversals).</summary>
        public double ReversalDeadbandW = 100;

        /// <summary>
        /// Refuse arbitrage discharge when the setpoint's price spread per kWh is below the marginal degradation
        /// cost [digest §11 dispatch rule, A]. The spread is taken as sent: the aggregator's p_d − p_c/η.
        /// </summary>
        public bool RefuseUnprofitableArbitrage = false;

        /// <summary>
        /// Round-trip efficiency η, grid → battery → grid (charger and battery): 0.90 in the digest's example
        /// [§11, A]. The guard splits it evenly, √η each way (the digest's alternative convention, η = η_ch·η_dis [A]).
        /// </summary>
        public double RoundTripEfficiency = 0.90;

        /// <summary>Time kept in hand before the departure, s: the target SoC is planned to be reached this early (ours, a setting).</summary>
        public double DepartureMarginS = 600;

        /// <summary>The charge towards the departure target is planned at this fraction of the charge power the guard allows (ours: power kept in hand).</summary>
        public double DeparturePlanningPowerFraction = 0.9;

        /// <summary>Control period, s: how far ahead the one-tick limits look (the energy of the next tick may not cross the reserve; the controller's 20 ms).</summary>
        public double TickPeriodS = 0.02;

        /// <summary>The ageing model, pack replacement cost, end-of-life fade and the model's other settings.</summary>
        public DegradationSettings Degradation = new DegradationSettings();
    }
}
