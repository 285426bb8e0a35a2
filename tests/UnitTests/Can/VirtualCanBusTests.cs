#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Hal.Buses;
using V2G.Sim.Plant.Can;
using V2G.UnitTests.Fakes;

namespace V2G.UnitTests.Can
{
    [TestClass]
    public class VirtualCanBusTests
    {
        /// <summary>Keeps what the bus reported, for the recorder tests.</summary>
        private sealed class RecordingSink : ICanFrameSink
        {
            public int Count;
            public long LastTimeMs = -1;
            public int LastFromNode = -1;
            public CanFrame Last;

            public void OnFrame(long timeMs, int fromNode, ref CanFrame frame)
            {
                Count++;
                LastTimeMs = timeMs;
                LastFromNode = fromNode;
                Last = frame;
            }
        }

        private static VirtualCanBus NewBus(FakeClock clock, int queueFrames, int delayMs)
        {
            VirtualCanBusSettings settings = new VirtualCanBusSettings();
            settings.ReceiveQueueFrames = queueFrames;
            settings.DeliveryDelayMs = delayMs;
            return new VirtualCanBus(clock, settings);
        }

        [TestMethod]
        public void AFrameReachesEveryOtherNodeButNotItsSender()
        {
            VirtualCanBus bus = NewBus(new FakeClock(), 8, 0);
            VirtualCanNode charger = bus.AddNode("charger");
            VirtualCanNode bms = bus.AddNode("bms");
            VirtualCanNode logger = bus.AddNode("logger");
            CanFrame chm = CanFrames.Extended(0x1826F456, "010100");

            Assert.IsTrue(charger.TrySend(ref chm));

            CanFrame frame;
            Assert.IsTrue(bms.TryReceive(out frame));
            CanFrames.AssertSame(ref chm, ref frame, "at the BMS");
            Assert.IsTrue(logger.TryReceive(out frame));
            CanFrames.AssertSame(ref chm, ref frame, "at the logger");
            Assert.IsFalse(charger.TryReceive(out frame), "no echo to the sender");
            Assert.AreEqual(1L, charger.FramesSent);
            Assert.AreEqual(1L, bus.FramesCarried);
            Assert.AreEqual(3, bus.NodeCount);
            Assert.AreEqual(1, bus.GetNode(1).Index);
        }

        [TestMethod]
        public void FramesArriveInTheOrderTheyWereSent()
        {
            VirtualCanBus bus = NewBus(new FakeClock(), 8, 0);
            VirtualCanNode charger = bus.AddNode("charger");
            VirtualCanNode bms = bus.AddNode("bms");
            for (uint i = 0; i < 5; i++)
            {
                CanFrame f = CanFrames.Extended(0x1000 + i, "00");
                charger.TrySend(ref f);
            }

            CanFrame frame;
            for (uint i = 0; i < 5; i++)
            {
                Assert.IsTrue(bms.TryReceive(out frame));
                Assert.AreEqual(0x1000 + i, frame.Id);
            }

            Assert.IsFalse(bms.TryReceive(out frame));
            Assert.AreEqual(5L, bms.FramesReceived);
        }

        [TestMethod]
        public void AFullReceiveQueueDropsTheNewestFramesAndCountsThem()
        {
            VirtualCanBus bus = NewBus(new FakeClock(), 3, 0);
            VirtualCanNode charger = bus.AddNode("charger");
            VirtualCanNode bms = bus.AddNode("bms");
            for (uint i = 0; i < 5; i++)
            {
                CanFrame f = CanFrames.Extended(i, "00");
                Assert.IsTrue(charger.TrySend(ref f), "the sender does not see the receiver's overflow");
            }

            Assert.AreEqual(2L, bms.ReceiveOverflows);
            Assert.AreEqual(2L, bus.ReceiveOverflows);
            Assert.AreEqual(3, bms.Pending);
            CanFrame frame;
            bms.TryReceive(out frame);
            Assert.AreEqual(0u, frame.Id, "the oldest frames were kept");
        }

