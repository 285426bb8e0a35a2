#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Hal.Buses;
using V2G.Protocol.GbT;
using V2G.Protocol.GbT.Charger;
using V2G.Protocol.GbT.Transport;

namespace V2G.UnitTests.GbT.Charger
{
    /// <summary>Bad input is counted, logged on the CAN layer and dropped, never thrown on; garbage does not stop the timeouts.</summary>
    [TestClass]
    public class GbtChargerRobustnessTests
    {
        private static uint _seed;

        private static uint Next()
        {
            // xorshift32: a fixed sequence on every platform.
            uint x = _seed;
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            _seed = x;
            return x;
        }

        private static CanFrame RandomFrame(bool anyAddress)
        {
            CanFrame frame = default(CanFrame);
            uint r = Next();
            int[] pfs = { GbtPf.Bhm, GbtPf.Brm, GbtPf.Bcp, GbtPf.Bro, GbtPf.Bcl, GbtPf.Bcs, GbtPf.Bsm, GbtPf.Bmv, GbtPf.Bst, GbtPf.Bsd, GbtPf.Bem, GbtPf.TpCm, GbtPf.TpDt, GbtPf.Chm, 0xEF, 0x30, 0xF0 };
            int pf = (r & 1) == 0 ? pfs[(int)((r >> 1) % (uint)pfs.Length)] : (int)((r >> 8) & 0xFF);
            int source = anyAddress && (r & 0x10000) != 0 ? (int)((r >> 17) & 0xFF) : GbtAddress.Bms;
            int destination = anyAddress && (r & 0x2000000) != 0 ? (int)((r >> 24) & 0xFF) : GbtAddress.Charger;
            frame.Id = GbtCanId.Make((int)(Next() & 7), pf, destination, source) | ((Next() & 0x1F) == 0 ? 0x03000000u : 0u);
            frame.IsExtended = (Next() & 0x3F) != 0;
            frame.Length = (int)(Next() % 9);
            frame.Data = ((ulong)Next() << 32) | Next();
            return frame;
        }

        [TestMethod]
        public void ASeededFuzzOfRandomFramesNeverThrowsAndEachPollIsBounded()
        {
            _seed = 0x12345678;
            GbtRig rig = GbtRig.Create();
            Assert.IsTrue(rig.ToCharging());
            long before = rig.Session.FramesReceived;
            int injected = 0;
            for (int step = 0; step < 2000; step++)
            {
                int n = (int)(Next() % 40);
                for (int i = 0; i < n; i++)
                {
                    CanFrame frame = RandomFrame(true);
                    rig.Bus.Charger.Deliver(ref frame);
                    injected++;
                }

                rig.Step();
                Assert.IsTrue(rig.Bus.Charger.Pending <= 512, "queue bounded");
            }

            // Each Poll takes at most MaxFramesPerPoll frames; whatever stage the garbage led to, the
            // session is still a session: drain and look.
            rig.Advance(2000);
            Assert.IsTrue(rig.Session.FramesReceived - before >= injected - rig.Bus.Charger.Overflows, "every frame taken");
            Assert.IsTrue(rig.Session.FramesDropped > 0, "garbage dropped");
        }

        [TestMethod]
        public void GarbageDoesNotStopTheBrmTimeout()
        {
            _seed = 0xCAFEF00D;
            GbtRig rig = GbtRig.Create();
            rig.Bms.SendBrm = false;
            rig.PlugIn();
            Assert.IsTrue(rig.RunUntil(GbtChargerStage.Recognition, 5000));
            long startMs = rig.NowMs;
            while (rig.Stage == GbtChargerStage.Recognition && rig.NowMs - startMs < 7000)
            {
                for (int i = 0; i < 5; i++)
                {
                    CanFrame frame = RandomFrame(true);
                    int pf = GbtCanId.PfOf(frame.Id);
                    // BST and BEM stop the session whatever their bytes, and any 8 bytes are a BRM's
                    // mandatory part (the codec takes a short BRM): those are valid input, not garbage.
                    if (pf == GbtPf.Bst || pf == GbtPf.Bem || pf == GbtPf.Brm)
                    {
                        continue;
                    }

                    rig.Bus.Charger.Deliver(ref frame);
                }

                rig.Step();
            }

            Assert.AreEqual(GbtChargerStage.TimedOut, rig.Stage, GbtChargerStageNames.Of(rig.Stage) + " " + rig.Session.LastFailure + " after " + (rig.NowMs - startMs) + " ms");
            Assert.AreEqual("brm_timeout", rig.Session.LastFailure);
            long waited = rig.NowMs - startMs;
            Assert.IsTrue(waited >= 5000 && waited <= 5020, "BRM timeout after " + waited + " ms");
        }

