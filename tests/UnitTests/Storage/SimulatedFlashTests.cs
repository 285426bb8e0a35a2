#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Sim.Plant.Storage;

namespace V2G.UnitTests.Storage
{
    [TestClass]
    public class SimulatedFlashTests
    {
        [TestMethod]
        public void NewFlashReadsErased()
        {
            SimulatedFlash flash = new SimulatedFlash(64, 2);
            byte[] buffer = new byte[128];

            flash.Read(0, buffer, 0, 128);

            for (int i = 0; i < buffer.Length; i++)
            {
                Assert.AreEqual((byte)0xFF, buffer[i], "byte " + i.ToString());
            }
        }

        [TestMethod]
        public void ProgramCanOnlyClearBits()
        {
            SimulatedFlash flash = new SimulatedFlash(64, 2);
            flash.Program(10, new byte[] { 0x0F }, 0, 1);

            flash.Program(10, new byte[] { 0xF1 }, 0, 1);

            byte[] buffer = new byte[1];
            flash.Read(10, buffer, 0, 1);
            Assert.AreEqual((byte)0x01, buffer[0]);
            Assert.AreEqual(1L, flash.ReprogrammedBytes);
        }

        [TestMethod]
        public void EraseSetsOnlyItsOwnSectorTo0xFF()
        {
            SimulatedFlash flash = new SimulatedFlash(64, 2);
            flash.Program(0, new byte[128], 0, 128);

            flash.EraseSector(1);

            byte[] buffer = new byte[128];
            flash.Read(0, buffer, 0, 128);
            Assert.AreEqual((byte)0x00, buffer[63]);
            Assert.AreEqual((byte)0xFF, buffer[64]);
            Assert.AreEqual((byte)0xFF, buffer[127]);
            Assert.AreEqual(1, flash.EraseCount(1));
            Assert.AreEqual(0, flash.EraseCount(0));
        }

        [TestMethod]
        public void PowerCutDuringProgramKeepsTheBytesProgrammedBeforeIt()
        {
            SimulatedFlash flash = new SimulatedFlash(64, 2);
            flash.CutPowerAfterBytes(3);
            bool cut = false;

            try
            {
                flash.Program(4, new byte[] { 1, 2, 3, 4, 5 }, 0, 5);
            }
            catch (SimulatedPowerCutException)
            {
                cut = true;
            }

            byte[] buffer = new byte[5];
            flash.Read(4, buffer, 0, 5);
            Assert.IsTrue(cut);
            Assert.AreEqual((byte)3, buffer[2]);
            Assert.AreEqual((byte)0xFF, buffer[3]);
            Assert.IsFalse(flash.IsPowerCutArmed);
            Assert.AreEqual(1, flash.PowerCutCount);
        }

        [TestMethod]
        public void PowerCutCountsBytesAcrossOperations()
        {
            SimulatedFlash flash = new SimulatedFlash(64, 2);
            flash.CutPowerAfterBytes(6);

            flash.Program(0, new byte[4], 0, 4);
            bool cut = false;
            try
            {
                flash.Program(4, new byte[4], 0, 4);
            }
            catch (SimulatedPowerCutException)
            {
                cut = true;
            }

            byte[] buffer = new byte[8];
            flash.Read(0, buffer, 0, 8);
            Assert.IsTrue(cut);
            Assert.AreEqual((byte)0x00, buffer[5]);
            Assert.AreEqual((byte)0xFF, buffer[6]);
        }

        [TestMethod]
        public void PowerCutArmedAtZeroStopsTheNextOperationBeforeItChangesAnything()
        {
            SimulatedFlash flash = new SimulatedFlash(64, 2);
            flash.CutPowerAfterBytes(0);
            bool cut = false;

            try
            {
                flash.Program(0, new byte[1], 0, 1);
            }
            catch (SimulatedPowerCutException)
            {
                cut = true;
            }

            byte[] buffer = new byte[1];
            flash.Read(0, buffer, 0, 1);
            Assert.IsTrue(cut);
            Assert.AreEqual((byte)0xFF, buffer[0]);
        }

        [TestMethod]
        public void PowerCutDuringEraseLeavesTheSectorPartlyErased()
        {
            SimulatedFlash flash = new SimulatedFlash(64, 2);
            flash.Program(0, new byte[64], 0, 64);
            flash.CutPowerAfterBytes(16);
            bool cut = false;

            try
            {
                flash.EraseSector(0);
            }
            catch (SimulatedPowerCutException)
            {
                cut = true;
            }

            byte[] buffer = new byte[64];
            flash.Read(0, buffer, 0, 64);
            Assert.IsTrue(cut);
            Assert.AreEqual((byte)0xFF, buffer[15]);
            int stillProgrammedBits = 0;
            for (int i = 16; i < 64; i++)
            {
                if (buffer[i] != 0xFF)
                {
                    stillProgrammedBits++;
                }
            }

            Assert.IsTrue(stillProgrammedBits > 0, "the part not reached should not read as erased");
        }

        [TestMethod]
        public void ImageCopiedOutAndLoadedBackRestoresTheContents()
        {
            SimulatedFlash flash = new SimulatedFlash(64, 2);
            flash.Program(7, new byte[] { 0x42 }, 0, 1);
            byte[] image = new byte[flash.SizeBytes];
            flash.CopyImageTo(image);
            flash.EraseSector(0);

            flash.LoadImage(image);

            Assert.AreEqual(7, flash.Find(new byte[] { 0x42 }, 0));
        }
    }
}