        [TestMethod]
        public void WithADelayAFrameIsVisibleOnlyOnceItsDeliveryTimeHasCome()
        {
            FakeClock clock = new FakeClock();
            clock.NowMs = 1000;
            VirtualCanBus bus = NewBus(clock, 8, 2);
            VirtualCanNode charger = bus.AddNode("charger");
            VirtualCanNode bms = bus.AddNode("bms");
            CanFrame chm = CanFrames.Extended(0x1826F456, "010100");
            charger.TrySend(ref chm);

            CanFrame frame;
            clock.NowMs = 1001;
            Assert.IsFalse(bms.TryReceive(out frame), "in flight");
            Assert.AreEqual(1, bms.Pending);
            clock.NowMs = 1002;
            Assert.IsTrue(bms.TryReceive(out frame));
        }

        [TestMethod]
        public void TheRecorderSeesEveryCarriedFrameWithTimeAndSender()
        {
            FakeClock clock = new FakeClock();
            VirtualCanBus bus = NewBus(clock, 8, 0);
            RecordingSink sink = new RecordingSink();
            bus.Recorder = sink;
            VirtualCanNode charger = bus.AddNode("charger");
            VirtualCanNode bms = bus.AddNode("bms");
            CanFrame bhm = CanFrames.Extended(0x182756F4, "C00F");

            clock.NowMs = 250;
            bms.TrySend(ref bhm);

            Assert.AreEqual(1, sink.Count);
            Assert.AreEqual(250L, sink.LastTimeMs);
            Assert.AreEqual(bms.Index, sink.LastFromNode);
            CanFrames.AssertSame(ref bhm, ref sink.Last, "recorded");
            Assert.AreEqual(0L, charger.FramesSent);
        }

        [TestMethod]
        public void ADropRuleLosesTheGivenNumberOfFramesOfOneIdentifierOnly()
        {
            VirtualCanBus bus = NewBus(new FakeClock(), 16, 0);
            RecordingSink sink = new RecordingSink();
            bus.Recorder = sink;
            VirtualCanNode bms = bus.AddNode("bms");
            VirtualCanNode charger = bus.AddNode("charger");
            CanFrame bcl = CanFrames.Extended(0x181056F4, "A40E0E0B01");
            CanFrame bsm = CanFrames.Extended(0x181356F4, "0101000100FF10");
            Assert.IsTrue(bus.DropFramesWithId(0x181056F4, 2));

            Assert.IsTrue(bms.TrySend(ref bcl), "the sender believes it was sent");
            bms.TrySend(ref bsm);
            bms.TrySend(ref bcl);
            bms.TrySend(ref bcl);

            Assert.AreEqual(2L, bus.FramesDropped);
            Assert.AreEqual(2, sink.Count, "dropped frames are not recorded");
            CanFrame frame;
            Assert.IsTrue(charger.TryReceive(out frame));
            Assert.AreEqual(0x181356F4u, frame.Id);
            Assert.IsTrue(charger.TryReceive(out frame));
            Assert.AreEqual(0x181056F4u, frame.Id, "the third BCL gets through");
            Assert.IsFalse(charger.TryReceive(out frame));
        }

        [TestMethod]
        public void ADropRuleForeverLastsUntilCleared()
        {
            VirtualCanBus bus = NewBus(new FakeClock(), 16, 0);
            VirtualCanNode bms = bus.AddNode("bms");
            VirtualCanNode charger = bus.AddNode("charger");
            CanFrame bcl = CanFrames.Extended(0x181056F4, "A40E0E0B01");
            bus.DropFramesWithId(0x181056F4, VirtualCanBus.DropForever);

            for (int i = 0; i < 10; i++)
            {
                bms.TrySend(ref bcl);
            }

            Assert.AreEqual(0, charger.Pending);
            bus.ClearDropRules();
            bms.TrySend(ref bcl);
            Assert.AreEqual(1, charger.Pending);
        }

