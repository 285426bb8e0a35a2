#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Firmware.Drivers.Ade9000;
using V2G.Sim.Plant.Metering;

namespace V2G.UnitTests.Drivers
{
    /// <summary>The ADE9000 driver's frames on the wire and the chip model's answers to them.</summary>
    [TestClass]
    public class Ade9000WireTests
    {
        private static Ade9000Settings Settings()
        {
            Ade9000Settings settings = new Ade9000Settings();
            settings.VoltsPerRmsCode = 1e-4;
            settings.AmpsPerRmsCode = 1e-5;
            settings.WattsPerCode = 1e-2;
            settings.WhPerEnergyCode = 1e-3;
            settings.Phases = 1;
            return settings;
        }

        [TestMethod]
        public void AServicedCycleReadsAPeriodThenAVrmsOneInSixByteFrames()
        {
            Ade9000Settings settings = Settings();
            RecordingSpi spi = new RecordingSpi(new Ade9000Model(settings));
            Ade9000Driver driver = new Ade9000Driver(spi, settings);

            driver.ServiceCycle(0);

            Assert.AreEqual(2, spi.Count);
            Assert.AreEqual((int)Ade9000Command.Read(Ade9000Register.APeriod), spi.Command(0));
            Assert.AreEqual(6, spi.Mosi(0).Length);
            Assert.AreEqual((int)Ade9000Command.Read(Ade9000Register.AVrmsOne), spi.Command(1));
            Assert.AreEqual(6, spi.Mosi(1).Length);
        }

        [TestMethod]
        public void ThePeriodComesBackBigEndian()
        {
            Ade9000Settings settings = Settings();
            Ade9000Model chip = new Ade9000Model(settings);
            chip.FrequencyHz = 50.0;
            byte[] write = new byte[6];
            byte[] read = new byte[6];
            Ade9000Command.Put(Ade9000Command.Read(Ade9000Register.APeriod), write, 0);

            chip.Transfer(write, read, 6);

            // 8000 · 2^16 / 50 − 1 = 10,485,759 = 0x009FFFFF.
            Assert.AreEqual((byte)0x00, read[2]);
            Assert.AreEqual((byte)0x9F, read[3]);
            Assert.AreEqual((byte)0xFF, read[4]);
            Assert.AreEqual((byte)0xFF, read[5]);
        }

        [TestMethod]
        public void ASixteenBitRegisterReadsBackWhatWasWritten()
        {
            Ade9000Model chip = new Ade9000Model(Settings());
            byte[] write = new byte[4];
            byte[] read = new byte[4];
            const int epCfg = 0x4B0;
            Ade9000Command.Put(Ade9000Command.Write(epCfg), write, 0);
            write[2] = 0x00;
            write[3] = 0x11;
            chip.Transfer(write, read, 4);

            Ade9000Command.Put(Ade9000Command.Read(epCfg), write, 0);
            write[2] = 0;
            write[3] = 0;
            chip.Transfer(write, read, 4);

            Assert.AreEqual((byte)0x00, read[2]);
            Assert.AreEqual((byte)0x11, read[3]);
        }
    }
}
