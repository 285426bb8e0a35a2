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
    /// <summary>Sender against receiver, the J1939-21 timers and every abort path [digest §5, S17, S18].</summary>
    [TestClass]
    public class J1939TransportBehaviourTests
    {
        private const uint BmsCm = 0x1CEC56F4;
        private const uint BmsDt = 0x1CEB56F4;
        private const uint ChargerCm = 0x1CECF456;

        private static CanFrame Take(J1939TransportReceiver rx)
        {
            CanFrame frame;
            Assert.IsTrue(rx.TryTakeFrame(out frame), "a frame from the receiver");
            return frame;
        }

        private static CanFrame Take(J1939TransportSender tx)
        {
            CanFrame frame;
            Assert.IsTrue(tx.TryTakeFrame(out frame), "a frame from the sender");
            return frame;
        }

        private static J1939TransportReceiver OpenBcsSession(long nowMs)
        {
            J1939TransportReceiver rx = new J1939TransportReceiver(GbtAddress.Charger);
            CanFrame rts = TpRig.Frame(BmsCm, "10090002FF001100");
            rx.Handle(ref rts, nowMs);
            Take(rx);
            return rx;
        }

        [TestMethod]
        public void SenderAndReceiverCarryEverySizeFrom9To1785Bytes()
        {
            int[] sizes = { 9, 13, 14, 15, 49, 192, 512, 1785 };
            for (int s = 0; s < sizes.Length; s++)
            {
                J1939TransportSender tx = new J1939TransportSender(GbtAddress.Bms);
                J1939TransportReceiver rx = new J1939TransportReceiver(GbtAddress.Charger);
                byte[] payload = TpRig.Pattern(sizes[s]);
                Assert.IsTrue(tx.Start(GbtPf.Bmv, GbtAddress.Charger, payload, sizes[s], 0));
                TpRig.Run(tx, rx, 0, 10 * 260 + 100);
                Assert.AreEqual(J1939TransportResult.Completed, tx.LastResult, "size " + sizes[s]);
                int pf;
                int length;
                Assert.IsTrue(rx.TryTakeMessage(out pf, out length));
                Assert.AreEqual(GbtPf.Bmv, pf);
                Assert.AreEqual(sizes[s], length);
                Assert.AreEqual(V2G.UnitTests.Slac.Hex.Of(payload), V2G.UnitTests.Slac.Hex.Of(rx.MessagePayload, 0, length));
            }
        }

        [TestMethod]
        public void APacketLimitPerCtsIsHonouredByBothEnds()
        {
            J1939TransportSender tx = new J1939TransportSender(GbtAddress.Bms);
            J1939TransportReceiver rx = new J1939TransportReceiver(GbtAddress.Charger);
            tx.MaxPacketsPerCts = 3;
            rx.MaxPacketsPerCts = 2;
            byte[] payload = TpRig.Pattern(49);
            tx.Start(GbtPf.Brm, GbtAddress.Charger, payload, 49, 0);
            TpRig.Run(tx, rx, 0, 500);
            Assert.AreEqual(J1939TransportResult.Completed, tx.LastResult);
            Assert.AreEqual(5, TpRig.ReceiverFrames, "CTS for 2+2+2+1 packets, then EndOfMsgAck");
            Assert.AreEqual(8, TpRig.SenderFrames, "RTS + 7 TP.DT");
        }

        [TestMethod]
        public void TheDtSpacingIsASetting()
        {
            J1939TransportSender tx = new J1939TransportSender(GbtAddress.Bms);
            J1939TransportReceiver rx = new J1939TransportReceiver(GbtAddress.Charger);
            tx.DtSpacingMs = 25;
            tx.Start(GbtPf.Bcp, GbtAddress.Charger, TpRig.Pattern(13), 13, 0);
            TpRig.Run(tx, rx, 0, 200);
            Assert.AreEqual(25L, TpRig.LastDtGapMs);
            Assert.AreEqual(J1939TransportResult.Completed, tx.LastResult);
        }

        [TestMethod]
        public void TheReceiverAbortsWhenNoDtFollowsItsCtsWithinT2()
        {
            J1939TransportReceiver rx = OpenBcsSession(1000);
            rx.Poll(1000 + J1939Tp.T2Ms - 1);
            Assert.IsTrue(rx.IsBusy);
            CanFrame frame;
            Assert.IsFalse(rx.TryTakeFrame(out frame));
            rx.Poll(1000 + J1939Tp.T2Ms);
            Assert.IsFalse(rx.IsBusy);
            Assert.AreEqual("ff03ffffff001100", TpRig.Hex(Take(rx)));
            Assert.AreEqual(1, rx.TimeoutCount);
        }

        [TestMethod]
        public void TheReceiverAbortsWhenTheNextDtIsLaterThanT1()
        {
            J1939TransportReceiver rx = OpenBcsSession(0);
            CanFrame dt = TpRig.Frame(BmsDt, "012513A00F731161");
            rx.Handle(ref dt, 100);
            rx.Poll(100 + J1939Tp.T1Ms - 1);
            Assert.IsTrue(rx.IsBusy);
            rx.Poll(100 + J1939Tp.T1Ms);
            Assert.IsFalse(rx.IsBusy);
            Assert.AreEqual(J1939AbortReason.Timeout, (int)Take(rx).GetByte(1));
        }

        [TestMethod]
        public void TheSenderAbortsWhenNoCtsComesWithinT3()
        {
            J1939TransportSender tx = new J1939TransportSender(GbtAddress.Bms);
            tx.Start(GbtPf.Bcs, GbtAddress.Charger, TpRig.Pattern(9), 9, 0);
            Take(tx);
            tx.Poll(J1939Tp.T3Ms - 1);
            Assert.IsTrue(tx.IsBusy);
            tx.Poll(J1939Tp.T3Ms);
            Assert.IsFalse(tx.IsBusy);
            Assert.AreEqual(J1939TransportResult.TimedOut, tx.LastResult);
            CanFrame abort = Take(tx);
            Assert.AreEqual(BmsCm, abort.Id);
            Assert.AreEqual("ff03ffffff001100", TpRig.Hex(abort));
        }

        [TestMethod]
        public void TheSenderAbortsWhenNoEndOfMsgAckComesWithinT3()
        {
            J1939TransportSender tx = new J1939TransportSender(GbtAddress.Bms);
            tx.Start(GbtPf.Bcs, GbtAddress.Charger, TpRig.Pattern(9), 9, 0);
            Take(tx);
            CanFrame cts = TpRig.Frame(ChargerCm, "110201FFFF001100");
            tx.Handle(ref cts, 5);
            tx.Poll(5);
            tx.Poll(15);
            Take(tx);
            Take(tx);
            Assert.AreEqual(J1939TransportSender.StateWaitingForAck, tx.State);
            tx.Poll(15 + J1939Tp.T3Ms - 1);
            Assert.IsTrue(tx.IsBusy);
            tx.Poll(15 + J1939Tp.T3Ms);
            Assert.AreEqual(J1939TransportResult.TimedOut, tx.LastResult);
            Assert.AreEqual(J1939AbortReason.Timeout, (int)Take(tx).GetByte(1));
        }

        [TestMethod]
        public void AHoldingCtsStartsT4AndANewCtsResumes()
        {
            J1939TransportSender tx = new J1939TransportSender(GbtAddress.Bms);
            tx.Start(GbtPf.Bcs, GbtAddress.Charger, TpRig.Pattern(9), 9, 0);
            Take(tx);
            CanFrame hold = TpRig.Frame(ChargerCm, "110001FFFF001100");
            tx.Handle(ref hold, 10);
            Assert.AreEqual(J1939TransportSender.StateHolding, tx.State);
            tx.Poll(10 + J1939Tp.T4Ms - 1);
            Assert.IsTrue(tx.IsBusy);
            CanFrame go = TpRig.Frame(ChargerCm, "110201FFFF001100");
            tx.Handle(ref go, 10 + J1939Tp.T4Ms - 1);
            Assert.AreEqual(J1939TransportSender.StateSending, tx.State);

            J1939TransportSender held = new J1939TransportSender(GbtAddress.Bms);
            held.Start(GbtPf.Bcs, GbtAddress.Charger, TpRig.Pattern(9), 9, 0);
            Take(held);
            held.Handle(ref hold, 10);
            held.Poll(10 + J1939Tp.T4Ms);
            Assert.AreEqual(J1939TransportResult.TimedOut, held.LastResult);
        }

        [TestMethod]
        public void ACtsWhileDtsAreGoingOutAbortsWithReason4()
        {
            J1939TransportSender tx = new J1939TransportSender(GbtAddress.Bms);
            tx.Start(GbtPf.Brm, GbtAddress.Charger, TpRig.Pattern(49), 49, 0);
            Take(tx);
            CanFrame cts = TpRig.Frame(ChargerCm, "110701FFFF000200");
            tx.Handle(ref cts, 5);
            tx.Poll(5);
            Take(tx);
            tx.Handle(ref cts, 6);
            Assert.AreEqual(J1939TransportResult.AbortedByUs, tx.LastResult);
            Assert.AreEqual(J1939AbortReason.CtsWhileTransferring, tx.LastAbortReason);
        }

        [TestMethod]
        public void AnOutOfOrderDtAbortsWithBadSequence()
        {
            J1939TransportReceiver rx = OpenBcsSession(0);
            CanFrame dt2 = TpRig.Frame(BmsDt, "020000FFFFFFFFFF");
            rx.Handle(ref dt2, 10);
            Assert.IsFalse(rx.IsBusy);
            CanFrame abort = Take(rx);
            Assert.AreEqual(ChargerCm, abort.Id);
            Assert.AreEqual("ff07ffffff001100", TpRig.Hex(abort));
            Assert.AreEqual(1, rx.SequenceErrorCount);
        }

        [TestMethod]
        public void ADuplicateDtIsIgnoredAndTheMessageCompletes()
        {
            J1939TransportReceiver rx = OpenBcsSession(0);
            CanFrame dt1 = TpRig.Frame(BmsDt, "012513A00F731161");
            CanFrame dt2 = TpRig.Frame(BmsDt, "020000FFFFFFFFFF");
            rx.Handle(ref dt1, 10);
            rx.Handle(ref dt1, 11);
            Assert.IsTrue(rx.IsBusy);
            Assert.AreEqual(1, rx.DuplicatePacketCount);
            rx.Handle(ref dt2, 20);
            Assert.AreEqual("13090002ff001100", TpRig.Hex(Take(rx)));
            Assert.IsTrue(rx.HasMessage);
        }

        [TestMethod]
        public void ASecondRtsForAnotherPgnIsRefusedAndTheFirstSessionGoesOn()
        {
            J1939TransportReceiver rx = OpenBcsSession(0);
            CanFrame bmv = TpRig.Frame(BmsCm, "10C0001CFF001500");
            rx.Handle(ref bmv, 5);
            Assert.AreEqual("ff01ffffff001500", TpRig.Hex(Take(rx)), "already in session, for the newcomer's PGN");
            CanFrame dt1 = TpRig.Frame(BmsDt, "012513A00F731161");
            CanFrame dt2 = TpRig.Frame(BmsDt, "020000FFFFFFFFFF");
            rx.Handle(ref dt1, 10);
            rx.Handle(ref dt2, 20);
            Assert.AreEqual("13090002ff001100", TpRig.Hex(Take(rx)));
            Assert.AreEqual(GbtPf.Bcs, rx.MessagePf);
        }

        [TestMethod]
        public void ARepeatedRtsForTheSamePgnRestartsOrIsRefusedPerSetting()
        {
            J1939TransportReceiver rx = OpenBcsSession(0);
            CanFrame dt1 = TpRig.Frame(BmsDt, "012513A00F731161");
            rx.Handle(ref dt1, 10);
            CanFrame rts = TpRig.Frame(BmsCm, "10090002FF001100");
            rx.Handle(ref rts, 20);
            Assert.AreEqual("110201ffff001100", TpRig.Hex(Take(rx)), "a fresh CTS from packet 1");
            Assert.AreEqual(1, rx.RestartCount);

            rx.RestartOnRepeatedRts = false;
            rx.Handle(ref rts, 30);
            Assert.AreEqual("ff01ffffff001100", TpRig.Hex(Take(rx)));
        }

        [TestMethod]
        public void AnOversizeRtsIsAborted()
        {
            J1939TransportReceiver small = new J1939TransportReceiver(GbtAddress.Charger, 100);
            CanFrame rts = TpRig.Frame(BmsCm, "10C0001CFF001500");
            small.Handle(ref rts, 0);
            Assert.AreEqual("ff02ffffff001500", TpRig.Hex(Take(small)), "192 B > our 100 B: resources");
            Assert.IsFalse(small.IsBusy);

            J1939TransportReceiver rx = new J1939TransportReceiver(GbtAddress.Charger);
            CanFrame huge = TpRig.Frame(BmsCm, "10FA0724FF001500");
            rx.Handle(ref huge, 0);
            Assert.AreEqual(J1939AbortReason.MessageTooLarge, (int)Take(rx).GetByte(1));

            CanFrame inconsistent = TpRig.Frame(BmsCm, "10090005FF001100");
            rx.Handle(ref inconsistent, 0);
            Assert.AreEqual(J1939AbortReason.Other, (int)Take(rx).GetByte(1));
        }

        [TestMethod]
        public void AnAbortFromThePeerEndsEitherSide()
        {
            J1939TransportSender tx = new J1939TransportSender(GbtAddress.Bms);
            tx.Start(GbtPf.Bcs, GbtAddress.Charger, TpRig.Pattern(9), 9, 0);
            CanFrame abort = TpRig.Frame(ChargerCm, "FF02FFFFFF001100");
            Assert.IsTrue(tx.Handle(ref abort, 5));
            Assert.AreEqual(J1939TransportResult.AbortedByPeer, tx.LastResult);
            Assert.AreEqual(2, tx.LastAbortReason);

            J1939TransportReceiver rx = OpenBcsSession(0);
            CanFrame fromBms = TpRig.Frame(BmsCm, "FF03FFFFFF001100");
            Assert.IsTrue(rx.Handle(ref fromBms, 5));
            Assert.IsFalse(rx.IsBusy);
            Assert.AreEqual(1, rx.AbortsReceived);
            CanFrame none;
            Assert.IsFalse(rx.TryTakeFrame(out none), "no answer to an abort");
        }

        [TestMethod]
        public void ABamTransferIsCollectedWithoutAnswers()
        {
            J1939TransportSender tx = new J1939TransportSender(GbtAddress.Bms);
            J1939TransportReceiver rx = new J1939TransportReceiver(GbtAddress.Charger);
            byte[] payload = TpRig.Pattern(20);
            tx.Start(GbtPf.Bsp, GbtAddress.Global, payload, 20, 0);
            TpRig.Run(tx, rx, 0, 400);
            Assert.AreEqual(0, TpRig.ReceiverFrames);
            Assert.AreEqual(4, TpRig.SenderFrames, "BAM + 3 TP.DT");
            Assert.AreEqual(50L, TpRig.LastDtGapMs);
            Assert.AreEqual(J1939TransportResult.Completed, tx.LastResult);
            Assert.AreEqual(1, rx.BroadcastCompletedCount);
            Assert.IsTrue(rx.MessageWasBroadcast);
            Assert.AreEqual(V2G.UnitTests.Slac.Hex.Of(payload), V2G.UnitTests.Slac.Hex.Of(rx.MessagePayload, 0, rx.MessageLength));
        }

        [TestMethod]
        public void ABamTransferThatStallsIsDroppedAfterT1()
        {
            J1939TransportReceiver rx = new J1939TransportReceiver(GbtAddress.Charger);
            CanFrame bam = TpRig.Frame(0x1CECFFF4, "20140003FF001700");
            rx.Handle(ref bam, 0);
            Assert.IsTrue(rx.IsReceivingBroadcast);
            rx.Poll(J1939Tp.T1Ms);
            Assert.IsFalse(rx.IsReceivingBroadcast);
            CanFrame none;
            Assert.IsFalse(rx.TryTakeFrame(out none));
        }

        [TestMethod]
        public void StartRefusesWhileBusyAndOutOfRangeLengths()
        {
            J1939TransportSender tx = new J1939TransportSender(GbtAddress.Bms, 100);
            Assert.IsFalse(tx.Start(GbtPf.Bcs, GbtAddress.Charger, TpRig.Pattern(8), 8, 0), "8 bytes fit one frame");
            Assert.IsFalse(tx.Start(GbtPf.Bmv, GbtAddress.Charger, TpRig.Pattern(192), 192, 0), "beyond our buffer");
            Assert.IsTrue(tx.Start(GbtPf.Bcs, GbtAddress.Charger, TpRig.Pattern(9), 9, 0));
            Assert.IsFalse(tx.Start(GbtPf.Bcs, GbtAddress.Charger, TpRig.Pattern(9), 9, 0), "one session per direction");
        }
    }
}
