#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Firmware.Storage;
using V2G.Sim.Plant.Storage;

namespace V2G.UnitTests.Storage
{
    /// <summary>
    /// Geometry, record values and checks shared by the storage tests. Small sectors on purpose:
    /// compactions come often and a loop over every byte of one stays short.
    /// </summary>
    public static class StoreTestData
    {
        /// <summary>Sector of the small test flash, bytes.</summary>
        public const int SectorSizeBytes = 512;

        /// <summary>Sectors of the small test flash.</summary>
        public const int SectorCount = 3;

        /// <summary>Ids the test store holds at once.</summary>
        public const int MaxRecordCount = 4;

        /// <summary>Largest payload of the test store, bytes.</summary>
        public const int MaxRecordLength = 32;

        public static SimulatedFlash NewFlash()
        {
            return new SimulatedFlash(SectorSizeBytes, SectorCount);
        }

        /// <summary>Constructs a store on the flash, as a reboot does.</summary>
        public static FlashRecordStore Mount(SimulatedFlash flash)
        {
            return new FlashRecordStore(flash, MaxRecordCount, MaxRecordLength);
        }

        /// <summary>A payload that differs for every (id, version) pair and is unlikely to occur elsewhere in flash.</summary>
        public static byte[] Value(int id, int version, int length)
        {
            byte[] value = new byte[length];
            for (int i = 0; i < length; i++)
            {
                value[i] = (byte)((id * 53) + (version * 29) + (i * 7) + 11);
            }

            return value;
        }

        /// <summary>Payload lengths that vary with the version, padded and unpadded, up to the maximum.</summary>
        public static int LengthOf(int version)
        {
            return 1 + (version % MaxRecordLength);
        }

        public static bool Matches(byte[] expected, byte[] buffer, int length)
        {
            if (length != expected.Length)
            {
                return false;
            }

            for (int i = 0; i < length; i++)
            {
                if (buffer[i] != expected[i])
                {
                    return false;
                }
            }

            return true;
        }

        public static void AssertRecord(FlashRecordStore store, int id, byte[] expected, string what)
        {
            byte[] buffer = new byte[store.MaxRecordLength];
            int length = store.Read(id, buffer, 0);
            Assert.AreEqual(expected.Length, length, what + ": length of record " + id.ToString());
            Assert.IsTrue(Matches(expected, buffer, length), what + ": bytes of record " + id.ToString());
        }

        public static void AssertMissing(FlashRecordStore store, int id, string what)
        {
            byte[] buffer = new byte[store.MaxRecordLength];
            Assert.AreEqual(-1, store.Read(id, buffer, 0), what + ": record " + id.ToString() + " should be absent");
        }

        public static void Write(FlashRecordStore store, int id, byte[] value)
        {
            Assert.IsTrue(store.Write(id, value, 0, value.Length), "write of record " + id.ToString());
        }
    }
}
