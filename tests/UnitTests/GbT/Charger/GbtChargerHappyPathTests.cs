#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Hal.Buses;
using V2G.Protocol.GbT;
using V2G.Protocol.GbT.Charger;
using V2G.Protocol.Session;
using V2G.Protocol.Trace;
using V2G.UnitTests.TestSupport;

namespace V2G.UnitTests.GbT.Charger
{
    /// <summary>A whole 2015 session with the scripted BMS: the frame sequence of the digest's §6 and the periods of its §3.</summary>
    [TestClass]
    public class GbtChargerHappyPathTests
    {
        [TestMethod]
        public void PluggingInLocksThenPowersTheBmsThenTellsTheController()
        {
            GbtRig rig = GbtRig.Create();
            rig.PlugIn();
            rig.Advance(100);

            Assert.IsTrue(rig.Lock.IsLocked);
            Assert.IsTrue(rig.Aux.IsOn);
            Assert.AreEqual(1, rig.Port.ConnectedCount);
            Assert.AreEqual(GbtChargerStage.Handshake, rig.Stage);
            Assert.AreEqual("connected,communication_started,cable_check", rig.Port.EventLine());
            Assert.AreEqual(SessionProtocol.GbT27930, rig.Port.Protocol);
            Expect.Near(403.2, rig.Port.LastCableCheckV, 0.05, "insulation check voltage = BHM's");
        }

        [TestMethod]
        public void ACc1ReadingMustHoldForTheDebounceBeforeASessionStarts()
        {
            GbtRig rig = GbtRig.Create();
            rig.Cc1.VoltageV = 4.1;
            rig.Step();
            rig.Step();
            Assert.AreEqual(GbtChargerStage.Unplugged, rig.Stage);
            rig.Advance(100);
            Assert.IsTrue(rig.Stage != GbtChargerStage.Unplugged);
        }

        [TestMethod]
        public void AFullSessionSendsTheChargerFramesInTheDigestsOrder()
        {
            GbtRig rig = GbtRig.Create();
            Assert.IsTrue(rig.ToCharging());
            rig.Advance(3000);
            rig.Bms.StopNow(rig.NowMs);
            Assert.IsTrue(rig.RunUntil(GbtChargerStage.Ended, 5000));

            int chm = rig.IndexOf(GbtPf.Chm, 0);
            int crm00 = rig.IndexOf(GbtPf.Crm, 0x00, 0);
            int crmAa = rig.IndexOf(GbtPf.Crm, 0xAA, 0);
            int cml = rig.IndexOf(GbtPf.Cml, 0);
            int cts = rig.IndexOf(GbtPf.Cts, 0);
            int cro00 = rig.IndexOf(GbtPf.Cro, 0x00, 0);
            int croAa = rig.IndexOf(GbtPf.Cro, 0xAA, 0);
            int ccs = rig.IndexOf(GbtPf.Ccs, 0);
            int cst = rig.IndexOf(GbtPf.Cst, 0);
            int csd = rig.IndexOf(GbtPf.Csd, 0);
            Assert.IsTrue(chm >= 0 && chm < crm00, "CHM before CRM(00h)");
            Assert.IsTrue(crm00 < crmAa, "CRM(00h) before CRM(AAh)");
            Assert.IsTrue(crmAa < cts && crmAa < cml, "CTS and CML after CRM(AAh)");
            Assert.IsTrue(cml < cro00, "CRO after CML");
            Assert.IsTrue(cro00 < croAa && croAa < ccs, "CRO 00h, AAh, then CCS");
            Assert.IsTrue(ccs < cst && cst < csd, "CCS, CST, CSD");
            Assert.AreEqual(-1, rig.IndexOf(GbtPf.Cem, 0), "no CEM in a good session");
            Assert.AreEqual(-1, rig.IndexOf(GbtPf.Chm, crm00), "CHM stops when CRM starts");
            Assert.AreEqual(-1, rig.IndexOf(GbtPf.Crm, rig.IndexOf(GbtPf.Cml, 0) + 1), "CRM stops at BCP");
            Assert.AreEqual(-1, rig.IndexOf(GbtPf.Cml, cro00), "CML stops at BRO(AAh)");
            Assert.AreEqual(-1, rig.IndexOf(GbtPf.Cro, ccs), "CRO stops once BCL and BCS are in");
            Assert.AreEqual(-1, rig.IndexOf(GbtPf.Ccs, cst), "CCS stops with CST");
            Assert.AreEqual(-1, rig.IndexOf(GbtPf.Cst, csd), "CST stops at BSD");
            Assert.AreEqual("4000F0F0", GbtRig.HexOf(rig.Bus.Frame(cst)), "CST: BMS stopped, as the hand-made trace");
            Assert.IsFalse(rig.Aux.IsOn, "auxiliary power off at the end");
            Assert.IsFalse(rig.Lock.IsCommandedLocked, "unlocked at the end");
            Assert.AreEqual("connected,communication_started,cable_check,limits,pre_charge,start,stop,welding,end", rig.Port.EventLine());
        }

