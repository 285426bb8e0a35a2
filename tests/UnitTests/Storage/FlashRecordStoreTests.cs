#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System;
using V2G.Firmware.Storage;
using V2G.Sim.Plant.Storage;

namespace V2G.UnitTests.Storage
{
    [TestClass]
    public class FlashRecordStoreTests
    {
        [TestMethod]
        public void WrittenRecordReadsBackTheSameBytes()
        {
            FlashRecordStore store = StoreTestData.Mount(StoreTestData.NewFlash());
            byte[] value = StoreTestData.Value(1, 1, 13);

            StoreTestData.Write(store, 1, value);

            StoreTestData.AssertRecord(store, 1, value, "after write");
        }

        [TestMethod]
        public void RecordIsReadAtTheGivenOffsetOfTheBuffer()
        {
            FlashRecordStore store = StoreTestData.Mount(StoreTestData.NewFlash());
            byte[] value = StoreTestData.Value(1, 1, 5);
            StoreTestData.Write(store, 1, value);
            byte[] buffer = new byte[9];

            int length = store.Read(1, buffer, 4);

            Assert.AreEqual(5, length);
            Assert.AreEqual((byte)0, buffer[3]);
            Assert.AreEqual(value[0], buffer[4]);
            Assert.AreEqual(value[4], buffer[8]);
        }

        [TestMethod]
        public void RecordIsWrittenFromTheGivenSliceOfTheData()
        {
            FlashRecordStore store = StoreTestData.Mount(StoreTestData.NewFlash());
            byte[] data = StoreTestData.Value(1, 1, 10);

            Assert.IsTrue(store.Write(1, data, 3, 4));

            StoreTestData.AssertRecord(store, 1, new byte[] { data[3], data[4], data[5], data[6] }, "slice");
        }

        [TestMethod]
        public void IdNeverWrittenReadsAsMissing()
        {
            FlashRecordStore store = StoreTestData.Mount(StoreTestData.NewFlash());

            StoreTestData.AssertMissing(store, 5, "blank store");
        }

        [TestMethod]
        public void OverwriteReadsBackTheNewestValue()
        {
            FlashRecordStore store = StoreTestData.Mount(StoreTestData.NewFlash());
            StoreTestData.Write(store, 1, StoreTestData.Value(1, 1, 8));
            StoreTestData.Write(store, 1, StoreTestData.Value(1, 2, 20));
            byte[] newest = StoreTestData.Value(1, 3, 3);

            StoreTestData.Write(store, 1, newest);

            StoreTestData.AssertRecord(store, 1, newest, "after overwrites");
            Assert.AreEqual(1, store.RecordCount);
        }

        [TestMethod]
        public void DeletedRecordReadsAsMissing()
        {
            FlashRecordStore store = StoreTestData.Mount(StoreTestData.NewFlash());
            StoreTestData.Write(store, 1, StoreTestData.Value(1, 1, 8));
            byte[] other = StoreTestData.Value(2, 1, 8);
            StoreTestData.Write(store, 2, other);

            Assert.IsTrue(store.Delete(1));

            StoreTestData.AssertMissing(store, 1, "after delete");
            StoreTestData.AssertRecord(store, 2, other, "other record");
            Assert.AreEqual(1, store.RecordCount);
        }

        [TestMethod]
        public void DeleteOfAnIdNotStoredSucceedsWithoutWriting()
        {
            SimulatedFlash flash = StoreTestData.NewFlash();
            FlashRecordStore store = StoreTestData.Mount(flash);
            long programmed = flash.ProgrammedBytes;

            Assert.IsTrue(store.Delete(9));

            Assert.AreEqual(programmed, flash.ProgrammedBytes);
        }

        [TestMethod]
        public void EmptyRecordIsStoredAndIsNotADeletedOne()
        {
            SimulatedFlash flash = StoreTestData.NewFlash();
            FlashRecordStore store = StoreTestData.Mount(flash);

            Assert.IsTrue(store.Write(1, new byte[0], 0, 0));

            StoreTestData.AssertRecord(store, 1, new byte[0], "before remount");
            StoreTestData.AssertRecord(StoreTestData.Mount(flash), 1, new byte[0], "after remount");
        }

