using V2G.Hal.Pilot;

namespace V2G.Sim.Plant.Pilot
{
    /// <summary>
    /// The physical control pilot: the charger's ±12 V generator through R1 = 1 kΩ, the cable, and the
    /// vehicle's diode and resistor to PE (digest §1.1, §5.3). It is the charger's <see cref="IControlPilot"/>
    /// (its PWM output and the high/low-phase samples, with seeded noise and an offset) and gives the
    /// vehicle's view of the same wire. Levels are the DC solution of the divider (edges and the PLC
    /// coupling are not modelled). Faults: a shorted diode, the pilot shorted to PE, a cut cable.
    /// </summary>
    public sealed class PilotCircuit : IControlPilot
    {
        /// <summary>Generator amplitude, V (±12 V) [V:P3 EvseMode.md].</summary>
        public const double GeneratorV = 12.0;

        /// <summary>The charger's series resistor R1, Ω [V:P3 EvseMode.md "via 1kOhm resistor"].</summary>
        public const double R1Ohm = 1000.0;

        /// <summary>Forward drop of the vehicle's diode, V [U, digest §1.1].</summary>
        public const double DiodeDropV = 0.7;

        private const int SteadyHighDuty = 10000;
        private const int SteadyLowDuty = 0;

        private int _dutyHundredthsPercent = SteadyHighDuty;
        private double _vehicleResistanceOhm = double.PositiveInfinity;
        private uint _prngState;

        /// <summary>A circuit with no vehicle, X1 on the generator, and noise off.</summary>
        /// <param name="noiseSeed">Seed of the measurement noise; equal seeds give equal noise sequences.</param>
        public PilotCircuit(uint noiseSeed)
        {
            // xorshift32 must never hold 0, or it stays 0.
            _prngState = noiseSeed == 0 ? 0x9E3779B9u : noiseSeed;
        }

        /// <summary>A circuit with a fixed noise seed.</summary>
        public PilotCircuit() : this(12345u)
        {
        }

        /// <summary>Amplitude of the charger's measurement noise, mV: each sample gets a uniform error in ±this.</summary>
        public double NoiseAmplitudeMv { get; set; }

        /// <summary>Offset of the charger's measurement front end, V, added to both samples (a calibration error).</summary>
        public double MeasurementOffsetV { get; set; }

        /// <summary>Fault: the vehicle's diode conducts both ways, so the low phase mirrors the high phase (§1.8).</summary>
        public bool DiodeShorted { get; set; }

        /// <summary>Fault: the pilot wire is shorted to PE, 0 V on both phases (state E).</summary>
        public bool PilotShortedToPe { get; set; }

        /// <summary>Fault: the pilot wire is cut between charger and vehicle; the charger sees an open line (A).</summary>
        public bool CableCut { get; set; }

        /// <summary>The vehicle's resistance to PE behind its diode, Ω; +∞ when no vehicle is connected.</summary>
        public double VehicleResistanceOhm => _vehicleResistanceOhm;

        /// <summary>Sets the vehicle's load (the vehicle model calls this as S2 and the plug change).</summary>
        public void SetVehicleResistance(double resistanceOhm)
        {
            _vehicleResistanceOhm = resistanceOhm;
        }

        // --- IControlPilot: the charger's generator and its measurement ---

        /// <summary>Sets the generator's duty, 0.01 % (clamped to 0..10000).</summary>
        public void SetDutyCycle(int dutyHundredthsPercent)
        {
            if (dutyHundredthsPercent < SteadyLowDuty)
            {
                dutyHundredthsPercent = SteadyLowDuty;
            }
            else if (dutyHundredthsPercent > SteadyHighDuty)
            {
                dutyHundredthsPercent = SteadyHighDuty;
            }

            _dutyHundredthsPercent = dutyHundredthsPercent;
        }

        /// <summary>The generator's duty, 0.01 %.</summary>
        public int DutyCycle => _dutyHundredthsPercent;

