using V2G.Hal.Power;

namespace V2G.UnitTests.Fakes
{
    /// <summary>An ideal converter: its measured values are set by <see cref="ControllerRig"/> each tick.</summary>
    public sealed class FakePowerStage : IPowerStage
    {
        private PowerStageMode _mode;

        public bool IsEnabled { get; private set; }

        public PowerStageMode Mode => _mode;

        public double VoltageTargetV;

        public double CurrentTargetA;

        public double CurrentLimitA;

        public double VoltageLimitV;

        public int EnableCount;

        public int DisableCount;

        public double OutputVoltageV { get; set; }

        public double OutputCurrentA { get; set; }

        public double TemperatureC { get; set; }

        public int Faults { get; set; }

        public void Enable()
        {
            IsEnabled = true;
            EnableCount++;
        }

        public void Disable()
        {
            IsEnabled = false;
            DisableCount++;
        }

        public void SetVoltageTarget(double voltageV, double currentLimitA)
        {
            _mode = PowerStageMode.VoltageControl;
            VoltageTargetV = voltageV;
            CurrentLimitA = currentLimitA;
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
    }
}
