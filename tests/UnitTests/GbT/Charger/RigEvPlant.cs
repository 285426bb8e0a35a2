using V2G.Protocol.Session;
using V2G.UnitTests.Fakes;

namespace V2G.UnitTests.GbT.Charger
{
    /// <summary>
    /// The vehicle behind <see cref="ControllerRig"/>'s ideal physics, as an IEvPlant for the BMS simulator:
    /// its battery is the rig's, its contactor is the rig's vehicle contactor, its inlet reads the connector.
    /// </summary>
    public sealed class RigEvPlant : IEvPlant
    {
        private readonly ControllerRig _rig;

        public RigEvPlant(ControllerRig rig)
        {
            _rig = rig;
        }

        public double BatteryVoltageV => _rig.BatteryVoltageV;

        public double BatteryCurrentA => _rig.Stage.OutputCurrentA;

        public double SocPercent { get; set; } = 60;

        public double CapacityWh { get; set; } = 60000;

        public double MaxVoltageV { get; set; } = 450;

        public double MinVoltageV { get; set; } = 320;

        public double MaxChargeCurrentA { get; set; } = 80;

        public double MaxDischargeCurrentA { get; set; } = 60;

        public double MaxChargePowerW { get; set; } = 32000;

        public double MaxDischargePowerW { get; set; } = 24000;

        public double InletVoltageV => _rig.Connector.VoltageV;

        public bool IsContactorClosed => _rig.VehicleContactorClosed;

        public void CloseContactor()
        {
            _rig.VehicleContactorClosed = true;
        }

        public void OpenContactor()
        {
            _rig.VehicleContactorClosed = false;
        }
    }
}
