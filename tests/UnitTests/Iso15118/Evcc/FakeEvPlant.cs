using V2G.Protocol.Iso15118.Evcc;
using V2G.Protocol.Session;

namespace V2G.UnitTests.Iso15118.Evcc
{
    /// <summary>
    /// A vehicle for the EVCC's tests: a battery with settable limits and a contactor that follows its
    /// command at once. It records what the inlet and the charger's voltage were when it was told to close.
    /// </summary>
    public sealed class FakeEvPlant : IEvPlant
    {
        public double BatteryVoltageV { get; set; } = 400;

        public double BatteryCurrentA { get; set; }

        public double SocPercent { get; set; } = 50;

        public double CapacityWh { get; set; } = 60000;

        public double MaxVoltageV { get; set; } = 450;

        public double MinVoltageV { get; set; } = 320;

        public double MaxChargeCurrentA { get; set; } = 30;

        public double MaxDischargeCurrentA { get; set; } = 25;

        public double MaxChargePowerW { get; set; } = 11000;

        public double MaxDischargePowerW { get; set; } = 9000;

        public double InletVoltageV { get; set; }

        public bool IsContactorClosed { get; private set; }

        /// <summary>Times the contactor was commanded closed.</summary>
        public int CloseCommands { get; private set; }

        /// <summary>Times the contactor was commanded open.</summary>
        public int OpenCommands { get; private set; }

        /// <summary>The inlet voltage when the last close command came, V.</summary>
        public double InletVoltageAtCloseV { get; private set; }

        /// <summary>The current when the last open command came, A.</summary>
        public double CurrentAtOpenA { get; private set; }

        public void CloseContactor()
        {
            CloseCommands++;
            InletVoltageAtCloseV = InletVoltageV;
            IsContactorClosed = true;
        }

        /// <summary>When set, the contactor stays closed whatever it is told.</summary>
        public bool Welded;

        public void OpenContactor()
        {
            OpenCommands++;
            CurrentAtOpenA = BatteryCurrentA;
            IsContactorClosed = Welded && IsContactorClosed;
        }
    }
}
