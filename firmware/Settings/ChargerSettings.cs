namespace V2G.Firmware.Settings
{
    /// <summary>
    /// The charger's configuration: its ratings, the protection thresholds and the timing of the
    /// physical sequences. Defaults are those of the simulator's reference charger; a board sets
    /// its own. Values that the standards digests mark as our own choice are settings here.
    /// </summary>
    public sealed class ChargerSettings
    {
        // --- Ratings of the converter (what the charger offers the vehicle) ---

        /// <summary>Highest output voltage, V.</summary>
        public double MaxVoltageV = 920;

        /// <summary>Lowest output voltage at which power is delivered, V.</summary>
        public double MinVoltageV = 150;

        /// <summary>Largest charging current, A.</summary>
        public double MaxChargeCurrentA = 100;

        /// <summary>Largest discharging current (magnitude), A.</summary>
        public double MaxDischargeCurrentA = 100;

        /// <summary>Largest charging power, W.</summary>
        public double MaxChargePowerW = 30000;

        /// <summary>Largest discharging power (magnitude), W.</summary>
        public double MaxDischargePowerW = 30000;

        // --- Control tick ---

        /// <summary>
        /// Control tick period, ms. nanoFramework gives each thread 20 ms slices, so 20–50 ms fits
        /// the device; 100 ms must be a whole number of ticks for the contactor-opening bound to hold exactly.
        /// </summary>
        public int TickPeriodMs = 20;

        /// <summary>A tick later than this many periods after the previous one is a watchdog fault (starved control thread).</summary>
        public int TickOverrunPeriods = 5;

        /// <summary>Hardware watchdog timeout, ms.</summary>
        public int HardwareWatchdogTimeoutMs = 500;

        // --- Energy transfer ---

        /// <summary>Largest rate of change of the power command in energy transfer, W/s.</summary>
        public double PowerRampWPerS = 15000;

        /// <summary>Rate at which the current is brought down on a normal stop, A/s (200 A to 0 in 100 ms).</summary>
        public double StopCurrentRampAPerS = 2000;

        /// <summary>Current at or below which contactors may be opened, A (|I| ≤ 5 A).</summary>
        public double ContactorOpenCurrentA = 5;

        /// <summary>After a fault, contactors open at the latest this long after the converter was disabled, ms.</summary>
        public int ContactorOpenDeadlineMs = 100;

        // --- Cable check (insulation test) ---

        /// <summary>Insulation limit, Ω per volt of test voltage (IEC 61851-23 uses 100 Ω/V as the fault limit).</summary>
        public double InsulationLimitOhmPerV = 100;

        /// <summary>Current limit of the converter while it holds the cable-check voltage, A.</summary>
        public double CableCheckCurrentLimitA = 2;

        /// <summary>Fraction of the test voltage the output must reach before the insulation test starts.</summary>
        public double CableCheckVoltageReachedFraction = 0.97;

        /// <summary>Cable check gives up after this long, ms (the EV's own limit is 40 s in ISO 15118-20).</summary>
        public int CableCheckTimeoutMs = 30000;

        /// <summary>After the test the output is discharged below this voltage before the step ends, V.</summary>
        public double SafeVoltageV = 60;

        // --- Precharge ---

        /// <summary>The converter must match the target within this many volts before the contactors close.</summary>
        public double PreChargeToleranceV = 10;

        /// <summary>Current limit of the converter while precharging, A (ISO 15118 precharge current is at most 2 A).</summary>
        public double PreChargeCurrentLimitA = 2;

        /// <summary>Precharge gives up after this long, ms (the EV's own limit is 10 s in ISO 15118-20).</summary>
        public int PreChargeTimeoutMs = 9000;

        // --- Contactors ---

        /// <summary>Auxiliary contacts must follow a command within this time, ms; longer is a feedback mismatch.</summary>
        public int ContactorFeedbackTimeoutMs = 100;

        /// <summary>Welding detection: the connector voltage must fall below <see cref="SafeVoltageV"/> within this time, ms.</summary>
        public int WeldingDetectionTimeoutMs = 3000;

        // --- Protection ---

        /// <summary>Over-voltage trip, V above the applicable maximum (the lower of charger's and vehicle's).</summary>
        public double OverVoltageMarginV = 20;

        /// <summary>Over-current trip, A above the applicable maximum in the direction of flow.</summary>
        public double OverCurrentMarginA = 10;

        /// <summary>Consecutive ticks over a voltage or current limit before tripping (filters one-sample spikes).</summary>
        public int ProtectionDebounceTicks = 2;

        /// <summary>Power-stage temperature trip, °C.</summary>
        public double OverTemperatureC = 90;

        /// <summary>The over-temperature fault clears once the stage has cooled below this, °C.</summary>
        public double OverTemperatureClearC = 75;

        /// <summary>
        /// Loss of the vehicle's communication: no message for this long while a session is active, ms.
        /// GB/T expects BCL every 50 ms with a 1 s timeout; ISO 15118-20's charge loop uses 0.5 s per message.
        /// </summary>
        public int VehicleCommunicationTimeoutMs = 1000;

        /// <summary>Sessions start without an authorization from outside (free vend).</summary>
        public bool AuthorizeAutomatically = true;

        /// <summary>Largest number of fault records kept in RAM.</summary>
        public int FaultLogCapacity = 32;

        // ------------------------------------------------------------------ grid support

        /// <summary>
        /// The converter's current-loop time constant, ms, as the board knows it (0 = unknown): the
        /// fastest droop preset pre-compensates it. The simulator's converter has 20 ms.
        /// </summary>
        public double ConverterTimeConstantMs = 0;

        /// <summary>Nominal grid voltage line to neutral, V (the protection's per-unit base).</summary>
        public double GridNominalVoltageV = 230;

        /// <summary>
        /// The droop preset at boot ("ieee1547-cat2", "ieee1547-cat3", "en50549", "china-storage", "fast");
        /// empty = IEEE 1547 Category II at 60 Hz, EN 50549 LFSM at 50 Hz. <see cref="Droop"/> overrides it.
        /// </summary>
        public string DroopPreset = "";

        /// <summary>Whether the droop acts at boot (the preset's parameters apply either way).</summary>
        public bool DroopEnabled = true;

        /// <summary>Droop settings loaded from the non-volatile store, or null to use <see cref="DroopPreset"/>.</summary>
        public V2G.Firmware.Grid.DroopSettings Droop;

        /// <summary>The frequency estimator's window, guard and averages.</summary>
        public V2G.Firmware.Grid.FrequencyEstimatorSettings FrequencyEstimator = new V2G.Firmware.Grid.FrequencyEstimatorSettings();

        /// <summary>Trip tables, or null for the defaults of the grid's nominal frequency.</summary>
        public V2G.Firmware.Grid.GridProtectionSettings GridProtection;

        // --- The vehicle's battery ---

        /// <summary>
        /// The battery guard: the owner's SoC window (reserve 30 %, maximum 100 %), the limits and the ageing
        /// model. Every request passes it in energy transfer while <see cref="V2G.Firmware.Battery.BatteryGuardSettings.Enabled"/>.
        /// </summary>
        public V2G.Firmware.Battery.BatteryGuardSettings BatteryGuard = new V2G.Firmware.Battery.BatteryGuardSettings();

        /// <summary>
        /// The pack's capacity assumed for a vehicle that does not declare one (EvLimits.BatteryCapacityWh 0), Wh;
        /// 0 = unknown (then the guard has no C-rate limit, no departure planning and no SoC look-ahead).
        /// </summary>
        public double DefaultBatteryCapacityWh = 0;
    }
}
