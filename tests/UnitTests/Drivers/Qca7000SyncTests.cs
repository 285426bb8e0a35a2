#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Firmware.Drivers.Qca7000;

namespace V2G.UnitTests.Drivers
{
    /// <summary>Bring-up and the sync state machine (digest §3.7–3.9) against the chip model.</summary>
    [TestClass]
    public class Qca7000SyncTests
    {
        private static void AssertTransfer(RecordingSpi spi, int index, int b0, int b1, int b2, int b3, string what)
        {
            byte[] mosi = spi.Mosi(index);
            Assert.AreEqual(4, mosi.Length, what + ": a register transfer is 4 bytes");
            Assert.AreEqual((byte)b0, mosi[0], what + " byte 0");
            Assert.AreEqual((byte)b1, mosi[1], what + " byte 1");
            Assert.AreEqual((byte)b2, mosi[2], what + " byte 2");
            Assert.AreEqual((byte)b3, mosi[3], what + " byte 3");
        }

        [TestMethod]
        public void BringUpReadsTheSignatureTwiceThenSoftResetsThroughSpiConfigBitSix()
        {
            Qca7000Rig rig = new Qca7000Rig();

            rig.Driver.Service(rig.Clock.NowMs);

            AssertTransfer(rig.Spi, 0, 0xDA, 0x00, 0x00, 0x00, "first signature read");
            AssertTransfer(rig.Spi, 1, 0xDA, 0x00, 0x00, 0x00, "second signature read");
            Assert.AreEqual((byte)0xAA, rig.Spi.Miso(1)[2]);
            Assert.AreEqual((byte)0x55, rig.Spi.Miso(1)[3]);
            AssertTransfer(rig.Spi, 2, 0xC4, 0x00, 0x00, 0x00, "SPI_CONFIG read");
            AssertTransfer(rig.Spi, 3, 0x44, 0x00, 0x00, 0x40, "SPI_CONFIG write with the slave reset bit");
            Assert.AreEqual(Qca7000SyncState.Reset, rig.Driver.SyncState);
            Assert.AreEqual(1, rig.Chip.SoftResetCount);
        }

        [TestMethod]
        public void CpuOnWithAGoodSignatureAndAnEmptyWriteBufferMakesTheDriverReady()
        {
            Qca7000Rig rig = new Qca7000Rig();
            rig.Driver.Service(rig.Clock.NowMs);
            rig.Spi.Clear();

            Assert.IsTrue(rig.RunUntilReady(200));

            // The interrupt service that saw CPU_ON: mask off, cause, signature twice, write buffer space,
            // acknowledge, mask 0x0047 (digest §3.7, §3.8).
            int start = rig.Spi.IndexOf(0xDA00, 0) - 2;
            AssertTransfer(rig.Spi, start, 0x4D, 0x00, 0x00, 0x00, "INTR_ENABLE = 0");
            AssertTransfer(rig.Spi, start + 1, 0xCC, 0x00, 0x00, 0x00, "INTR_CAUSE read");
            Assert.AreEqual((byte)0x40, rig.Spi.Miso(start + 1)[3], "the cause is CPU_ON");
            AssertTransfer(rig.Spi, start + 2, 0xDA, 0x00, 0x00, 0x00, "signature");
            AssertTransfer(rig.Spi, start + 3, 0xDA, 0x00, 0x00, 0x00, "signature again");
            AssertTransfer(rig.Spi, start + 4, 0xC2, 0x00, 0x00, 0x00, "WRBUF_SPC_AVA read");
            Assert.AreEqual((byte)0x0C, rig.Spi.Miso(start + 4)[2], "3163 = 0x0C5B");
            Assert.AreEqual((byte)0x5B, rig.Spi.Miso(start + 4)[3]);
            AssertTransfer(rig.Spi, start + 5, 0x4C, 0x00, 0x00, 0x40, "acknowledge CPU_ON");
            AssertTransfer(rig.Spi, start + 6, 0x4D, 0x00, 0x00, 0x47, "INTR_ENABLE = 0x0047");
            Assert.AreEqual(1, rig.Driver.Status.CpuOnEvents);
            Assert.AreEqual(0x47, rig.Chip.InterruptEnable);
        }

        [TestMethod]
        public void AZeroFirstSignatureReadAfterTheResetIsToleratedByTheDoubleRead()
        {
            Qca7000Rig rig = new Qca7000Rig();
            rig.Chip.ZeroFirstSignatureReadAfterReset = true;

            Assert.IsTrue(rig.RunUntilReady(200));

            Assert.AreEqual(1, rig.Chip.SoftResetCount);
            Assert.AreEqual(0, rig.Driver.Status.SignatureFailures);
        }

