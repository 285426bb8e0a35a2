using V2G.Protocol.Iso15118.Evcc;
using V2G.Protocol.Session;
using V2G.Sim.Plant.Electrical;

namespace V2G.EvSim
{
    /// <summary>
    /// A vehicle on a protocol bench: no battery is wired to the charger's output, so the battery is a
    /// model (the simulator's 96-cell pack) whose current is what the charger reports, and the inlet
    /// voltage is the charger's reported present voltage. Good for protocol and timing tests, and for
    /// a charger's own HIL rig where the charger's output goes into a load or a battery emulator.
    /// </summary>
    public sealed class BenchEvPlant : IEvPlant
    {
        private readonly Battery _battery;
        private bool _contactorClosed;

        public BenchEvPlant(double capacityKWh, double socPercent, bool canDischarge)
        {
            _battery = new Battery(capacityKWh, 96, 0.08, socPercent, 25);
            CanDischarge = canDischarge;
        }

        public bool CanDischarge { get; }

        /// <summary>The charger's last present current and voltage (fed by the bench loop).</summary>
        public double ChargerCurrentA { get; set; }

        public double ChargerVoltageV { get; set; }

        public double BatteryVoltageV => _battery.TerminalVoltageV(BatteryCurrentA);

        public double BatteryCurrentA => _contactorClosed ? ChargerCurrentA : 0;

        public double SocPercent => _battery.SocPercent;

        public double CapacityWh => _battery.CapacityWh;

        public double MaxVoltageV => _battery.MaxVoltageV;

        public double MinVoltageV => _battery.MinVoltageV;

        public double MaxChargeCurrentA => _battery.MaxChargeCurrentA;

        public double MaxDischargeCurrentA => CanDischarge ? _battery.MaxDischargeCurrentA : 0;

        public double MaxChargePowerW => _battery.MaxChargeCurrentA * _battery.OpenCircuitVoltageV;

        public double MaxDischargePowerW => CanDischarge ? _battery.MaxDischargeCurrentA * _battery.OpenCircuitVoltageV : 0;

        public double InletVoltageV => ChargerVoltageV;

        public bool IsContactorClosed => _contactorClosed;

        public void CloseContactor() => _contactorClosed = true;

        public void OpenContactor() => _contactorClosed = false;

        /// <summary>Integrates the battery over <paramref name="dtMs"/> of wall time.</summary>
        public void Advance(double dtMs) => _battery.Step(BatteryCurrentA, dtMs);
    }
}