        [TestMethod]
        public void NoMoreThanTheMaximumNumberOfDropRulesAreKept()
        {
            VirtualCanBus bus = NewBus(new FakeClock(), 16, 0);
            for (uint i = 0; i < VirtualCanBus.MaxDropRules; i++)
            {
                Assert.IsTrue(bus.DropFramesWithId(i, 1));
            }

            Assert.IsFalse(bus.DropFramesWithId(100, 1));
            Assert.IsTrue(bus.DropFramesWithId(3, 5), "an existing id's rule is replaced");
        }

        [TestMethod]
        public void ABusOffBusCarriesNothingAndEveryNodeSaysSo()
        {
            VirtualCanBus bus = NewBus(new FakeClock(), 16, 0);
            VirtualCanNode charger = bus.AddNode("charger");
            VirtualCanNode bms = bus.AddNode("bms");
            CanFrame chm = CanFrames.Extended(0x1826F456, "010100");

            bus.IsBusOff = true;

            Assert.IsTrue(charger.IsBusOff && bms.IsBusOff);
            Assert.IsFalse(charger.TrySend(ref chm));
            Assert.AreEqual(0, bms.Pending);
            Assert.AreEqual(1L, bus.SendsRefused);
            bus.IsBusOff = false;
            Assert.IsTrue(charger.TrySend(ref chm));
            Assert.AreEqual(1, bms.Pending);
        }

        [TestMethod]
        public void ANodeForcedBusOffNeitherSendsNorReceivesWhileTheOthersGoOn()
        {
            VirtualCanBus bus = NewBus(new FakeClock(), 16, 0);
            VirtualCanNode charger = bus.AddNode("charger");
            VirtualCanNode bms = bus.AddNode("bms");
            VirtualCanNode logger = bus.AddNode("logger");
            CanFrame chm = CanFrames.Extended(0x1826F456, "010100");

            bms.ForcedBusOff = true;

            Assert.IsTrue(bms.IsBusOff);
            Assert.IsFalse(charger.IsBusOff);
            Assert.IsFalse(bms.TrySend(ref chm));
            Assert.IsTrue(charger.TrySend(ref chm));
            Assert.AreEqual(0, bms.Pending);
            Assert.AreEqual(1, logger.Pending);
        }

        [TestMethod]
        public void InvalidFramesAreRefused()
        {
            VirtualCanBus bus = NewBus(new FakeClock(), 16, 0);
            VirtualCanNode charger = bus.AddNode("charger");
            bus.AddNode("bms");
            CanFrame nine = CanFrames.Extended(0x1826F456, "0102030405060708");
            nine.Length = 9;

            Assert.IsFalse(charger.TrySend(ref nine));
            Assert.AreEqual(1L, bus.SendsRefused);
        }

        [TestMethod]
        public void SendingAndReceivingAllocateNothing()
        {
#if !NANOFRAMEWORK_1_0
            FakeClock clock = new FakeClock();
            VirtualCanBus bus = NewBus(clock, 16, 1);
            bus.Recorder = new RecordingSink();
            VirtualCanNode charger = bus.AddNode("charger");
            VirtualCanNode bms = bus.AddNode("bms");
            CanFrame ccs = CanFrames.Extended(0x1812F456, "A40E0E0B0100FDFF");
            CanFrame frame;
            for (int i = 0; i < 10; i++)
            {
                charger.TrySend(ref ccs);
                clock.NowMs++;
                bms.TryReceive(out frame);
            }

            long before = System.GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 1000; i++)
            {
                charger.TrySend(ref ccs);
                clock.NowMs++;
                bms.TryReceive(out frame);
            }

            Assert.AreEqual(0L, System.GC.GetAllocatedBytesForCurrentThread() - before);
            Assert.AreEqual(1010L, bms.FramesReceived);
#endif
        }
    }
}
