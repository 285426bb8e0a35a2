namespace V2G.Firmware.Pilot
{
    /// <summary>
    /// Settings of the control pilot and proximity monitoring (IEC 61851-1 as digested in
    /// iso15118-3-and-control-pilot.md §1). The voltage windows, the debounce and the PP tolerance are
    /// not from the standard text (not at hand, [U]); they are ours, hence settings.
    /// </summary>
    public sealed class PilotSettings
    {
        // --- Classification bands (positive level; F and E also on the low phase) ---

        /// <summary>Centre of state A, V (+12 V, no vehicle) [V:E12, S2].</summary>
        public double StateAVoltageV = 12;

        /// <summary>Centre of state B, V (+9 V) [V:E12, S2].</summary>
        public double StateBVoltageV = 9;

        /// <summary>Centre of state C, V (+6 V) [V:E12, S2].</summary>
        public double StateCVoltageV = 6;

        /// <summary>Centre of state D, V (+3 V) [V:E12].</summary>
        public double StateDVoltageV = 3;

        /// <summary>Centre of state E, V (0 V in both phases) [V:E12].</summary>
        public double StateEVoltageV = 0;

        /// <summary>Centre of state F, V (steady −12 V) [V:O1, E10].</summary>
        public double StateFVoltageV = -12;

        /// <summary>
        /// Half-width of every band, V. The commonly cited IEC windows are ±1 V, marked [U] in the
        /// digest (§1.2); EVerest's simulator uses 1.1 V [V:E12]. Below 1.5 V the bands (3 V apart) cannot overlap.
        /// </summary>
        public double BandHalfWidthV = 1.0;

        /// <summary>
        /// Consecutive equal classifications needed before a state (or the diode fault) changes.
        /// 3 samples at the 20 ms control tick confirm a change within 60 ms, inside the 100 ms in
        /// which power must be off after C→B [V:E8 "Table A.6 Sequence 8.1"], while one noisy sample
        /// at a band edge never changes the state.
        /// </summary>
        public int DebounceSamples = 3;

        // --- Diode check (only meaningful while the negative half is driven, i.e. with PWM) [U] ---

        /// <summary>
        /// With PWM and a vehicle present the low phase must be at or below this, V: the diode blocks the
        /// negative half, so it stays at the generator's −12 V (digest §1.1, §1.8). −11 V is the F band's edge.
        /// </summary>
        public double DiodeCheckLowPhaseMaxV = -11.0;

        /// <summary>
        /// A shorted diode loads both halves alike, so low ≈ −high: |high + low| at or below this, V,
        /// is a diode short [V:E12 DiodeFault when cpHi + cpLo ≈ 0].
        /// </summary>
        public double DiodeShortSumToleranceV = 1.0;

        // --- Commanded outputs and their timing ---

        /// <summary>Duty that requests digital communication (HLC), 0.01 %: nominal 5 % [V:P2, E9; DC uses it for the whole session].</summary>
        public int DigitalCommunicationDutyHundredthsPercent = 500;

        /// <summary>Wait in X1 between the offer and switching the 5 % on, ms (EVerest default 500; some EV testers fail at ≥ 1000) [V:E9].</summary>
        public int SleepBeforePwmMs = 500;

        /// <summary>State F held in the error sequence, ms: T_step_EF, at least 4 s [V:E9, E1 "min. 4s", T1].</summary>
        public int StepEfMs = 4000;

        /// <summary>X1 held after T_step_EF before the caller goes on, ms (EV READY needs 500–1000 ms) [V:E9].</summary>
        public int X1AfterStepEfMs = 750;

        // --- Proximity (PP–PE resistance) ---

        /// <summary>PP resistor of a 13 A cable, Ω (mapping [U], digest §1.10).</summary>
        public double Cable13AResistanceOhm = 1500;

        /// <summary>PP resistor of a 20 A cable, Ω [V:E10, E11].</summary>
        public double Cable20AResistanceOhm = 680;

        /// <summary>PP resistor of a 32 A cable, Ω [V:E10, E11, S2].</summary>
        public double Cable32AResistanceOhm = 220;

        /// <summary>PP resistor of a 63 A cable, Ω [V:E10, S2].</summary>
        public double Cable63AResistanceOhm = 100;

        /// <summary>
        /// Relative tolerance of a PP resistance around its nominal value (0.2 = ±20 %). Our choice [U]:
        /// the bands stay disjoint up to about ±35 % (1.5 kΩ vs 680 Ω is the closest pair).
        /// </summary>
        public double ProximityToleranceFraction = 0.2;

        /// <summary>At or above this the PP contact counts as open (nothing inserted), Ω; a real front end never reads +∞. Our choice [U].</summary>
        public double ProximityOpenAboveOhm = 10000;

        /// <summary>
        /// The resistor a plug of this charger shows on PP, Ω: 1.5 kΩ in a CCS2 DC plug (pyPLC: without it
        /// "the car most likely does not initiate any communication") [V:P3 EvseMode.md Q1]. CCS1 differs [U].
        /// </summary>
        public double ExpectedPlugResistanceOhm = 1500;

        /// <summary>Consecutive equal PP classifications needed before the proximity state changes.</summary>
        public int ProximityDebounceSamples = 3;
    }
}
