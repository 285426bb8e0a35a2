#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Protocol.GbT;
using V2G.Protocol.GbT.Bms;
using V2G.UnitTests.Slac;
using V2G.UnitTests.TestSupport;

namespace V2G.UnitTests.GbT.Bms
{
    /// <summary>The simulated BMS against a scripted charger: the digest's §6 flow, on the BMS's own deadlines.</summary>
    [TestClass]
    public class GbtBmsSimulatorTests
    {
        [TestMethod]
        public void TheBmsSendsNothingWithoutAuxiliaryPowerNorBeforeTheFirstChm()
        {
            BmsRig rig = new BmsRig();
            rig.Charger(GbtPf.Chm, new byte[] { 1, 1, 0 }, 3);
            rig.Run(500);
            Assert.AreEqual(0, rig.Count);
            Assert.AreEqual(GbtBmsState.Off, rig.Bms.State);

            rig.Bms.SetAuxiliaryPower(true, rig.NowMs);
            rig.Run(500);
            Assert.AreEqual(0, rig.Count);
            Assert.AreEqual(GbtBmsState.WaitingForChm, rig.Bms.State);
        }

        [TestMethod]
        public void AChmIsAnsweredWithBhmCarryingTheMaxVoltageEvery250Ms()
        {
            BmsRig rig = new BmsRig();
            rig.PowerOnAndChm();
            rig.Run(1000);

            int first = rig.First(GbtPf.Bhm, 0);
            Assert.AreEqual(0, first, "BHM is the BMS's first message");
            Assert.AreEqual("c00f", Hex.Of(rig.Payload[first], 0, 2), "403.2 V");
            long minGap;
            long maxGap;
            rig.Gaps(GbtPf.Bhm, 0, rig.NowMs, out minGap, out maxGap);
            Assert.AreEqual(250L, minGap);
            Assert.AreEqual(250L, maxGap);
        }

        [TestMethod]
        public void CrmNotRecognisedIsAnsweredWithA49ByteBrmViaTpRepeatedEvery250MsUntilCrmRecognised()
        {
            BmsRig rig = new BmsRig();
            rig.PowerOnAndChm();
            rig.Charger(GbtPf.Crm, BmsRig.Crm(0x00), 8);
            long crmMs = rig.NowMs;
            rig.Run(1000);

            int first = rig.First(GbtPf.Brm, crmMs);
            Assert.IsTrue(first >= 0);
            Assert.AreEqual(49, rig.Length[first]);
            Assert.AreEqual(0, rig.CountOf(GbtPf.Bhm, crmMs + 10), "BHM stops once CRM arrives");
            BrmMessage brm = new BrmMessage();
            Assert.IsTrue(brm.Read(rig.Payload[first], rig.Length[first]));
            Assert.AreEqual(BrmMessage.BatteryNcm, brm.BatteryType);
            Assert.AreEqual("4c44454d4f303030303030303030303031", Hex.Of(brm.Vin, 0, 17), "VIN LDEMO000000000001");
            Assert.AreEqual(4, rig.CountOf(GbtPf.Brm, crmMs));
            long minGap;
            long maxGap;
            rig.Gaps(GbtPf.Brm, crmMs, rig.NowMs, out minGap, out maxGap);
            Assert.AreEqual(250L, minGap);
            Assert.AreEqual(250L, maxGap);

            rig.Charger(GbtPf.Crm, BmsRig.Crm(0xAA), 8);
            long aaMs = rig.NowMs;
            rig.Run(1000);
            Assert.AreEqual(0, rig.CountOf(GbtPf.Brm, aaMs + 100));
            Assert.AreEqual(GbtBmsState.Parameters, rig.Bms.State);
        }

        [TestMethod]
        public void A2011BmsSendsA41ByteBrm()
        {
            GbtBmsSettings settings = new GbtBmsSettings();
            settings.BrmLength = BrmMessage.Length2011;
            BmsRig rig = new BmsRig(settings);
            rig.PowerOnAndChm();
            rig.Charger(GbtPf.Crm, BmsRig.Crm(0x00), 8);
            rig.Run(200);

            Assert.AreEqual(41, rig.Length[rig.First(GbtPf.Brm, 0)]);
        }

