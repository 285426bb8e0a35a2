#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Hal.Buses;

namespace V2G.UnitTests.Drivers.Mcp2515
{
    /// <summary>Seeded traffic both ways at once: nothing lost, nothing reordered, while the queues are drained.</summary>
    [TestClass]
    public class Mcp2515StressTests
    {
        private const int FramesEachWay = 1000;

        // A small LCG (Numerical Recipes constants) so the run is the same everywhere; no System.Random on the device path.
        private static uint _seed;

        private static int Next(int bound)
        {
            _seed = (_seed * 1664525u) + 1013904223u;
            return (int)((_seed >> 16) % (uint)bound);
        }

        // Frame i of a direction: its id, length and data follow from i alone, so the receiver can check it.
        private static CanFrame Expected(int i, uint sourceBits)
        {
            uint id = 0x18000000u | ((uint)(i % 0x30) << 16) | sourceBits;
            int length = i % 9;
            ulong data = ((ulong)(uint)(i * 2654435761u) << 32) | (uint)(i ^ 0x5A5A5A5A);
            return Mcp2515Rig.Frame(id, length, data);
        }

        [TestMethod]
        public void AThousandFramesEachWayArriveComplete()
        {
            _seed = 27930;
            Mcp2515Rig rig = new Mcp2515Rig(true, false, null);
            Assert.IsTrue(rig.Start());

            int delivered = 0;
            int received = 0;
            int queued = 0;
            int onBus = 0;
            for (int step = 0; step < 20000 && (received < FramesEachWay || onBus < FramesEachWay); step++)
            {
                // The bus brings at most two frames between services: the chip has two receive buffers.
                int arriving = Next(3);
                for (int k = 0; k < arriving && delivered < FramesEachWay; k++)
                {
                    CanFrame incoming = Expected(delivered, 0x56F4);
                    Assert.IsTrue(rig.Chip.DeliverFromBus(ref incoming), "delivered " + delivered.ToString());
                    delivered++;
                }

                int sending = Next(4);
                for (int k = 0; k < sending && queued < FramesEachWay; k++)
                {
                    CanFrame outgoing = Expected(queued, 0xF456);
                    if (!rig.Driver.TrySend(ref outgoing))
                    {
                        break;
                    }

                    queued++;
                }

                rig.Step(Mcp2515Rig.StepMs);

                CanFrame frame;
                while (rig.Driver.TryReceive(out frame))
                {
                    Assert.IsTrue(Mcp2515Rig.Same(Expected(received, 0x56F4), frame), "received " + received.ToString());
                    received++;
                }

                int taking = Next(4);
                for (int k = 0; k < taking && rig.Chip.TryTakeTransmitted(out frame); k++)
                {
                    Assert.IsTrue(Mcp2515Rig.Same(Expected(onBus, 0xF456), frame), "sent " + onBus.ToString());
                    onBus++;
                }
            }

            Assert.AreEqual(FramesEachWay, received);
            Assert.AreEqual(FramesEachWay, onBus);
            Assert.AreEqual(0, rig.Driver.Status.RxOverflows);
            Assert.AreEqual(0, rig.Driver.Status.RxQueueDroppedFrames);
            Assert.AreEqual(0, rig.Driver.Status.TxDroppedFrames);
        }
    }
}