        [TestMethod]
        public void RecordsAndDeletesSurviveARemount()
        {
            SimulatedFlash flash = StoreTestData.NewFlash();
            FlashRecordStore store = StoreTestData.Mount(flash);
            StoreTestData.Write(store, 1, StoreTestData.Value(1, 1, 8));
            StoreTestData.Write(store, 2, StoreTestData.Value(2, 1, 31));
            StoreTestData.Write(store, 1, StoreTestData.Value(1, 2, 32));
            StoreTestData.Write(store, 3, StoreTestData.Value(3, 1, 1));
            Assert.IsTrue(store.Delete(2));

            FlashRecordStore rebooted = StoreTestData.Mount(flash);

            StoreTestData.AssertRecord(rebooted, 1, StoreTestData.Value(1, 2, 32), "after remount");
            StoreTestData.AssertMissing(rebooted, 2, "after remount");
            StoreTestData.AssertRecord(rebooted, 3, StoreTestData.Value(3, 1, 1), "after remount");
            Assert.AreEqual(2, rebooted.RecordCount);
            Assert.AreEqual(store.FreeBytes, rebooted.FreeBytes);
        }

        [TestMethod]
        public void WritesAfterARemountAppendAfterTheExistingLog()
        {
            SimulatedFlash flash = StoreTestData.NewFlash();
            StoreTestData.Write(StoreTestData.Mount(flash), 1, StoreTestData.Value(1, 1, 8));
            StoreTestData.Write(StoreTestData.Mount(flash), 2, StoreTestData.Value(2, 1, 8));

            FlashRecordStore rebooted = StoreTestData.Mount(flash);

            StoreTestData.AssertRecord(rebooted, 1, StoreTestData.Value(1, 1, 8), "first");
            StoreTestData.AssertRecord(rebooted, 2, StoreTestData.Value(2, 1, 8), "second");
            Assert.AreEqual(0L, flash.ReprogrammedBytes);
        }

        [TestMethod]
        public void RecordLongerThanTheMaximumIsRejectedAndTheOldValueKept()
        {
            FlashRecordStore store = StoreTestData.Mount(StoreTestData.NewFlash());
            byte[] value = StoreTestData.Value(1, 1, 8);
            StoreTestData.Write(store, 1, value);

            Assert.IsFalse(store.Write(1, new byte[StoreTestData.MaxRecordLength + 1], 0, StoreTestData.MaxRecordLength + 1));

            StoreTestData.AssertRecord(store, 1, value, "after rejected write");
        }

        [TestMethod]
        public void NewIdBeyondTheRecordCountIsRejectedUntilOneIsDeleted()
        {
            FlashRecordStore store = StoreTestData.Mount(StoreTestData.NewFlash());
            for (int id = 0; id < StoreTestData.MaxRecordCount; id++)
            {
                StoreTestData.Write(store, id, StoreTestData.Value(id, 1, 4));
            }

            byte[] extra = StoreTestData.Value(99, 1, 4);
            Assert.IsFalse(store.Write(99, extra, 0, extra.Length), "one id too many");
            Assert.IsTrue(store.Write(0, extra, 0, extra.Length), "existing ids can still be rewritten");

            Assert.IsTrue(store.Delete(1));

            Assert.IsTrue(store.Write(99, extra, 0, extra.Length), "after a delete");
        }

        [TestMethod]
        public void ConstructorRefusesRecordsThatCannotAllFitOneSector()
        {
            bool refused = false;
            try
            {
                new FlashRecordStore(StoreTestData.NewFlash(), 8, 64);
            }
            catch (ArgumentOutOfRangeException)
            {
                refused = true;
            }

            Assert.IsTrue(refused);
            Assert.IsTrue(FlashRecordStore.RequiredSectorBytes(8, 64) > StoreTestData.SectorSizeBytes);
            Assert.IsTrue(FlashRecordStore.RequiredSectorBytes(StoreTestData.MaxRecordCount, StoreTestData.MaxRecordLength) <= StoreTestData.SectorSizeBytes);
        }

        [TestMethod]
        public void ConstructorRefusesASingleSector()
        {
            bool refused = false;
            try
            {
                new FlashRecordStore(new SimulatedFlash(4096, 1), 4, 16);
            }
            catch (ArgumentException)
            {
                refused = true;
            }

            Assert.IsTrue(refused);
        }

