using V2G.Protocol.Iso15118.Evcc;
using V2G.Protocol.Session;
using V2G.Sim.Plant.Electrical;

namespace V2G.Sim.Plant.Vehicle
{
    /// <summary>
    /// The simulated vehicle as the ISO 15118-20 EV simulator sees it: its battery and BMS limits,
    /// its own DC contactor, and the voltage at its inlet (the charger's side of that contactor).
    /// </summary>
    public sealed class SimEvPlant : IEvPlant
    {
        private readonly Battery _battery;
        private readonly SimContactor _contactor;
        private readonly DcCircuit _circuit;
        private readonly SimVoltageSense _inlet;

        public SimEvPlant(Battery battery, SimContactor contactor, DcCircuit circuit, SimVoltageSense inlet)
        {
            _battery = battery;
            _contactor = contactor;
            _circuit = circuit;
            _inlet = inlet;
        }

        /// <summary>Whether the vehicle offers discharge (declares discharge limits).</summary>
        public bool CanDischarge = true;

        public double BatteryVoltageV => _battery.TerminalVoltageV(_circuit.CurrentA);

        public double BatteryCurrentA => _contactor.IsClosed ? _circuit.CurrentA : 0;

        public double SocPercent => _battery.SocPercent;

        public double CapacityWh => _battery.CapacityWh;

        public double MaxVoltageV => _battery.MaxVoltageV;

        public double MinVoltageV => _battery.MinVoltageV;

        public double MaxChargeCurrentA => _battery.MaxChargeCurrentA;

        public double MaxDischargeCurrentA => CanDischarge ? _battery.MaxDischargeCurrentA : 0;

        /// <summary>Current limit × the open-circuit voltage, as the simple vehicle declares it.</summary>
        public double MaxChargePowerW => _battery.MaxChargeCurrentA * _battery.OpenCircuitVoltageV;

        public double MaxDischargePowerW => CanDischarge ? _battery.MaxDischargeCurrentA * _battery.OpenCircuitVoltageV : 0;

        public double InletVoltageV => _inlet.VoltageV;

        public bool IsContactorClosed => _contactor.IsFeedbackClosed;

        public void CloseContactor()
        {
            _contactor.Close();
        }

        public void OpenContactor()
        {
            _contactor.Open();
        }
    }
}