        [TestMethod]
        public void AFrameFromAnotherAddressIsDroppedAndLogged()
        {
            GbtRig rig = GbtRig.Create();
            Assert.IsTrue(rig.ToCharging());
            CanFrame frame = Bcl(0x57, GbtAddress.Charger, 5);
            rig.Bus.Charger.Deliver(ref frame);
            rig.Step();
            Assert.AreEqual(1, rig.Session.DroppedFor(1));
            Assert.AreEqual("foreign_address", rig.Session.LastDropReason);
            Assert.IsTrue(rig.LoggedFailure("foreign_address"));
        }

        [TestMethod]
        public void AStandardIdFrameIsDropped()
        {
            GbtRig rig = GbtRig.Create();
            Assert.IsTrue(rig.ToCharging());
            CanFrame frame = default(CanFrame);
            frame.Id = 0x123;
            frame.Length = 8;
            rig.Bus.Charger.Deliver(ref frame);
            rig.Step();
            Assert.AreEqual(1, rig.Session.DroppedFor(0));
            Assert.IsTrue(rig.LoggedFailure("not_extended_id"));
        }

        [TestMethod]
        public void AnUnknownPgnIsDropped()
        {
            GbtRig rig = GbtRig.Create();
            Assert.IsTrue(rig.ToCharging());
            CanFrame frame = default(CanFrame);
            frame.Id = GbtCanId.Make(6, 0x30, GbtAddress.Charger, GbtAddress.Bms);
            frame.IsExtended = true;
            frame.Length = 8;
            rig.Bus.Charger.Deliver(ref frame);
            rig.Step();
            Assert.AreEqual(1, rig.Session.DroppedFor(3));
            Assert.IsTrue(rig.LoggedFailure("unknown_pgn"));
            Assert.AreEqual(GbtChargerStage.Charging, rig.Stage);
        }

        [TestMethod]
        public void ShortBclFramesAreDroppedAndDoNotHoldOffTheBclTimeout()
        {
            GbtRig rig = GbtRig.Create();
            Assert.IsTrue(rig.ToCharging());
            rig.Bms.SendBcl = false;
            long startMs = rig.NowMs;
            while (rig.Stage == GbtChargerStage.Charging && rig.NowMs - startMs < 3000)
            {
                CanFrame frame = Bcl(GbtAddress.Bms, GbtAddress.Charger, 3);
                rig.Bus.Charger.Deliver(ref frame);
                rig.Step();
            }

            Assert.AreEqual(GbtChargerStage.TimedOut, rig.Stage);
            Assert.IsTrue(rig.NowMs - startMs <= 1100, "BCL timeout in time");
            Assert.IsTrue(rig.Session.DroppedFor(4) > 100);
            Assert.IsTrue(rig.LoggedFailure("bad_length"));
        }

        [TestMethod]
        public void ABrokenTransportSessionIsLoggedAndTheNextOneWorks()
        {
            GbtRig rig = GbtRig.Create();
            rig.Bms.SendBrm = false;
            rig.PlugIn();
            Assert.IsTrue(rig.RunUntil(GbtChargerStage.Recognition, 5000));
            CanFrame rts = J1939Tp.ConnectionFrame(GbtAddress.Bms, GbtAddress.Charger, J1939Tp.ControlRts, 49, 0, 7, 0xFF, J1939Tp.PgnOf(GbtPf.Brm));
            rig.Bus.Charger.Deliver(ref rts);
            rig.Advance(1500);
            Assert.IsTrue(rig.LoggedFailure("tp_session_broken"), "T2 expired");
            Assert.AreEqual(GbtChargerStage.Recognition, rig.Stage);
            rig.Bms.SendBrm = true;
            rig.Advance(1000);
            Assert.IsTrue(rig.RunUntil(GbtChargerStage.Parameters, 3000), "a later BRM is taken");
        }

        [TestMethod]
        public void AFullTransmitQueueIsCountedNotThrown()
        {
            GbtRig rig = GbtRig.Create();
            Assert.IsTrue(rig.ToCharging());
            rig.Bus.Charger.AcceptSends = false;
            rig.Advance(500);
            Assert.IsTrue(rig.Session.TransmitFailures >= 10);
        }

        private static CanFrame Bcl(int source, int destination, int length)
        {
            BclMessage bcl = new BclMessage();
            bcl.VoltageDemandV = 400;
            bcl.CurrentDemandA = -100;
            byte[] payload = new byte[8];
            bcl.Write(payload);
            CanFrame frame = default(CanFrame);
            frame.Id = GbtCanId.Make(GbtPf.Bcl, destination, source);
            frame.IsExtended = true;
            frame.Length = length;
            for (int i = 0; i < length; i++)
            {
                frame.SetByte(i, payload[i]);
            }

            return frame;
        }
    }
}