        [TestMethod]
        public void BcpGoesEvery500MsUntilCmlThenBroNotReadyForTheSetTime()
        {
            BmsRig rig = new BmsRig();
            rig.PowerOnAndChm();
            rig.Charger(GbtPf.Crm, BmsRig.Crm(0x00), 8);
            rig.Run(100);
            rig.Charger(GbtPf.Crm, BmsRig.Crm(0xAA), 8);
            long aaMs = rig.NowMs;
            rig.Run(1200);

            Assert.AreEqual(3, rig.CountOf(GbtPf.Bcp, aaMs));
            int bcp = rig.First(GbtPf.Bcp, aaMs);
            BcpMessage parameters = new BcpMessage();
            Assert.IsTrue(parameters.Read(rig.Payload[bcp], rig.Length[bcp]));
            Assert.AreEqual(13, rig.Length[bcp]);
            Expect.Near(-200, parameters.MaxChargeCurrentA, 0.05, "BCP max charge current, standard sign");
            Expect.Near(60, parameters.SocPercent, 0.05, "BCP SOC");

            rig.SendCml();
            long cmlMs = rig.NowMs;
            rig.Run(1500);
            Assert.AreEqual(0, rig.CountOf(GbtPf.Bcp, cmlMs + 100));
            int firstReady = -1;
            for (int i = rig.First(GbtPf.Bro, cmlMs); i < rig.Count; i++)
            {
                if (rig.Pf[i] == GbtPf.Bro && rig.Payload[i][0] == 0xAA)
                {
                    firstReady = i;
                    break;
                }
            }

            Assert.AreEqual((byte)0x00, rig.Payload[rig.First(GbtPf.Bro, cmlMs)][0], "BRO 00h first");
            Assert.IsTrue(firstReady >= 0, "BRO AAh follows");
            Expect.Near(1000, rig.TimeMs[firstReady] - cmlMs, 15, "BRO 00h lasts NotReadyMs");
            Assert.IsTrue(rig.Plant.IsContactorClosed, "the contactor closed before BRO AAh");
        }

        [TestMethod]
        public void TheContactorDoesNotCloseOntoAnUnmatchedInletVoltage()
        {
            BmsRig rig = new BmsRig();
            rig.Plant.InletVoltageV = 250;
            rig.PowerOnAndChm();
            rig.Charger(GbtPf.Crm, BmsRig.Crm(0x00), 8);
            rig.Run(100);
            rig.Charger(GbtPf.Crm, BmsRig.Crm(0xAA), 8);
            rig.Run(100);
            rig.SendCml();
            rig.Run(2000);

            Assert.IsFalse(rig.Plant.IsContactorClosed);
            Assert.AreEqual(GbtBmsState.NotReady, rig.Bms.State);

            rig.Plant.InletVoltageV = 385;
            rig.Run(100);
            Assert.IsTrue(rig.Plant.IsContactorClosed, "a matched voltage is fine");
            Assert.AreEqual(GbtBmsState.Ready, rig.Bms.State);
        }

        [TestMethod]
        public void CroReadyStartsBclEvery50MsAndBcsEvery250MsAndBsmOnlyAfterTheFirstCcs()
        {
            BmsRig rig = new BmsRig();
            long croMs = rig.ToCharging();
            rig.Run(500);

            Assert.AreEqual(GbtBmsState.Charging, rig.Bms.State);
            Assert.AreEqual(0, rig.CountOf(GbtPf.Bsm, 0), "no BSM before CCS");
            long minGap;
            long maxGap;
            rig.Gaps(GbtPf.Bcl, croMs, rig.NowMs, out minGap, out maxGap);
            Assert.AreEqual(50L, minGap);
            Assert.AreEqual(50L, maxGap);
            rig.Gaps(GbtPf.Bcs, croMs, rig.NowMs, out minGap, out maxGap);
            Assert.AreEqual(250L, minGap);
            Assert.AreEqual(250L, maxGap);
            Assert.AreEqual(9, rig.Length[rig.First(GbtPf.Bcs, croMs)]);

            long ccsMs = rig.NowMs;
            rig.RunWithCcs(1000, -150);
            Assert.IsTrue(rig.First(GbtPf.Bsm, ccsMs) >= 0);
            rig.Gaps(GbtPf.Bsm, ccsMs, rig.NowMs, out minGap, out maxGap);
            Assert.AreEqual(250L, maxGap);
        }