        [TestMethod]
        public void EveryPeriodicFrameKeepsItsPeriodWithoutDrift()
        {
            GbtRig rig = GbtRig.Create();
            rig.StepMs = 3;
            Assert.IsTrue(rig.ToCharging());
            long from = rig.NowMs;
            rig.Advance(10000);

            // 10 s of CCS at 50 ms: 200 frames (±1 for the phase), none closer than one period.
            int ccs = rig.CountSent(GbtPf.Ccs, from);
            Assert.IsTrue(ccs >= 199 && ccs <= 201, "CCS count " + ccs);
            AssertSpacing(rig, GbtPf.Ccs, 50, from);
            AssertSpacing(rig, GbtPf.Chm, 250, 0);
            AssertSpacing(rig, GbtPf.Crm, 250, 0);
            AssertSpacing(rig, GbtPf.Cml, 250, 0);
            AssertSpacing(rig, GbtPf.Cts, 500, 0);
        }

        [TestMethod]
        public void CcsCarriesThePresentValuesInTheStandardsSign()
        {
            GbtRig rig = GbtRig.Create();
            Assert.IsTrue(rig.ToCharging());
            rig.Advance(500);

            // The BMS asks −150 A (charge); the fake converter follows: CCS reads −150 A, BCL reached the controller as +150 A.
            Expect.Near(150, rig.Port.LastStatus.RequestedCurrentA, 0.05, "request in the firmware's sign");
            Assert.IsTrue(rig.Port.LastStatus.HasCurrentRequest);
            Expect.Near(-150, rig.Bms.LastCcs.OutputCurrentA, 0.05, "CCS current, standard sign");
            Expect.Near(387.7, rig.Bms.LastCcs.OutputVoltageV, 0.05, "CCS voltage");
            Assert.AreEqual(8, rig.Bms.LastCcs.Length);
            Expect.Near(79, rig.Port.LastStatus.SocPercent, 0.01, "SoC from BCS");
            Expect.Near(387.7, rig.Port.LastPreChargeV, 0.05, "pre-charge to BCP's battery voltage");
        }

        [TestMethod]
        public void TheVehicleLimitsComeFromBcp()
        {
            GbtRig rig = GbtRig.Create();
            Assert.IsTrue(rig.ToCharging());
            EvLimits limits = rig.Port.FirstLimits;
            Expect.Near(403.2, limits.MaxVoltageV, 0.05, "max total voltage");
            Expect.Near(200, limits.MaxChargeCurrentA, 0.05, "max charge current magnitude");
            Expect.Near(53300, limits.BatteryCapacityWh, 1, "nominal energy");
            Assert.AreEqual(0.0, limits.MaxDischargeCurrentA);
        }

        [TestMethod]
        public void TheLogHoldsEachMessageOnceAndTheStages()
        {
            GbtRig rig = GbtRig.Create();
            Assert.IsTrue(rig.ToCharging());
            rig.Advance(10000);

            Assert.IsTrue(rig.Logged("BRM", MessageDirection.Received));
            Assert.IsTrue(rig.Logged("BCP", MessageDirection.Received));
            Assert.IsTrue(rig.Logged("CHM", MessageDirection.Sent));
            int ccs = 0;
            int chm = 0;
            for (int i = 0; i < rig.Log.Count; i++)
            {
                TraceEntry e = rig.Log.Get(i);
                if (e.Message == "CCS")
                {
                    ccs++;
                }

                if (e.Message == "CHM")
                {
                    chm++;
                }
            }

            Assert.AreEqual(1, chm, "an unchanged periodic message is logged once");
            Assert.IsTrue(ccs <= 11, "CCS at most once per second, was " + ccs);
            Assert.IsTrue(rig.Log.Total < 200, "log entries " + rig.Log.Total);
        }

        [TestMethod]
        public void CtsIsNotAvailableWithoutAClockAndCarriesTheTimeWithOne()
        {
            GbtRig rig = GbtRig.Create();
            Assert.IsTrue(rig.ToCharging());
            Assert.AreEqual("FFFFFFFFFFFFFF", GbtRig.HexOf(rig.Bus.Frame(rig.IndexOf(GbtPf.Cts, 0))));

            GbtRig clocked = GbtRig.Create();
            FakeWallClock clock = new FakeWallClock();
            clock.IsSet = true;
            clock.UtcNow = new System.DateTime(2025, 6, 1, 12, 34, 56);
            clocked.Session.WallClock = clock;
            Assert.IsTrue(clocked.ToCharging());

            // The hand-made trace's CTS: sec, min, hour, day, month, year-low, year-high in BCD.
            Assert.AreEqual("56341201062520", GbtRig.HexOf(clocked.Bus.Frame(clocked.IndexOf(GbtPf.Cts, 0))));
        }

        private static void AssertSpacing(GbtRig rig, int pf, int periodMs, long fromMs)
        {
            long last = -1;
            int n = 0;
            for (int i = 0; i < rig.Bus.Count; i++)
            {
                CanFrame frame = rig.Bus.Frame(i);
                long t = rig.Bus.TimeMs(i);
                if (GbtRig.PfOf(frame) != pf || t < fromMs)
                {
                    continue;
                }

                if (last >= 0)
                {
                    long gap = t - last;

                    // Polled every 3 ms: a frame may be up to one poll late, never early or twice.
                    Assert.IsTrue(gap >= periodMs - 3 && gap <= periodMs + 3, GbtPf.NameOf(pf) + " gap " + gap);
                }

                last = t;
                n++;
            }

            Assert.IsTrue(n > 1, GbtPf.NameOf(pf) + " sent");
        }
    }
}