        /// <summary>A fresh high-phase sample (each read is a new conversion, with its own noise), V.</summary>
        public double HighPhaseVoltageV => ChargerSideLevelV(HighPhaseGeneratorV()) + MeasurementOffsetV + NextNoiseV();

        /// <summary>A fresh low-phase sample (each read is a new conversion, with its own noise), V.</summary>
        public double LowPhaseVoltageV => ChargerSideLevelV(LowPhaseGeneratorV()) + MeasurementOffsetV + NextNoiseV();

        /// <summary>The true (noise- and offset-free) high-phase level at the charger, V.</summary>
        public double TrueHighPhaseVoltageV => ChargerSideLevelV(HighPhaseGeneratorV());

        /// <summary>The true (noise- and offset-free) low-phase level at the charger, V.</summary>
        public double TrueLowPhaseVoltageV => ChargerSideLevelV(LowPhaseGeneratorV());

        // --- The vehicle's view ---

        /// <summary>True when the vehicle sees a square wave: PWM on the generator and a whole wire between them.</summary>
        public bool VehicleSeesPwm => WireIntact && _dutyHundredthsPercent > SteadyLowDuty && _dutyHundredthsPercent < SteadyHighDuty;

        /// <summary>
        /// The duty the vehicle measures, 0.01 %: the generator's, or 0 when the wire is cut or shorted
        /// (no edges reach it; the vehicle then cannot tell a duty at all).
        /// </summary>
        public int DutyCycleSeenByVehicle => WireIntact ? _dutyHundredthsPercent : 0;

        /// <summary>The positive level at the vehicle's inlet (before its diode), V: 0 when the wire is cut or shorted.</summary>
        public double VehiclePositiveLevelV
        {
            get
            {
                if (!WireIntact)
                {
                    return 0;
                }

                return LoadedLevelV(HighPhaseGeneratorV());
            }
        }

        private bool WireIntact => !CableCut && !PilotShortedToPe;

        private double HighPhaseGeneratorV()
        {
            // Without PWM the generator holds a steady level and both samples see it.
            return _dutyHundredthsPercent <= SteadyLowDuty ? -GeneratorV : GeneratorV;
        }

        private double LowPhaseGeneratorV()
        {
            return _dutyHundredthsPercent >= SteadyHighDuty ? GeneratorV : -GeneratorV;
        }

        private double ChargerSideLevelV(double generatorV)
        {
            if (PilotShortedToPe)
            {
                return 0;
            }

            if (CableCut)
            {
                return generatorV;
            }

            return LoadedLevelV(generatorV);
        }

        /// <summary>The divider R1 / (diode + vehicle resistor) for one generator level.</summary>
        private double LoadedLevelV(double generatorV)
        {
            double loadOhm = _vehicleResistanceOhm;
            if (double.IsPositiveInfinity(loadOhm) || double.IsNaN(loadOhm))
            {
                return generatorV;
            }

            if (DiodeShorted)
            {
                return generatorV * loadOhm / (R1Ohm + loadOhm);
            }

            if (generatorV <= DiodeDropV)
            {
                // The diode blocks: no current, the pilot stays at the generator's level (§1.1).
                return generatorV;
            }

            // V = 12 − R1·(12 − 0.7)/(R1 + R): B ≈ 8.98 V, C ≈ 6.0 V, D ≈ 2.93 V [U derived, digest §1.1].
            double currentA = (generatorV - DiodeDropV) / (R1Ohm + loadOhm);
            return generatorV - R1Ohm * currentA;
        }

        private double NextNoiseV()
        {
            if (NoiseAmplitudeMv <= 0)
            {
                return 0;
            }

            // xorshift32: small, deterministic, the same on the host and the device.
            uint x = _prngState;
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            _prngState = x;

            double unit = (x >> 8) / 16777216.0; // 24 bits → [0, 1)
            return (2.0 * unit - 1.0) * NoiseAmplitudeMv / 1000.0;
        }
    }
}