        [TestMethod]
        public void TheDemandIsConstantCurrentAtTheChargeCurrentInTheStandardsSign()
        {
            BmsRig rig = new BmsRig();
            rig.ToCharging();
            rig.Run(100);

            int bcl = rig.Last(GbtPf.Bcl);
            Assert.AreEqual("c00fc40902", Hex.Of(rig.Payload[bcl], 0, 5), "403.2 V, -150 A, CC as the hand-made trace");
            Expect.Near(-150, rig.Bms.CurrentDemandA, 1e-9, "demand");
        }

        [TestMethod]
        public void BcsReportsTheCurrentInTheStandardsSign()
        {
            BmsRig rig = new BmsRig();
            rig.ToCharging();
            rig.Plant.BatteryCurrentA = 100;
            rig.Run(300);

            BcsMessage bcs = new BcsMessage();
            int last = rig.Last(GbtPf.Bcs);
            Assert.IsTrue(bcs.Read(rig.Payload[last], rig.Length[last]));
            Expect.Near(-100, bcs.MeasuredCurrentA, 0.05, "charging reads negative");
            Assert.AreEqual(60, bcs.SocPercent);
        }

        [TestMethod]
        public void AtTheTargetSocTheBmsStopsWithBstThenBsdAfterCstAndOpensOnlyAtZeroCurrent()
        {
            BmsRig rig = new BmsRig();
            rig.ToCharging();
            rig.Plant.BatteryCurrentA = 150;
            rig.RunWithCcs(300, -150);
            rig.Plant.SocPercent = 80;
            rig.RunWithCcs(50, -150);

            Assert.AreEqual(GbtBmsState.Stopping, rig.Bms.State);
            int bst = rig.First(GbtPf.Bst, 0);
            Assert.AreEqual("010000f0", Hex.Of(rig.Payload[bst], 0, 4), "SOC target as the hand-made trace");
            long bstMs = rig.TimeMs[bst];
            rig.Run(30);
            long minGap;
            long maxGap;
            rig.Gaps(GbtPf.Bst, bstMs, rig.NowMs, out minGap, out maxGap);
            Assert.AreEqual(10L, maxGap, "BST every 10 ms");
            Assert.IsTrue(rig.Plant.IsContactorClosed, "150 A still flows");

            rig.Charger(GbtPf.Cst, new byte[] { 0x40, 0x00, 0xF0, 0xF0 }, 4);
            long cstMs = rig.NowMs;
            rig.Run(300);
            Assert.AreEqual(GbtBmsState.Statistics, rig.Bms.State);
            int bsd = rig.First(GbtPf.Bsd, cstMs);
            Expect.Near(100, rig.TimeMs[bsd] - cstMs, 10, "BSD after CST");
            Assert.AreEqual(0, rig.CountOf(GbtPf.Bst, rig.TimeMs[bsd]));
            Assert.IsTrue(rig.Plant.IsContactorClosed);

            rig.Plant.BatteryCurrentA = 2;
            rig.Run(10);
            Assert.IsFalse(rig.Plant.IsContactorClosed, "open at about 0 A");
            Expect.AtMost(5, rig.Plant.CurrentAtOpenA, "current at open");

            rig.Charger(GbtPf.Csd, new byte[] { 1, 0, 2, 0, 1, 0, 0, 0 }, 8);
            rig.Run(10);
            Assert.AreEqual(GbtBmsState.Done, rig.Bms.State);
        }

        [TestMethod]
        public void ACstWhileChargingIsAnsweredWithBstChargerStoppedThenBsd()
        {
            BmsRig rig = new BmsRig();
            rig.ToCharging();
            rig.RunWithCcs(300, -150);
            rig.Charger(GbtPf.Cst, new byte[] { 0xFD, 0x00, 0xF0, 0xF0 }, 4);
            long cstMs = rig.NowMs;
            rig.Run(400);

            int bst = rig.First(GbtPf.Bst, cstMs);
            Assert.IsTrue(bst >= 0);
            Assert.AreEqual(BstMessage.ChargerStopped, rig.Bms.StopField);
            Assert.AreEqual((byte)0x40, rig.Payload[bst][0]);
            Assert.IsTrue(rig.First(GbtPf.Bsd, cstMs) > bst);
            Assert.AreEqual(0, rig.CountOf(GbtPf.Bcl, cstMs + 10));
        }

