using System;
using System.Device.Spi;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using V2G.Boards.Hal;
using V2G.Firmware.Drivers.Ade9000;
using V2G.Firmware.Drivers.Mcp2515;
using V2G.Firmware.Drivers.Qca7000;
using V2G.Hal.Buses;
using V2G.Sim.Plant.Board;
using V2G.Sim.Plant.Can;
using V2G.Sim.Plant.Metering;
using V2G.Sim.Plant.Plc;

namespace V2G.BoardAdapters.Tests
{
    /// <summary>
    /// The SPI adapter on a dotnet/iot SpiDevice whose far side is one of our chip models, so our chip drivers run
    /// through the adapter the device uses.
    /// </summary>
    [TestClass]
    public class SpiDeviceTransferTests
    {
        /// <summary>A chip that echoes MOSI shifted by one, to see exactly which bytes crossed.</summary>
        private sealed class EchoChip : ISpiTransfer
        {
            public void Transfer(byte[] writeBuffer, byte[] readBuffer, int length)
            {
                for (int i = 0; i < length; i++)
                {
                    readBuffer[i] = (byte)(writeBuffer[i] + 1);
                }
            }
        }

        /// <summary>An SpiDevice that does nothing, to measure the adapter's own allocations.</summary>
        private sealed class SilentSpiDevice : SpiDevice
        {
            public override SpiConnectionSettings ConnectionSettings { get; } = new SpiConnectionSettings(1, 5);

            public override void Read(Span<byte> buffer)
            {
            }

            public override void Write(ReadOnlySpan<byte> buffer)
            {
            }

            public override void TransferFullDuplex(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer)
            {
            }
        }

        [TestMethod]
        public void AShortTransferSendsOnlyItsLengthAndLeavesTheRestOfTheBuffers()
        {
            var device = new ModelSpiDevice(new EchoChip());
            var spi = new SpiDeviceTransfer(device);
            byte[] write = { 10, 20, 30, 40, 50 };
            byte[] read = new byte[8];
            read[3] = 0xEE;

            spi.Transfer(write, read, 3);

            Assert.AreEqual(3, device.LastFrameLength);
            CollectionAssert.AreEqual(new byte[] { 11, 21, 31, 0xEE, 0, 0, 0, 0 }, read);
        }

        [TestMethod]
        public void ATransferLongerThanABufferIsRefused()
        {
            var spi = new SpiDeviceTransfer(new ModelSpiDevice(new EchoChip()));
            Assert.ThrowsExactly<ArgumentException>(() => spi.Transfer(new byte[4], new byte[2], 3));
        }

        [TestMethod]
        public void ATransferAllocatesNothingInTheAdapter()
        {
            var spi = new SpiDeviceTransfer(new SilentSpiDevice());
            byte[] write = new byte[64];
            byte[] read = new byte[64];
            spi.Transfer(write, read, 7);

            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 1000; i++)
            {
                spi.Transfer(write, read, 1 + (i % 64));
            }

            Assert.AreEqual(0L, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        [TestMethod]
        public void TheMcp2515DriverSendsAndReceivesThroughTheAdapter()
        {
            var clock = new SimClock();
            var chip = new Mcp2515Model(clock);
            var driver = new Mcp2515Driver(new SpiDeviceTransfer(new ModelSpiDevice(chip)), null, clock, new Mcp2515Settings());
            driver.Initialise(clock.NowMs);
            for (int i = 0; i < 50; i++)
            {
                clock.Advance(1);
                driver.Service(clock.NowMs);
            }

            var frame = new CanFrame { Id = 0x1826F456, IsExtended = true, Length = 3, Data = 0x030201 };
            Assert.IsTrue(driver.TrySend(ref frame));
            clock.Advance(1);
            driver.Service(clock.NowMs);
            Assert.IsTrue(chip.TryTakeTransmitted(out CanFrame sent), "the chip sent the frame");
            Assert.AreEqual(0x1826F456u, sent.Id);
            Assert.AreEqual(3, sent.Length);
            Assert.AreEqual(0x030201UL, sent.Data);

            var incoming = new CanFrame { Id = 0x182756F4, IsExtended = true, Length = 2, Data = 0xBEEF };
            Assert.IsTrue(chip.DeliverFromBus(ref incoming));
            for (int i = 0; i < 20; i++)
            {
                clock.Advance(1);
                driver.Service(clock.NowMs);
            }

            Assert.IsTrue(driver.TryReceive(out CanFrame received));
            Assert.AreEqual(0x182756F4u, received.Id);
            Assert.AreEqual(0xBEEFUL, received.Data);
        }

        [TestMethod]
        public void TheQca7000DriverSynchronisesAndReceivesAFrameThroughTheAdapter()
        {
            var clock = new SimClock();
            var chip = new Qca7000Model(clock, 50);
            var device = new ModelSpiDevice(chip);
            byte[] mac = { 0x02, 0x12, 0x34, 0x56, 0x78, 0x9A };
            var driver = new Qca7000Driver(new SpiDeviceTransfer(device), clock, mac, null, new Qca7000Settings());
            driver.Service(clock.NowMs);
            for (int i = 0; i < 400 && driver.SyncState != Qca7000SyncState.Ready; i++)
            {
                clock.Advance(5);
                chip.Update();
                driver.Service(clock.NowMs);
            }

            Assert.AreEqual(Qca7000SyncState.Ready, driver.SyncState);

            byte[] frame = new byte[300];
            for (int i = 0; i < frame.Length; i++)
            {
                frame[i] = (byte)(i * 7);
            }

            chip.DeliverFromMedium(frame, frame.Length);
            byte[] buffer = new byte[1600];
            int got = 0;
            for (int i = 0; i < 20 && got == 0; i++)
            {
                clock.Advance(5);
                chip.Update();
                driver.Service(clock.NowMs);
                got = driver.Receive(buffer);
            }

            Assert.AreEqual(300, got);
            CollectionAssert.AreEqual(frame, buffer[..300]);
            Assert.AreEqual(0, chip.ShortTransfers, "every transfer reached the chip whole");
        }

        [TestMethod]
        public void TheAde9000DriverReadsTheFrequencyThroughTheAdapter()
        {
            var settings = new Ade9000Settings
            {
                VoltsPerRmsCode = 1e-4,
                AmpsPerRmsCode = 1e-5,
                WattsPerCode = 1e-2,
                WhPerEnergyCode = 1e-3,
                Phases = 1,
                CycleQueueLength = 4,
            };
            var chip = new Ade9000Model(settings) { FrequencyHz = 50.0 };
            var driver = new Ade9000Driver(new SpiDeviceTransfer(new ModelSpiDevice(chip)), settings);

            double resolutionHz = 50.0 * 50.0 / settings.PeriodCountsPerSecond;
            Assert.AreEqual(50.0, driver.ReadFrequencyHz(), resolutionHz);
        }
    }
}
