using V2G.Hal.Power;

namespace V2G.Sim.Plant.Electrical
{
    /// <summary>
    /// The bidirectional converter as the firmware sees it: references in, measurements out. Its
    /// own regulator is modelled by <see cref="DcCircuit"/>: a first-order current response with a
    /// slew limit, a voltage loop, an efficiency and its hardware trips (which latch the gate
    /// enable without software, as on the real stage).
    /// </summary>
    public sealed class SimPowerStage : IPowerStage
    {
        private PowerStageMode _mode = PowerStageMode.Off;
        private bool _enabled;

        public SimPowerStage(double ratedCurrentA, double ratedVoltageV)
        {
            RatedCurrentA = ratedCurrentA;
            RatedVoltageV = ratedVoltageV;
            HardwareOverCurrentA = ratedCurrentA * 1.5;
            HardwareOverVoltageV = ratedVoltageV * 1.08;
            TemperatureC = 25;
            AmbientC = 25;
        }

        public double RatedCurrentA { get; }

        public double RatedVoltageV { get; }

        public double HardwareOverCurrentA;

        public double HardwareOverVoltageV;

        /// <summary>
        /// Time constant of the current response, ms: 20 ms, the lag of a real converter's current loop
        /// with its filters (OpenDER models 20 ms too [grid digest §2]), so that a fast frequency response
        /// in the simulator cannot come from an ideal plant.
        /// </summary>
        public double CurrentTimeConstantMs = 20;

        /// <summary>Largest rate of change of the output current, A/s.</summary>
        public double CurrentSlewAPerS = 4000;

        /// <summary>Time constant of the no-load voltage response, ms.</summary>
        public double VoltageTimeConstantMs = 25;

        /// <summary>Losses: fixed part when enabled, W, plus a fraction of the power handled.</summary>
        public double FixedLossW = 60;

        public double ProportionalLoss = 0.03;

        /// <summary>Thermal: °C per W of loss at steady state, and time constant, s.</summary>
        public double ThermalResistanceKPerW = 0.05;

        public double ThermalTimeConstantS = 120;

        public double AmbientC;

        /// <summary>
        /// Fault injection: a regulator runaway multiplies the delivered current (a failed current
        /// sensor or regulator); 1 = healthy.
        /// </summary>
        public double CurrentRunawayFactor = 1;

        public double VoltageTargetV { get; private set; }

        public double CurrentTargetA { get; private set; }

        public double CurrentLimitA { get; private set; }

        public double VoltageLimitV { get; private set; }

        public bool IsEnabled => _enabled;

        public PowerStageMode Mode => _enabled ? _mode : PowerStageMode.Off;

        public double OutputVoltageV { get; internal set; }

        public double OutputCurrentA { get; internal set; }

        public double TemperatureC { get; set; }

        public int Faults { get; private set; }

        /// <summary>Losses in the present step, W.</summary>
        public double LossW { get; internal set; }

        public void Enable()
        {
            // A latched hardware trip holds the gates off until reset, whatever software asks.
            if (Faults == PowerStageFaults.None)
            {
                _enabled = true;
            }
        }

        public void Disable()
        {
            _enabled = false;
        }

        public void SetVoltageTarget(double voltageV, double currentLimitA)
        {
            _mode = PowerStageMode.VoltageControl;
            VoltageTargetV = voltageV;
            CurrentLimitA = currentLimitA < 0 ? -currentLimitA : currentLimitA;
        }

        public void SetCurrentTarget(double currentA, double voltageLimitV)
        {
            _mode = PowerStageMode.CurrentControl;
            CurrentTargetA = currentA;
            VoltageLimitV = voltageLimitV;
        }

        public void ResetFaults()
        {
            Faults = PowerStageFaults.None;
        }

        /// <summary>Latches a hardware trip and drops the gate enable (called by the circuit model).</summary>
        internal void Trip(int fault)
        {
            Faults |= fault;
            _enabled = false;
        }
    }
}