        [TestMethod]
        public void WithoutCcsForOneSecondTheBmsSendsBemCcsTimeoutEvery250Ms()
        {
            BmsRig rig = new BmsRig();
            rig.ToCharging();
            rig.RunWithCcs(500, -150);
            long lastCcsMs = rig.NowMs - 50;
            rig.Run(1500);

            int bem = rig.First(GbtPf.Bem, 0);
            Assert.IsTrue(bem >= 0);
            Assert.AreEqual("f0f0f1fc", Hex.Of(rig.Payload[bem], 0, 4), "R1's CCS timeout");
            Expect.Near(1000, rig.TimeMs[bem] - lastCcsMs, 10, "1 s after the last CCS");
            long minGap;
            long maxGap;
            rig.Gaps(GbtPf.Bem, 0, rig.NowMs, out minGap, out maxGap);
            Assert.AreEqual(250L, maxGap);
            Assert.AreEqual(0, rig.CountOf(GbtPf.Bcl, rig.TimeMs[bem] + 1));
            Assert.AreEqual(BemMessage.CcsTimeout, rig.Bms.TimeoutField);
        }

        [TestMethod]
        public void WithoutCmlFor5SecondsTheBmsSendsBemCmlTimeout()
        {
            BmsRig rig = new BmsRig();
            rig.PowerOnAndChm();
            rig.Charger(GbtPf.Crm, BmsRig.Crm(0x00), 8);
            rig.Run(100);
            rig.Charger(GbtPf.Crm, BmsRig.Crm(0xAA), 8);
            rig.Run(5200);

            int bem = rig.First(GbtPf.Bem, 0);
            Assert.IsTrue(bem >= 0);
            Assert.AreEqual("f0f1f0fc", Hex.Of(rig.Payload[bem], 0, 4));
        }

        [TestMethod]
        public void WithoutCrmRecognisedFor5SecondsTheBmsSendsBemCrmTimeout()
        {
            BmsRig rig = new BmsRig();
            rig.PowerOnAndChm();
            rig.Charger(GbtPf.Crm, BmsRig.Crm(0x00), 8);
            rig.Run(5200);

            int bem = rig.First(GbtPf.Bem, 0);
            Assert.AreEqual("f4f0f0fc", Hex.Of(rig.Payload[bem], 0, 4));
        }

        [TestMethod]
        public void StopBclStopsOnlyBclAsTheBclTimeoutTrace()
        {
            BmsRig rig = new BmsRig();
            rig.ToCharging();
            rig.RunWithCcs(300, -150);
            rig.Bms.StopBcl();
            long stopMs = rig.NowMs;
            rig.RunWithCcs(1000, -150);

            Assert.AreEqual(0, rig.CountOf(GbtPf.Bcl, stopMs + 1));
            Assert.IsTrue(rig.CountOf(GbtPf.Bcs, stopMs + 1) >= 3);
            Assert.IsTrue(rig.CountOf(GbtPf.Bsm, stopMs + 1) >= 3);
        }

        [TestMethod]
        public void AfterCemTheBmsFallsSilentAndARepeatedCrmRestartsRecognition()
        {
            BmsRig rig = new BmsRig();
            rig.ToCharging();
            rig.Plant.BatteryCurrentA = 150;
            rig.RunWithCcs(300, -150);
            rig.Bms.StopBcl();
            rig.RunWithCcs(1000, -150);
            rig.Charger(GbtPf.Cem, new byte[] { 0xFC, 0xF0, 0xC4, 0xFC }, 4);
            long cemMs = rig.NowMs;
            rig.Run(20);
            rig.Plant.BatteryCurrentA = 0;
            rig.Run(1980);

            Assert.AreEqual(GbtBmsState.ChargerError, rig.Bms.State);
            Assert.AreEqual(CemMessage.BclTimeout, rig.Bms.ChargerTimeoutField);
            Assert.AreEqual(0, rig.CountOf(GbtPf.Bcs, cemMs + 20));
            Assert.IsFalse(rig.Plant.IsContactorClosed);

            rig.Charger(GbtPf.Crm, BmsRig.Crm(0x00), 8);
            long crmMs = rig.NowMs;
            rig.Run(200);
            Assert.AreEqual(GbtBmsState.Recognition, rig.Bms.State);
            Assert.AreEqual(1, rig.Bms.Rehandshakes);
            Assert.AreEqual(1, rig.CountOf(GbtPf.Brm, crmMs), "one BRM per 250 ms, not the trace's four");

            // The re-handshake clears StopBcl: the second charge has BCL again.
            rig.Charger(GbtPf.Crm, BmsRig.Crm(0xAA), 8);
            rig.Run(50);
            rig.SendCml();
            rig.Run(1100);
            rig.Charger(GbtPf.Cro, new byte[] { 0xAA }, 1);
            long croMs = rig.NowMs;
            rig.Run(200);
            Assert.IsTrue(rig.CountOf(GbtPf.Bcl, croMs) >= 3);
        }

