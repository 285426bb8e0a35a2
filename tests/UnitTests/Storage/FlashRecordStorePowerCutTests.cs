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
    /// Power cuts at every byte of a write, a delete, a compaction and a format: after the reboot
    /// each record reads as before or after the interrupted operation, never anything else, and the
    /// store keeps working.
    /// </summary>
    [TestClass]
    public class FlashRecordStorePowerCutTests
    {
        private const int Target = 2;

        [TestMethod]
        public void PowerCutAtEveryByteOfAnOverwriteLeavesTheOldOrTheNewValue()
        {
            SimulatedFlash flash = StoreTestData.NewFlash();
            FlashRecordStore store = StoreTestData.Mount(flash);
            StoreTestData.Write(store, 1, StoreTestData.Value(1, 1, 9));
            byte[] oldValue = StoreTestData.Value(Target, 1, 20);
            StoreTestData.Write(store, Target, oldValue);
            StoreTestData.Write(store, 3, StoreTestData.Value(3, 1, 32));

            CutAtEveryByte(flash, false, StoreTestData.Value(Target, 2, 27), oldValue);
        }

        [TestMethod]
        public void CommitWordReadsCommittedOnlyOnceTheWholeEntryIsInFlash()
        {
            // The CRC alone would also reject most torn entries; this checks the ordering that makes
            // the store independent of a 1 in 2^32 CRC match.
            SimulatedFlash flash = StoreTestData.NewFlash();
            FlashRecordStore store = StoreTestData.Mount(flash);
            StoreTestData.Write(store, Target, StoreTestData.Value(Target, 1, 20));
            byte[] image = new byte[flash.SizeBytes];
            flash.CopyImageTo(image);
            byte[] newValue = StoreTestData.Value(Target, 2, 27);
            int entrySize = FlashRecordLayout.EntrySizeBytes(newValue.Length);
            byte[] entry = new byte[entrySize];
            bool completed = false;
            for (int n = 0; !completed; n++)
            {
                flash.LoadImage(image);
                store = StoreTestData.Mount(flash);
                int address = ((store.ActiveSector + 1) * StoreTestData.SectorSizeBytes) - store.FreeBytes;
                flash.CutPowerAfterBytes(n);
                try
                {
                    StoreTestData.Write(store, Target, newValue);
                    completed = true;
                }
                catch (SimulatedPowerCutException)
                {
                }

                flash.Read(address, entry, 0, entrySize);
                bool committed = FlashRecordLayout.ReadUInt32(entry, entrySize - FlashRecordLayout.CommitMarkerBytes) == FlashRecordLayout.CommittedMarker;
                bool payloadWhole = true;
                for (int i = 0; i < newValue.Length; i++)
                {
                    payloadWhole &= entry[FlashRecordLayout.EntryHeaderBytes + i] == newValue[i];
                }

                Assert.AreEqual(completed, committed, "commit word after " + n.ToString() + " bytes");
                Assert.IsTrue(!committed || payloadWhole, "committed before the payload was whole, after " + n.ToString() + " bytes");
            }
        }

        [TestMethod]
        public void PowerCutAtEveryByteOfAFirstWriteLeavesNothingOrTheNewValue()
        {
            SimulatedFlash flash = StoreTestData.NewFlash();
            FlashRecordStore store = StoreTestData.Mount(flash);
            StoreTestData.Write(store, 1, StoreTestData.Value(1, 1, 9));

            CutAtEveryByte(flash, false, StoreTestData.Value(Target, 2, 32), null);
        }

        [TestMethod]
        public void PowerCutAtEveryByteOfADeleteLeavesTheRecordOrNothing()
        {
            SimulatedFlash flash = StoreTestData.NewFlash();
            FlashRecordStore store = StoreTestData.Mount(flash);
            StoreTestData.Write(store, 1, StoreTestData.Value(1, 1, 9));
            byte[] oldValue = StoreTestData.Value(Target, 1, 17);
            StoreTestData.Write(store, Target, oldValue);

            CutAtEveryByte(flash, true, null, oldValue);
        }

        [TestMethod]
        public void PowerCutAtEveryByteOfAWriteThatCompactsLeavesTheOldOrTheNewValue()
        {
            SimulatedFlash flash = StoreTestData.NewFlash();
            FlashRecordStore store = StoreTestData.Mount(flash);
            StoreTestData.Write(store, 1, StoreTestData.Value(1, 1, 9));
            StoreTestData.Write(store, 3, StoreTestData.Value(3, 1, 32));
            StoreTestData.Write(store, 4, StoreTestData.Value(4, 1, 1));
            byte[] newValue = StoreTestData.Value(Target, 99, 30);
            int version = 0;
            byte[] oldValue = null;
            while (store.FreeBytes >= FlashRecordLayout.EntrySizeBytes(newValue.Length))
            {
                version++;
                oldValue = StoreTestData.Value(Target, version, StoreTestData.LengthOf(version));
                StoreTestData.Write(store, Target, oldValue);
            }

            Assert.AreEqual(0, store.CompactionCount, "set-up must leave the compaction to the write under test");
            int cuts = CutAtEveryByte(flash, false, newValue, oldValue);

            Assert.IsTrue(cuts > StoreTestData.SectorSizeBytes, "cuts cover the erase, the copy and the write: " + cuts.ToString());
        }

        [TestMethod]
        public void PowerCutDuringTheEraseOfTheSpareSectorKeepsTheActiveOne()
        {
            SimulatedFlash flash = StoreTestData.NewFlash();
            FlashRecordStore store = StoreTestData.Mount(flash);
            byte[] kept = StoreTestData.Value(1, 1, 32);
            StoreTestData.Write(store, 1, kept);
            int version = 0;
            while (store.FreeBytes >= FlashRecordLayout.EntrySizeBytes(32))
            {
                version++;
                StoreTestData.Write(store, Target, StoreTestData.Value(Target, version, 32));
            }

            flash.CutPowerAfterBytes(StoreTestData.SectorSizeBytes / 2);
            bool cut = false;
            try
            {
                store.Write(Target, StoreTestData.Value(Target, 100, 32), 0, 32);
            }
            catch (SimulatedPowerCutException)
            {
                cut = true;
            }

            Assert.IsTrue(cut);
            FlashRecordStore rebooted = StoreTestData.Mount(flash);
            Assert.AreEqual(0, rebooted.ActiveSector, "the half-erased spare is not taken for the store");
            StoreTestData.AssertRecord(rebooted, 1, kept, "after the cut");
            StoreTestData.AssertRecord(rebooted, Target, StoreTestData.Value(Target, version, 32), "after the cut");
            StoreTestData.Write(rebooted, Target, StoreTestData.Value(Target, 101, 32));
            Assert.AreEqual(1, rebooted.ActiveSector, "the next write compacts into the spare after all");
            StoreTestData.AssertRecord(StoreTestData.Mount(flash), Target, StoreTestData.Value(Target, 101, 32), "after the compaction");
        }

        [TestMethod]
        public void PowerCutAtEveryByteOfTheFirstFormatLeavesAnEmptyUsableStore()
        {
            SimulatedFlash flash = StoreTestData.NewFlash();
            bool completed = false;
            for (int n = 0; !completed; n++)
            {
                // Each round starts from flash left by an interrupted format, not from blank flash.
                flash.CutPowerAfterBytes(n);
                try
                {
                    StoreTestData.Mount(flash);
                    completed = true;
                    flash.CancelPowerCut();
                }
                catch (SimulatedPowerCutException)
                {
                }

                if (!completed)
                {
                    FlashRecordStore rebooted = StoreTestData.Mount(flash);
                    Assert.AreEqual(0, rebooted.RecordCount, "cut after " + n.ToString());
                    byte[] value = StoreTestData.Value(1, n, 7);
                    StoreTestData.Write(rebooted, 1, value);
                    StoreTestData.AssertRecord(StoreTestData.Mount(flash), 1, value, "cut after " + n.ToString());

                    // Back to blank for the next cut.
                    for (int sector = 0; sector < flash.SectorCount; sector++)
                    {
                        flash.EraseSector(sector);
                    }
                }
            }
        }

        [TestMethod]
        public void RandomPowerCutsOverManyOperationsNeverLoseACommittedRecord()
        {
            SimulatedFlash flash = StoreTestData.NewFlash();
            FlashRecordStore store = StoreTestData.Mount(flash);
            const int ids = StoreTestData.MaxRecordCount + 1;
            int[] versions = new int[ids];
            for (int id = 0; id < ids; id++)
            {
                versions[id] = -1;
            }

            uint random = 12345;
            int cuts = 0;
            for (int op = 0; op < 3000; op++)
            {
                random = (random * 1664525) + 1013904223;
                int id = (int)((random >> 8) % ids);
                bool delete = ((random >> 4) & 7) == 0;
                random = (random * 1664525) + 1013904223;
                int budget = ((random >> 28) == 0) ? (int)((random >> 8) % 900) : (int)((random >> 8) % 120);
                byte[] value = StoreTestData.Value(id, op, StoreTestData.LengthOf(op));

                flash.CutPowerAfterBytes(budget);
                bool cut = false;
                bool accepted = true;
                try
                {
                    accepted = delete ? store.Delete(id) : store.Write(id, value, 0, value.Length);
                }
                catch (SimulatedPowerCutException)
                {
                    cut = true;
                }

                flash.CancelPowerCut();
                if (!cut)
                {
                    if (!accepted)
                    {
                        Assert.IsTrue(versions[id] < 0 && store.RecordCount == StoreTestData.MaxRecordCount, "refused only when full, op " + op.ToString());
                    }
                    else
                    {
                        versions[id] = delete ? -1 : op;
                    }

                    continue;
                }

                cuts++;
                store = StoreTestData.Mount(flash);
                byte[] buffer = new byte[StoreTestData.MaxRecordLength];
                int length = store.Read(id, buffer, 0);
                bool isOld = versions[id] < 0 ? length == -1 : StoreTestData.Matches(Expected(id, versions[id]), buffer, length);
                bool isNew = delete ? length == -1 : StoreTestData.Matches(value, buffer, length);
                Assert.IsTrue(isOld || isNew, "record " + id.ToString() + " after a cut " + budget.ToString() + " bytes into op " + op.ToString());
                if (!isOld)
                {
                    versions[id] = delete ? -1 : op;
                }

                for (int other = 0; other < ids; other++)
                {
                    if (versions[other] < 0)
                    {
                        StoreTestData.AssertMissing(store, other, "op " + op.ToString());
                    }
                    else
                    {
                        StoreTestData.AssertRecord(store, other, Expected(other, versions[other]), "op " + op.ToString());
                    }
                }
            }

            Assert.IsTrue(cuts > 1000, "power cuts: " + cuts.ToString());
            Assert.AreEqual(0L, flash.ReprogrammedBytes, "no flash word programmed twice");
        }

        private static byte[] Expected(int id, int version)
        {
            return StoreTestData.Value(id, version, StoreTestData.LengthOf(version));
        }

        /// <summary>
        /// Runs the operation on the flash as it is now once per byte it programs or erases, cutting
        /// the power after 0, 1, 2, ... bytes, until it completes. After each cut: reboot, the target
        /// record is the old or the new value, the other records are untouched, and the store still
        /// takes a write that survives another reboot. Returns the number of cuts.
        /// </summary>
        private static int CutAtEveryByte(SimulatedFlash flash, bool delete, byte[] newValue, byte[] oldValue)
        {
            byte[] image = new byte[flash.SizeBytes];
            flash.CopyImageTo(image);
            FlashRecordStore before = StoreTestData.Mount(flash);
            int[] otherIds = new int[] { 1, 3, 4 };
            byte[][] otherValues = new byte[otherIds.Length][];
            byte[] buffer = new byte[StoreTestData.MaxRecordLength];
            for (int i = 0; i < otherIds.Length; i++)
            {
                int length = before.Read(otherIds[i], buffer, 0);
                if (length >= 0)
                {
                    otherValues[i] = new byte[length];
                    for (int b = 0; b < length; b++)
                    {
                        otherValues[i][b] = buffer[b];
                    }
                }
            }

            int cuts = 0;
            int sawOld = 0;
            bool completed = false;
            for (int n = 0; !completed; n++)
            {
                flash.LoadImage(image);
                FlashRecordStore store = StoreTestData.Mount(flash);
                flash.CutPowerAfterBytes(n);
                try
                {
                    bool accepted = delete ? store.Delete(Target) : store.Write(Target, newValue, 0, newValue.Length);
                    Assert.IsTrue(accepted);
                    completed = true;
                    flash.CancelPowerCut();
                }
                catch (SimulatedPowerCutException)
                {
                    cuts++;
                }

                string what = "cut after " + n.ToString() + " bytes";
                FlashRecordStore rebooted = StoreTestData.Mount(flash);
                int length = rebooted.Read(Target, buffer, 0);
                bool isOld = oldValue == null ? length == -1 : StoreTestData.Matches(oldValue, buffer, length);
                bool isNew = newValue == null ? length == -1 : StoreTestData.Matches(newValue, buffer, length);
                Assert.IsTrue(isOld || isNew, what + ": neither the old nor the new value, length " + length.ToString());
                Assert.IsTrue(!completed || isNew, what + ": the completed operation is visible");
                if (isOld)
                {
                    sawOld++;
                }

                for (int i = 0; i < otherIds.Length; i++)
                {
                    if (otherValues[i] == null)
                    {
                        StoreTestData.AssertMissing(rebooted, otherIds[i], what);
                    }
                    else
                    {
                        StoreTestData.AssertRecord(rebooted, otherIds[i], otherValues[i], what);
                    }
                }

                // Still working: a write after the reboot lands and survives another one.
                byte[] after = StoreTestData.Value(Target, 1000 + n, StoreTestData.LengthOf(n));
                StoreTestData.Write(rebooted, Target, after);
                FlashRecordStore again = StoreTestData.Mount(flash);
                StoreTestData.AssertRecord(again, Target, after, what + ", then rewritten");
                for (int i = 0; i < otherIds.Length; i++)
                {
                    if (otherValues[i] != null)
                    {
                        StoreTestData.AssertRecord(again, otherIds[i], otherValues[i], what + ", then rewritten");
                    }
                }
            }

            Assert.IsTrue(sawOld > 0, "some cuts come before the commit word");
            return cuts;
        }
    }
}