        [TestMethod]
        public void AWriteBufferNotEmptyAfterCpuOnTriggersAnotherReset()
        {
            Qca7000Rig rig = new Qca7000Rig();
            rig.Chip.HoldWriteBufferAfterNextReset(100);

            Assert.IsTrue(rig.RunUntilReady(500));

            Assert.AreEqual(1, rig.Driver.Status.WriteBufferNotEmptyAtCpuOn);
            Assert.AreEqual(2, rig.Chip.SoftResetCount);
            Assert.AreEqual(2, rig.Driver.Status.CpuOnEvents);
        }

        [TestMethod]
        public void NoSignatureMeansNoResetAndNoReady()
        {
            Qca7000Rig rig = new Qca7000Rig();
            rig.Chip.CorruptSignatureReads(1000000);

            rig.Run(5000);

            Assert.AreEqual(Qca7000SyncState.Unknown, rig.Driver.SyncState);
            Assert.AreEqual(0, rig.Chip.SoftResetCount);
            Assert.IsTrue(rig.Driver.Status.SignatureFailures >= 5);
        }

        [TestMethod]
        public void OneBadSignatureReadInReadyIsReadAgainAndTolerated()
        {
            Qca7000Rig rig = new Qca7000Rig();
            Assert.IsTrue(rig.RunUntilReady(200));
            rig.Chip.CorruptSignatureReads(1);

            rig.Run(1100);

            Assert.AreEqual(Qca7000SyncState.Ready, rig.Driver.SyncState);
            Assert.AreEqual(0, rig.Driver.Status.Resyncs);
        }

        [TestMethod]
        public void TwoBadSignatureReadsInReadyResynchroniseThroughUnknownAndAReset()
        {
            Qca7000Rig rig = new Qca7000Rig();
            Assert.IsTrue(rig.RunUntilReady(200));
            rig.Chip.CorruptSignatureReads(2);

            rig.Run(1005);
            Assert.IsTrue(rig.Driver.SyncState != Qca7000SyncState.Ready, "out of sync after two bad reads");
            Assert.IsTrue(rig.RunUntilReady(500));

            Assert.AreEqual(1, rig.Driver.Status.Resyncs);
            Assert.AreEqual(1, rig.Driver.Status.SignatureFailures);
            Assert.AreEqual(2, rig.Chip.SoftResetCount);
        }

        [TestMethod]
        public void AResetWithoutCpuOnIsTriggeredAgainAfterTenSyncChecks()
        {
            Qca7000Rig rig = new Qca7000Rig();
            Assert.IsTrue(rig.RunUntilReady(200));
            rig.Chip.IgnoreSoftReset = true;
            rig.Chip.CorruptSignatureReads(2);
            rig.Run(1005);
            Assert.AreEqual(Qca7000SyncState.Reset, rig.Driver.SyncState, "reset triggered after the bad signature");
            Assert.AreEqual(2, rig.Chip.SoftResetCount);

            rig.Run(9000);
            Assert.AreEqual(Qca7000SyncState.Reset, rig.Driver.SyncState, "still waiting after nine checks");
            rig.Run(1100);

            Assert.AreEqual(1, rig.Driver.Status.ResetTimeouts);
            Assert.AreEqual(3, rig.Chip.SoftResetCount, "the reset was triggered again");
            rig.Chip.IgnoreSoftReset = false;
            rig.Run(11000);
            Assert.IsTrue(rig.RunUntilReady(500));
        }

        [TestMethod]
        public void AChipResetWhileReadyIsFollowedByTheCpuOnEdgeAndReady()
        {
            Qca7000Rig rig = new Qca7000Rig();
            Assert.IsTrue(rig.RunUntilReady(200));

            int edgesBefore = rig.Driver.Status.EdgeServices;
            rig.Chip.ResetChip();
            rig.Run(Qca7000Rig.HoldOffMs + Qca7000Rig.StepMs);

            Assert.AreEqual(edgesBefore + 1, rig.Driver.Status.EdgeServices, "CPU_ON came as an edge (INTR_ENABLE survived the reset)");
            Assert.AreEqual(Qca7000SyncState.Ready, rig.Driver.SyncState);
            Assert.AreEqual(2, rig.Driver.Status.CpuOnEvents);
        }
    }
}
