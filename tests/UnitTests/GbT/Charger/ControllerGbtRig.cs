using V2G.Protocol.GbT.Bms;
using V2G.Protocol.GbT.Charger;
using V2G.Protocol.Trace;
using V2G.UnitTests.Fakes;

namespace V2G.UnitTests.GbT.Charger
{
    /// <summary>
    /// End to end: the charger's GB/T session driving the real ChargeController on fakes
    /// (<see cref="ControllerRig"/>, 10 ms ticks), with the BMS simulator on the other end of a two-node
    /// test bus and its vehicle behind the rig's ideal physics.
    /// </summary>
    public sealed class ControllerGbtRig
    {
        public readonly ControllerRig Rig = new ControllerRig();
        public readonly TestCanBus Bus = new TestCanBus(60000);
        public readonly FakeCc1Sense Cc1 = new FakeCc1Sense();
        public readonly FakeAuxiliaryPower Aux = new FakeAuxiliaryPower();
        public readonly FakeConnectorLock Lock = new FakeConnectorLock();
        public readonly MessageLog Log = new MessageLog(4096, 120);
        public readonly MessageLog BmsLog = new MessageLog(1024, 120);
        public readonly GbtChargerSettings Settings;
        public readonly GbtBmsSettings BmsSettings;
        public readonly RigEvPlant Plant;
        public GbtChargerSession Session;
        public GbtBmsSimulator Bms;

        public ControllerGbtRig(GbtChargerSettings settings, GbtBmsSettings bmsSettings)
        {
            Settings = settings;
            BmsSettings = bmsSettings;
            Rig.Settings.TickPeriodMs = 10;
            Rig.Settings.PowerRampWPerS = 1000000;
            Rig.BatteryVoltageV = 387;
            Plant = new RigEvPlant(Rig);
        }

        public void Build()
        {
            Rig.Build();
            Session = new GbtChargerSession(Settings, Rig.Controller, Bus.Charger, Rig.Clock, Cc1, Aux, Lock, Log);
            Bms = new GbtBmsSimulator(BmsSettings, Plant, Bus.Bms, Rig.Clock, BmsLog);
        }

        public long NowMs => Rig.Clock.NowMs;

        /// <summary>One controller tick (10 ms), then the BMS and the session poll.</summary>
        public void Step()
        {
            Rig.Tick();
            long now = Rig.Clock.NowMs;
            Bus.NowMs = now;
            Bms.SetAuxiliaryPower(Aux.IsOn, now);
            Bms.Poll(now);
            Session.Poll(now);
        }

        public bool RunUntil(GbtChargerStage stage, long maxMs)
        {
            long end = NowMs + maxMs;
            while (Session.Stage != stage && NowMs < end)
            {
                Step();
            }

            return Session.Stage == stage;
        }

        public void Advance(long ms)
        {
            long end = NowMs + ms;
            while (NowMs < end)
            {
                Step();
            }
        }
    }
}
