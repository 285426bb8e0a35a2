#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Firmware.Grid;
using V2G.Firmware.Storage;
using V2G.Sim.Plant.Storage;
using V2G.UnitTests.TestSupport;

namespace V2G.UnitTests.Grid.Droop
{
    /// <summary>The droop settings' non-volatile record, and the store that keeps it over a reboot.</summary>
    [TestClass]
    public class DroopSettingsRecordTests
    {
        private static DroopSettings Odd()
        {
            DroopSettings s = DroopPresets.ChinaStorage(50);
            s.Enabled = false;
            s.DeadbandOverHz = 0.0333;
            s.DeadbandUnderHz = 0.0417;
            s.DroopOver = 0.0075;
            s.DroopUnder = 0.021;
            s.ResponseTimeMs = 850;
            s.DelayCompensationMs = 63;
            s.RatedPowerW = 22000.5;
            s.PresetName = "ocpp21";
            return s;
        }

        private static void AssertSame(DroopSettings expected, DroopSettings actual, string what)
        {
            Assert.IsNotNull(actual, what + " decoded");
            Assert.AreEqual(expected.Enabled, actual.Enabled, what);
            Expect.Near(expected.NominalHz, actual.NominalHz, 1e-9, what + " nominal");
            Expect.Near(expected.DeadbandOverHz, actual.DeadbandOverHz, 1e-9, what + " dbOF");
            Expect.Near(expected.DeadbandUnderHz, actual.DeadbandUnderHz, 1e-9, what + " dbUF");
            Expect.Near(expected.DroopOver, actual.DroopOver, 1e-9, what + " kOF");
            Expect.Near(expected.DroopUnder, actual.DroopUnder, 1e-9, what + " kUF");
            Assert.AreEqual(expected.ResponseTimeMs, actual.ResponseTimeMs, what);
            Assert.AreEqual(expected.DelayCompensationMs, actual.DelayCompensationMs, what);
            Expect.Near(expected.RatedPowerW, actual.RatedPowerW, 1e-6, what + " rating");
            Assert.AreEqual(expected.PresetName, actual.PresetName, what);
        }

        private static byte[] Encoded(DroopSettings s)
        {
            byte[] record = new byte[DroopSettingsRecord.SizeBytes];
            Assert.AreEqual(DroopSettingsRecord.SizeBytes, DroopSettingsRecord.Encode(s, record, 0));
            return record;
        }

        [TestMethod]
        public void RecordRoundTripsEveryPresetAndOddValues()
        {
            string[] names = DroopPresets.Names();
            for (int i = 0; i < names.Length; i++)
            {
                DroopSettings s = DroopPresets.ByName(names[i], i % 2 == 0 ? 50 : 60);
                AssertSame(s, DroopSettingsRecord.Decode(Encoded(s), 0, DroopSettingsRecord.SizeBytes), names[i]);
            }

            AssertSame(Odd(), DroopSettingsRecord.Decode(Encoded(Odd()), 0, DroopSettingsRecord.SizeBytes), "odd values");
        }

        [TestMethod]
        public void RecordStartsWithItsVersion()
        {
            byte[] record = Encoded(Odd());

            Assert.AreEqual((byte)DroopSettingsRecord.Version, record[0]);
            Assert.AreEqual((byte)0, record[1]);
        }

        [TestMethod]
        public void RecordWithAnyByteCorruptedIsRefused()
        {
            byte[] good = Encoded(Odd());
            for (int i = 0; i < good.Length; i++)
            {
                byte[] bad = Encoded(Odd());
                bad[i] ^= 0x10;
                Assert.IsNull(DroopSettingsRecord.Decode(bad, 0, bad.Length), "byte " + i + " flipped");
            }
        }

        [TestMethod]
        public void RecordOfAnotherVersionOrLengthIsRefused()
        {
            byte[] other = Encoded(Odd());
            other[0] = 2;
            Crc32Rewrite(other);

            Assert.IsNull(DroopSettingsRecord.Decode(other, 0, other.Length), "version 2");
            Assert.IsNull(DroopSettingsRecord.Decode(Encoded(Odd()), 0, DroopSettingsRecord.SizeBytes - 4), "short");
        }

        [TestMethod]
        public void RecordWithUnusableValuesIsRefusedEvenWithAGoodCrc()
        {
            DroopSettings s = Odd();
            byte[] record = Encoded(s);

            // kOF = 0 (offset 16) would divide by zero in the droop.
            record[16] = 0;
            record[17] = 0;
            record[18] = 0;
            record[19] = 0;
            Crc32Rewrite(record);

            Assert.IsNull(DroopSettingsRecord.Decode(record, 0, record.Length));
        }

        [TestMethod]
        public void StoredSettingsAreThereAfterAReboot()
        {
            SimulatedFlash flash = new SimulatedFlash(1024, 2);
            DroopSettingsStore store = new DroopSettingsStore(new FlashRecordStore(flash, 4, 96), DroopSettingsStore.DefaultRecordId);
            Assert.IsNull(store.Load(), "nothing stored on blank flash");
            Assert.IsTrue(store.Save(DroopPresets.Ieee1547CategoryIII(60)));
            Assert.IsTrue(store.Save(Odd()), "the newest wins");

            // Reboot: a new record store mounted on the same flash.
            DroopSettingsStore afterReboot = new DroopSettingsStore(new FlashRecordStore(flash, 4, 96), DroopSettingsStore.DefaultRecordId);

            AssertSame(Odd(), afterReboot.Load(), "after reboot");
        }

        [TestMethod]
        public void ClearedSettingsAreGoneAfterAReboot()
        {
            SimulatedFlash flash = new SimulatedFlash(1024, 2);
            DroopSettingsStore store = new DroopSettingsStore(new FlashRecordStore(flash, 4, 96), DroopSettingsStore.DefaultRecordId);
            store.Save(Odd());
            Assert.IsTrue(store.Clear());

            DroopSettingsStore afterReboot = new DroopSettingsStore(new FlashRecordStore(flash, 4, 96), DroopSettingsStore.DefaultRecordId);

            Assert.IsNull(afterReboot.Load());
        }

        [TestMethod]
        public void InvalidSettingsAreNotSaved()
        {
            SimulatedFlash flash = new SimulatedFlash(1024, 2);
            DroopSettingsStore store = new DroopSettingsStore(new FlashRecordStore(flash, 4, 96), DroopSettingsStore.DefaultRecordId);
            DroopSettings bad = Odd();
            bad.DroopUnder = 0;

            Assert.IsFalse(store.Save(bad));
            Assert.IsNull(store.Load());
        }

        private static void Crc32Rewrite(byte[] record)
        {
            uint crc = Crc32.Compute(record, 0, 64);
            record[64] = (byte)crc;
            record[65] = (byte)(crc >> 8);
            record[66] = (byte)(crc >> 16);
            record[67] = (byte)(crc >> 24);
        }
    }
}
