#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Hal.Buses;
using V2G.Protocol.GbT;
using V2G.Protocol.GbT.Transport;

namespace V2G.UnitTests.GbT.Transport
{
    /// <summary>Both ends against the hand-made trace's BRM/BCP/BCS sessions, byte for byte [digest §5].</summary>
    [TestClass]
    public class J1939TransportTraceTests
    {
        private const uint BmsCm = 0x1CEC56F4;
        private const uint BmsDt = 0x1CEB56F4;
        private const uint ChargerCm = 0x1CECF456;
        private const uint ChargerDt = 0x1CEBF456;

        private static readonly string[] BrmPackets =
        {
            "0101010006DC05E0", "020D44454D4F0100", "0300002705142A00", "040001FF4C44454D",
            "054F303030303030", "06303030303031FF", "07FFFFFFFFFFFFFF",
        };

        private const string Brm49 = "01010006DC05E00D44454D4F010000002705142A000001FF4C44454D4F303030303030303030303031FFFFFFFFFFFFFFFF";

        [TestMethod]
        public void TheReceiverAnswersTheBrmSessionLikeTheTrace()
        {
            J1939TransportReceiver rx = new J1939TransportReceiver(GbtAddress.Charger);
            CanFrame frame = TpRig.Frame(BmsCm, "10310007FF000200");
            Assert.IsTrue(rx.Handle(ref frame, 3002));
            CanFrame answer;
            Assert.IsTrue(rx.TryTakeFrame(out answer));
            Assert.AreEqual(ChargerCm, answer.Id);
            Assert.AreEqual(8, answer.Length);
            Assert.AreEqual("110701ffff000200", TpRig.Hex(answer));
            Assert.IsFalse(rx.TryTakeFrame(out answer));

            for (int i = 0; i < BrmPackets.Length; i++)
            {
                frame = TpRig.Frame(BmsDt, BrmPackets[i]);
                Assert.IsTrue(rx.Handle(ref frame, 3007 + 10 * i));
            }

            Assert.IsTrue(rx.TryTakeFrame(out answer));
            Assert.AreEqual(ChargerCm, answer.Id);
            Assert.AreEqual("13310007ff000200", TpRig.Hex(answer));
            int pf;
            int length;
            Assert.IsTrue(rx.TryTakeMessage(out pf, out length));
            Assert.AreEqual(GbtPf.Brm, pf);
            Assert.AreEqual(49, length);
            Assert.AreEqual(Brm49.ToLower(), V2G.UnitTests.Slac.Hex.Of(rx.MessagePayload, 0, 49));
            Assert.AreEqual(GbtAddress.Bms, rx.MessageSource);
            Assert.IsFalse(rx.IsBusy);
            Assert.AreEqual(1, rx.CompletedCount);
        }

        [TestMethod]
        public void TheReceiverAnswersTheBcpAndBcsSessionsLikeTheTrace()
        {
            J1939TransportReceiver rx = new J1939TransportReceiver(GbtAddress.Charger);
            CanFrame answer;
            CanFrame frame = TpRig.Frame(BmsCm, "100D0002FF000600");
            rx.Handle(ref frame, 0);
            rx.TryTakeFrame(out answer);
            Assert.AreEqual("110201ffff000600", TpRig.Hex(answer));
            frame = TpRig.Frame(BmsDt, "01A401D0071502C0");
            rx.Handle(ref frame, 5);
            frame = TpRig.Frame(BmsDt, "020F691C03250FFF");
            rx.Handle(ref frame, 15);
            rx.TryTakeFrame(out answer);
            Assert.AreEqual("130d0002ff000600", TpRig.Hex(answer));

            frame = TpRig.Frame(BmsCm, "10090002FF001100");
            rx.Handle(ref frame, 100);
            rx.TryTakeFrame(out answer);
            Assert.AreEqual("110201ffff001100", TpRig.Hex(answer));
            frame = TpRig.Frame(BmsDt, "012513A00F731161");
            rx.Handle(ref frame, 105);
            frame = TpRig.Frame(BmsDt, "020000FFFFFFFFFF");
            rx.Handle(ref frame, 115);
            rx.TryTakeFrame(out answer);
            Assert.AreEqual("13090002ff001100", TpRig.Hex(answer));
            int pf;
            int length;
            Assert.IsTrue(rx.TryTakeMessage(out pf, out length));
            Assert.AreEqual(GbtPf.Bcs, pf);
            Assert.AreEqual("2513a00f7311610000", V2G.UnitTests.Slac.Hex.Of(rx.MessagePayload, 0, length));
            Assert.AreEqual(1, rx.OverwrittenCount, "the BCP was never taken");
        }

        [TestMethod]
        public void TheSenderSendsTheBrmSessionLikeTheTrace()
        {
            J1939TransportSender tx = new J1939TransportSender(GbtAddress.Bms);
            Assert.IsTrue(tx.Start(GbtPf.Brm, GbtAddress.Charger, V2G.UnitTests.Slac.Hex.Parse(Brm49), 49, 3002));
            CanFrame frame;
            Assert.IsTrue(tx.TryTakeFrame(out frame));
            Assert.AreEqual(BmsCm, frame.Id);
            Assert.AreEqual("10310007ff000200", TpRig.Hex(frame));

            CanFrame cts = TpRig.Frame(ChargerCm, "110701FFFF000200");
            Assert.IsTrue(tx.Handle(ref cts, 3006));
            int sent = 0;
            for (long t = 3006; t < 3100; t++)
            {
                tx.Poll(t);
                while (tx.TryTakeFrame(out frame))
                {
                    Assert.AreEqual(BmsDt, frame.Id);
                    Assert.AreEqual(BrmPackets[sent].ToLower(), TpRig.Hex(frame), "packet " + (sent + 1));
                    Assert.AreEqual(3006 + 10 * sent, t, "10 ms spacing");
                    sent++;
                }
            }

            Assert.AreEqual(7, sent);
            Assert.AreEqual(J1939TransportSender.StateWaitingForAck, tx.State);
            CanFrame ack = TpRig.Frame(ChargerCm, "13310007FF000200");
            Assert.IsTrue(tx.Handle(ref ack, 3068));
            Assert.IsFalse(tx.IsBusy);
            Assert.AreEqual(J1939TransportResult.Completed, tx.LastResult);
        }

        [TestMethod]
        public void TheSenderIgnoresFramesForOtherPgnsOrNodes()
        {
            J1939TransportSender tx = new J1939TransportSender(GbtAddress.Bms);
            tx.Start(GbtPf.Bcs, GbtAddress.Charger, TpRig.Pattern(9), 9, 0);
            CanFrame wrongPgn = TpRig.Frame(ChargerCm, "110201FFFF000600");
            Assert.IsFalse(tx.Handle(ref wrongPgn, 1));
            CanFrame wrongNode = TpRig.Frame(0x1CECF457, "110201FFFF001100");
            Assert.IsFalse(tx.Handle(ref wrongNode, 1));
            Assert.AreEqual(J1939TransportSender.StateWaitingForCts, tx.State);
            CanFrame dt = TpRig.Frame(ChargerDt, "0100000000000000");
            Assert.IsFalse(tx.Handle(ref dt, 1));
        }
    }
}