        [TestMethod]
        public void FullSectorIsCompactedIntoTheNextWithTheLiveRecordsOnly()
        {
            SimulatedFlash flash = StoreTestData.NewFlash();
            FlashRecordStore store = StoreTestData.Mount(flash);
            StoreTestData.Write(store, 7, StoreTestData.Value(7, 1, 32));
            StoreTestData.Write(store, 8, StoreTestData.Value(8, 1, 32));
            Assert.IsTrue(store.Delete(8));
            int version = 0;
            while (store.CompactionCount == 0)
            {
                version++;
                StoreTestData.Write(store, 1, StoreTestData.Value(1, version, 20));
            }

            Assert.AreEqual(1, store.ActiveSector);
            Assert.AreEqual(2u, store.Generation);
            StoreTestData.AssertRecord(store, 7, StoreTestData.Value(7, 1, 32), "kept through compaction");
            StoreTestData.AssertRecord(store, 1, StoreTestData.Value(1, version, 20), "written after compaction");
            StoreTestData.AssertMissing(store, 8, "deleted before compaction");
            int expectedUsed = 16 + FlashRecordLayout.EntrySizeBytes(32) + (2 * FlashRecordLayout.EntrySizeBytes(20));
            Assert.AreEqual(StoreTestData.SectorSizeBytes - expectedUsed, store.FreeBytes, "old versions and the tombstone are gone");

            FlashRecordStore rebooted = StoreTestData.Mount(flash);
            Assert.AreEqual(1, rebooted.ActiveSector);
            StoreTestData.AssertMissing(rebooted, 8, "after remount");
            StoreTestData.AssertRecord(rebooted, 7, StoreTestData.Value(7, 1, 32), "after remount");
        }

        [TestMethod]
        public void TenThousandWritesAndDeletesCyclingThroughIdsKeepTheNewestOfEach()
        {
            SimulatedFlash flash = new SimulatedFlash(1024, 4);
            const int maxRecords = 8;
            const int maxLength = 24;
            FlashRecordStore store = new FlashRecordStore(flash, maxRecords, maxLength);
            int[] versions = new int[maxRecords];
            for (int id = 0; id < maxRecords; id++)
            {
                versions[id] = -1;
            }

            int compactions = 0;
            byte[] buffer = new byte[maxLength];
            for (int op = 0; op < 10000; op++)
            {
                int id = (op * 5) % maxRecords;
                if (op % 13 == 0)
                {
                    Assert.IsTrue(store.Delete(id));
                    versions[id] = -1;
                }
                else
                {
                    byte[] value = StoreTestData.Value(id, op, 1 + (op % maxLength));
                    Assert.IsTrue(store.Write(id, value, 0, value.Length), "write " + op.ToString());
                    versions[id] = op;
                    Assert.IsTrue(StoreTestData.Matches(value, buffer, store.Read(id, buffer, 0)), "read back " + op.ToString());
                }

                if (op % 997 == 996)
                {
                    compactions += store.CompactionCount;
                    store = new FlashRecordStore(flash, maxRecords, maxLength);
                    for (int check = 0; check < maxRecords; check++)
                    {
                        int length = store.Read(check, buffer, 0);
                        if (versions[check] < 0)
                        {
                            Assert.AreEqual(-1, length, "deleted " + check.ToString() + " after op " + op.ToString());
                        }
                        else
                        {
                            int version = versions[check];
                            Assert.IsTrue(StoreTestData.Matches(StoreTestData.Value(check, version, 1 + (version % maxLength)), buffer, length), "record " + check.ToString() + " after op " + op.ToString());
                        }
                    }
                }
            }

            compactions += store.CompactionCount;
            Assert.IsTrue(compactions > 100, "compactions: " + compactions.ToString());
            for (int sector = 0; sector < flash.SectorCount; sector++)
            {
                // Round robin: every sector takes its share of the erases.
                Assert.IsTrue(flash.EraseCount(sector) >= (compactions / flash.SectorCount) - 1, "erases of sector " + sector.ToString());
            }

            Assert.AreEqual(0L, flash.ReprogrammedBytes, "no flash word programmed twice");
        }

        [TestMethod]
        public void CorruptedPayloadOfTheNewestVersionFallsBackToThePreviousOneAfterARemount()
        {
            SimulatedFlash flash = StoreTestData.NewFlash();
            FlashRecordStore store = StoreTestData.Mount(flash);
            byte[] previous = StoreTestData.Value(1, 1, 12);
            byte[] newest = StoreTestData.Value(1, 2, 12);
            StoreTestData.Write(store, 1, previous);
            StoreTestData.Write(store, 1, newest);

            flash.FlipBits(flash.Find(newest, 0) + 5, 0x10);

            StoreTestData.AssertRecord(StoreTestData.Mount(flash), 1, previous, "after remount");
        }