        [TestMethod]
        public void GoSilentStopsEveryFrame()
        {
            BmsRig rig = new BmsRig();
            rig.ToCharging();
            rig.RunWithCcs(300, -150);
            rig.Bms.GoSilent();
            int before = rig.Count;
            int transport = rig.TransportFrames;
            rig.RunWithCcs(600, -150);

            Assert.AreEqual(before, rig.Count);
            Assert.AreEqual(transport, rig.TransportFrames);
        }

        [TestMethod]
        public void StopAtEndsTheSessionAtTheGivenSoc()
        {
            BmsRig rig = new BmsRig();
            rig.ToCharging();
            rig.Plant.BatteryCurrentA = 150;
            rig.Bms.StopAt(65);
            rig.RunWithCcs(300, -150);
            Assert.AreEqual(GbtBmsState.Charging, rig.Bms.State);

            rig.Plant.SocPercent = 65;
            rig.RunWithCcs(50, -150);
            Assert.AreEqual(GbtBmsState.Stopping, rig.Bms.State);
            Assert.AreEqual(BstMessage.SocTargetReached, rig.Bms.StopField);
        }

        [TestMethod]
        public void CellVoltagesAndTemperaturesGoEvery10SecondsWhenEnabled()
        {
            GbtBmsSettings settings = new GbtBmsSettings();
            settings.SendCellData = true;
            BmsRig rig = new BmsRig(settings);
            long croMs = rig.ToCharging();
            rig.RunWithCcs(10600, -150);

            int bmv = rig.First(GbtPf.Bmv, croMs);
            Assert.IsTrue(bmv >= 0);
            Assert.AreEqual(192, rig.Length[bmv], "96 cells");
            int bmt = rig.First(GbtPf.Bmt, croMs);
            Assert.IsTrue(bmt > bmv);
            Assert.AreEqual(16, rig.Length[bmt]);
            Assert.AreEqual(0L, rig.Bms.TransfersFailed);
            long minGap;
            long maxGap;
            rig.Gaps(GbtPf.Bcs, croMs, rig.NowMs, out minGap, out maxGap);
            Expect.AtMost(600, maxGap, "BCS keeps going around BMV/BMT");
        }

        [TestMethod]
        public void EveryMessageIsLoggedFromTheChargersSide()
        {
            BmsRig rig = new BmsRig();
            rig.PowerOnAndChm();
            rig.Run(10);

            bool sawChm = false;
            bool sawBhm = false;
            for (int i = 0; i < rig.Log.Count; i++)
            {
                V2G.Protocol.Trace.TraceEntry entry = rig.Log.Get(i);
                sawChm |= entry.Message == "CHM" && entry.Direction == V2G.Protocol.Trace.MessageDirection.Sent;
                sawBhm |= entry.Message == "BHM" && entry.Direction == V2G.Protocol.Trace.MessageDirection.Received && entry.Details.Length > 0;
            }

            Assert.IsTrue(sawChm);
            Assert.IsTrue(sawBhm);
        }

        [TestMethod]
        public void PollAllocatesNothingWhileCharging()
        {
#if !NANOFRAMEWORK_1_0
            GbtBmsSettings settings = new GbtBmsSettings();
            settings.SendCellData = true;
            BmsRig rig = new BmsRig(settings);
            rig.ToCharging();
            rig.RunWithCcs(11000, -150);
            rig.AnswerTransport = false;

            // The rig records and allocates; drive the simulator alone, the rig's port answering nothing.
            CanFramesDrain drain = new CanFramesDrain(rig.Port);
            long before = System.GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 2000; i++)
            {
                rig.NowMs += BmsRig.PollMs;
                rig.Bms.Poll(rig.NowMs);
                drain.Run();
            }

            long bytes = System.GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.AreEqual(0L, bytes);
#endif
        }
    }
}