        [TestMethod]
        public void CorruptedPayloadIsDetectedWhenReadWithoutARemount()
        {
            SimulatedFlash flash = StoreTestData.NewFlash();
            FlashRecordStore store = StoreTestData.Mount(flash);
            byte[] previous = StoreTestData.Value(1, 1, 12);
            byte[] newest = StoreTestData.Value(1, 2, 12);
            StoreTestData.Write(store, 1, previous);
            StoreTestData.Write(store, 1, newest);

            flash.FlipBits(flash.Find(newest, 0) + 11, 0x01);

            StoreTestData.AssertRecord(store, 1, previous, "read after damage");
        }

        [TestMethod]
        public void CorruptedRecordWithNoPreviousVersionReadsAsMissing()
        {
            SimulatedFlash flash = StoreTestData.NewFlash();
            FlashRecordStore store = StoreTestData.Mount(flash);
            byte[] only = StoreTestData.Value(1, 1, 12);
            StoreTestData.Write(store, 1, only);

            flash.FlipBits(flash.Find(only, 0), 0x80);

            StoreTestData.AssertMissing(store, 1, "live");
            StoreTestData.AssertMissing(StoreTestData.Mount(flash), 1, "after remount");
        }

        [TestMethod]
        public void CorruptedEntryHeaderDoesNotHideTheEntriesAfterIt()
        {
            SimulatedFlash flash = StoreTestData.NewFlash();
            FlashRecordStore store = StoreTestData.Mount(flash);
            byte[] previous = StoreTestData.Value(1, 1, 12);
            byte[] newest = StoreTestData.Value(1, 2, 12);
            byte[] later = StoreTestData.Value(2, 1, 9);
            StoreTestData.Write(store, 1, previous);
            StoreTestData.Write(store, 1, newest);
            StoreTestData.Write(store, 2, later);

            int newestEntry = flash.Find(newest, 0) - FlashRecordLayout.EntryHeaderBytes;
            flash.FlipBits(newestEntry + FlashRecordLayout.EntryLengthOffset, 0x04);

            FlashRecordStore rebooted = StoreTestData.Mount(flash);
            StoreTestData.AssertRecord(rebooted, 1, previous, "record with the damaged header");
            StoreTestData.AssertRecord(rebooted, 2, later, "record written after it");
        }

        [TestMethod]
        public void CorruptedRecordIsNotCarriedIntoACompaction()
        {
            SimulatedFlash flash = StoreTestData.NewFlash();
            FlashRecordStore store = StoreTestData.Mount(flash);
            byte[] previous = StoreTestData.Value(1, 1, 12);
            byte[] newest = StoreTestData.Value(1, 2, 12);
            StoreTestData.Write(store, 1, previous);
            StoreTestData.Write(store, 1, newest);
            flash.FlipBits(flash.Find(newest, 0) + 2, 0x20);

            int version = 0;
            while (store.CompactionCount == 0)
            {
                version++;
                StoreTestData.Write(store, 2, StoreTestData.Value(2, version, 30));
            }

            StoreTestData.AssertRecord(store, 1, previous, "after compaction");
            StoreTestData.AssertRecord(StoreTestData.Mount(flash), 1, previous, "after compaction and remount");
        }

        [TestMethod]
        public void WriteReadAndDeleteAllocateNothingInSteadyState()
        {
#if !NANOFRAMEWORK_1_0
            SimulatedFlash flash = StoreTestData.NewFlash();
            FlashRecordStore store = StoreTestData.Mount(flash);
            byte[][] values = new byte[8][];
            for (int i = 0; i < values.Length; i++)
            {
                values[i] = StoreTestData.Value(i % 3, i, 1 + (i * 4));
            }

            byte[] buffer = new byte[StoreTestData.MaxRecordLength];
            Exercise(store, values, buffer, 50);
            int compactionsBefore = store.CompactionCount;

            long before = GC.GetAllocatedBytesForCurrentThread();
            Exercise(store, values, buffer, 500);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.AreEqual(0L, allocated, "bytes allocated by 500 rounds of write, read and delete");
            Assert.IsTrue(store.CompactionCount > compactionsBefore, "the measured rounds include compactions");
#endif
        }

        private static void Exercise(FlashRecordStore store, byte[][] values, byte[] buffer, int rounds)
        {
            for (int round = 0; round < rounds; round++)
            {
                byte[] value = values[round % values.Length];
                int id = round % 3;
                store.Write(id, value, 0, value.Length);
                store.Read(id, buffer, 0);
                if (round % 5 == 0)
                {
                    store.Delete((round + 1) % 3);
                }
            }
        }
    }
}
