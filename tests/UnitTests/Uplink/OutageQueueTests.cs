#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Firmware.Uplink.StoreAndForward;
using V2G.Sim.Plant.Storage;

namespace V2G.UnitTests.Uplink
{
    /// <summary>
    /// The outage queue: replay order over the classes, the eviction policy and its counters, sent
    /// markers across reboots, power cuts at every byte, the stated capacity, no allocation.
    /// </summary>
    [TestClass]
    public class OutageQueueTests
    {
        // Small sectors (1 KiB, which holds a record of MaxPayloadBytes) so a loop over every byte of an
        // erase stays short.
        private const int SmallSectorBytes = 1024;
        private const int SmallSectorCount = 4;
        private const int SmallPayloadBytes = 40;

        private static readonly string ClassLetters = "TEM";

        private static SimulatedFlash NewSmallFlash()
        {
            return new SimulatedFlash(SmallSectorBytes, SmallSectorCount);
        }

        // A payload that names its record ("T17|") and fills the rest with bytes derived from the
        // name, so a record damaged or mixed with another never decodes.
        private static byte[] Payload(UplinkRecordClass cls, int n, int length)
        {
            string name = ClassLetters[(int)cls].ToString() + n.ToString() + "|";
            byte[] payload = new byte[length];
            for (int i = 0; i < length; i++)
            {
                payload[i] = i < name.Length ? (byte)name[i] : Filler(cls, n, i);
            }

            return payload;
        }

        private static byte Filler(UplinkRecordClass cls, int n, int i)
        {
            return (byte)(32 + ((((int)cls * 31) + (n * 7) + (i * 13)) % 90));
        }

        private static void Put(OutageQueue queue, UplinkRecordClass cls, int n, int length)
        {
            byte[] payload = Payload(cls, n, length);
            Assert.IsTrue(queue.Enqueue(cls, payload, 0, payload.Length), "enqueue " + ClassLetters[(int)cls].ToString() + n.ToString());
        }

        // Checks a record's bytes against its name and returns the name ("T17").
        private static string Decode(byte[] buffer, int length, UplinkRecordClass cls)
        {
            int bar = 0;
            while (bar < length && buffer[bar] != (byte)'|')
            {
                bar++;
            }

            Assert.IsTrue(bar > 1 && bar < length, "record has a name");
            Assert.AreEqual((byte)ClassLetters[(int)cls], buffer[0], "class letter matches the class");
            int n = 0;
            for (int i = 1; i < bar; i++)
            {
                n = (n * 10) + (buffer[i] - (byte)'0');
            }

            for (int i = bar + 1; i < length; i++)
            {
                Assert.AreEqual(Filler(cls, n, i), buffer[i], "byte " + i.ToString() + " of record " + n.ToString());
            }

            return ClassLetters[(int)cls].ToString() + n.ToString();
        }

        // Replays the whole queue: the record names in replay order, space-separated.
        private static string Drain(OutageQueue queue)
        {
            byte[] buffer = new byte[OutageQueue.MaxPayloadBytes];
            string order = string.Empty;
            int length;
            UplinkRecordClass cls;
            while (queue.Peek(buffer, out length, out cls))
            {
                order += Decode(buffer, length, cls) + " ";
                queue.MarkSent();
            }

            return order;
        }

        // The names in replay order, without marking anything sent (the queue is left as it was).
        private static string Contents(SimulatedFlash flash)
        {
            byte[] image = new byte[flash.SizeBytes];
            flash.CopyImageTo(image);
            string order = Drain(new OutageQueue(flash));
            flash.LoadImage(image);
            return order;
        }

        [TestMethod]
        public void EmptyQueuePeeksNothing()
        {
            OutageQueue queue = new OutageQueue(NewSmallFlash());
            byte[] buffer = new byte[OutageQueue.MaxPayloadBytes];
            int length;
            UplinkRecordClass cls;

            Assert.IsFalse(queue.Peek(buffer, out length, out cls));
            Assert.AreEqual(0, queue.Count);
            Assert.AreEqual(SmallSectorCount, queue.FreeSectors);
            queue.MarkSent();
        }

        [TestMethod]
        public void RecordsReplayInEnqueueOrderOverAllClasses()
        {
            OutageQueue queue = new OutageQueue(NewSmallFlash());
            Put(queue, UplinkRecordClass.Telemetry, 1, 30);
            Put(queue, UplinkRecordClass.Meter, 1, 250);
            Put(queue, UplinkRecordClass.Event, 1, 7);
            Put(queue, UplinkRecordClass.Telemetry, 2, 300);
            Put(queue, UplinkRecordClass.Event, 2, 512);
            Put(queue, UplinkRecordClass.Telemetry, 3, 5);
            Put(queue, UplinkRecordClass.Meter, 2, 41);

            Assert.AreEqual(7, queue.Count);
            Assert.AreEqual(3, queue.CountOf(UplinkRecordClass.Telemetry));
            Assert.AreEqual(2, queue.CountOf(UplinkRecordClass.Event));
            Assert.AreEqual(2, queue.CountOf(UplinkRecordClass.Meter));
            Assert.AreEqual("T1 M1 E1 T2 E2 T3 M2 ", Drain(queue));
            Assert.AreEqual(0, queue.Count);
            Assert.AreEqual(7L, queue.Enqueued);
            Assert.AreEqual(7L, queue.Replayed);
        }

        [TestMethod]
        public void PeekAgainBeforeMarkSentReturnsTheSameRecord()
        {
            OutageQueue queue = new OutageQueue(NewSmallFlash());
            Put(queue, UplinkRecordClass.Event, 1, 20);
            Put(queue, UplinkRecordClass.Event, 2, 20);
            byte[] buffer = new byte[OutageQueue.MaxPayloadBytes];
            int length;
            UplinkRecordClass cls;

            Assert.IsTrue(queue.Peek(buffer, out length, out cls));
            Assert.AreEqual("E1", Decode(buffer, length, cls));
            Assert.IsTrue(queue.Peek(buffer, out length, out cls));
            Assert.AreEqual("E1", Decode(buffer, length, cls), "a failed publish is retried with the same record");
            queue.MarkSent();
            queue.MarkSent();
            Assert.AreEqual(1, queue.Count, "a second MarkSent without a Peek marks nothing");
            Assert.AreEqual("E2 ", Drain(queue));
        }

        [TestMethod]
        public void RecordEnqueuedBetweenPeekAndMarkSentIsKept()
        {
            OutageQueue queue = new OutageQueue(NewSmallFlash());
            Put(queue, UplinkRecordClass.Telemetry, 1, 20);
            byte[] buffer = new byte[OutageQueue.MaxPayloadBytes];
            int length;
            UplinkRecordClass cls;

            Assert.IsTrue(queue.Peek(buffer, out length, out cls));
            Put(queue, UplinkRecordClass.Telemetry, 2, 20);
            queue.MarkSent();

            Assert.AreEqual("T2 ", Drain(queue));
        }

        [TestMethod]
        public void SentMarkersSurviveAReboot()
        {
            SimulatedFlash flash = NewSmallFlash();
            OutageQueue queue = new OutageQueue(flash);
            for (int n = 1; n <= 10; n++)
            {
                Put(queue, n % 3 == 0 ? UplinkRecordClass.Meter : UplinkRecordClass.Telemetry, n, SmallPayloadBytes);
            }

            byte[] buffer = new byte[OutageQueue.MaxPayloadBytes];
            int length;
            UplinkRecordClass cls;
            for (int i = 0; i < 4; i++)
            {
                Assert.IsTrue(queue.Peek(buffer, out length, out cls));
                queue.MarkSent();
            }

            OutageQueue rebooted = new OutageQueue(flash);
            Assert.AreEqual(6, rebooted.Count);
            Assert.AreEqual(4, rebooted.CountOf(UplinkRecordClass.Telemetry));
            Assert.AreEqual(2, rebooted.CountOf(UplinkRecordClass.Meter));
            Put(rebooted, UplinkRecordClass.Event, 11, SmallPayloadBytes);
            Put(rebooted, UplinkRecordClass.Telemetry, 12, SmallPayloadBytes);
            Assert.AreEqual("T5 M6 T7 T8 M9 T10 E11 T12 ", Drain(rebooted), "replay resumes after the last record delivered, new records after the old");
            Assert.AreEqual(0L, flash.ReprogrammedBytes, "every word programmed at most once (flash with per-word ECC)");
        }

        [TestMethod]
        public void FullyDeliveredSectorIsErasedAndReturnedToThePool()
        {
            SimulatedFlash flash = NewSmallFlash();
            OutageQueue queue = new OutageQueue(flash);
            int perSector = OutageQueue.RecordsFitting(SmallSectorBytes, 1, SmallPayloadBytes);
            for (int n = 1; n <= perSector + 1; n++)
            {
                Put(queue, UplinkRecordClass.Telemetry, n, SmallPayloadBytes);
            }

            Assert.AreEqual(SmallSectorCount - 2, queue.FreeSectors, "one record more than a sector holds takes two");
            byte[] buffer = new byte[OutageQueue.MaxPayloadBytes];
            int length;
            UplinkRecordClass cls;
            for (int n = 1; n <= perSector; n++)
            {
                Assert.IsTrue(queue.Peek(buffer, out length, out cls));
                queue.MarkSent();
            }

            Assert.AreEqual(SmallSectorCount - 1, queue.FreeSectors);
            int erased = 0;
            for (int s = 0; s < SmallSectorCount; s++)
            {
                erased += flash.EraseCount(s);
            }

            Assert.AreEqual(3, erased, "two erased before use, the delivered one erased once");
            Assert.AreEqual("T" + (perSector + 1).ToString() + " ", Contents(flash), "the erase survives a reboot");
        }

        [TestMethod]
        public void FullPoolEvictsTheOldestTelemetrySectorFirst()
        {
            OutageQueue queue = new OutageQueue(NewSmallFlash());
            int perSector = OutageQueue.RecordsFitting(SmallSectorBytes, 1, SmallPayloadBytes);
            int n = 0;

            // Two sectors of telemetry, one of events, one of meter records: the pool is full.
            for (int i = 0; i < 2 * perSector; i++)
            {
                Put(queue, UplinkRecordClass.Telemetry, ++n, SmallPayloadBytes);
            }

            for (int i = 0; i < perSector; i++)
            {
                Put(queue, UplinkRecordClass.Event, ++n, SmallPayloadBytes);
            }

            for (int i = 0; i < perSector; i++)
            {
                Put(queue, UplinkRecordClass.Meter, ++n, SmallPayloadBytes);
            }

            Assert.AreEqual(0, queue.FreeSectors);
            Assert.AreEqual(0L, queue.DroppedOf(UplinkRecordClass.Telemetry));

            // A meter record needs a sector: the oldest telemetry sector goes.
            Put(queue, UplinkRecordClass.Meter, ++n, SmallPayloadBytes);
            Assert.AreEqual((long)perSector, queue.DroppedOf(UplinkRecordClass.Telemetry));
            Assert.AreEqual(perSector, queue.CountOf(UplinkRecordClass.Telemetry));

            // Events fill a second sector: the other telemetry sector goes.
            for (int i = 0; i < perSector; i++)
            {
                Put(queue, UplinkRecordClass.Event, ++n, SmallPayloadBytes);
            }

            Assert.AreEqual((long)(2 * perSector), queue.DroppedOf(UplinkRecordClass.Telemetry));
            Assert.AreEqual(0, queue.CountOf(UplinkRecordClass.Telemetry));
            Assert.AreEqual(0L, queue.DroppedOf(UplinkRecordClass.Event));

            // Meter records fill their sector and need another: no telemetry left, so the oldest events go.
            for (int i = 0; i < perSector; i++)
            {
                Put(queue, UplinkRecordClass.Meter, ++n, SmallPayloadBytes);
            }

            Assert.AreEqual((long)perSector, queue.DroppedOf(UplinkRecordClass.Event));
            Assert.AreEqual(0L, queue.DroppedOf(UplinkRecordClass.Meter));
            Assert.AreEqual(perSector, queue.CountOf(UplinkRecordClass.Event), "the newer event sector survives");
            Assert.AreEqual(perSector + 1 + perSector, queue.CountOf(UplinkRecordClass.Meter));
            Assert.AreEqual(queue.CountOf(UplinkRecordClass.Event) + queue.CountOf(UplinkRecordClass.Meter), queue.Count);
        }

        [TestMethod]
        public void TelemetryNeverPushesOutMeterRecords()
        {
            OutageQueue queue = new OutageQueue(NewSmallFlash());
            int perSector = OutageQueue.RecordsFitting(SmallSectorBytes, 1, SmallPayloadBytes);
            for (int n = 1; n <= SmallSectorCount * perSector; n++)
            {
                Put(queue, UplinkRecordClass.Meter, n, SmallPayloadBytes);
            }

            byte[] payload = Payload(UplinkRecordClass.Telemetry, 1, SmallPayloadBytes);
            Assert.IsFalse(queue.Enqueue(UplinkRecordClass.Telemetry, payload, 0, payload.Length));
            Assert.IsFalse(queue.Enqueue(UplinkRecordClass.Event, payload, 0, payload.Length));
            Assert.AreEqual(1L, queue.DroppedOf(UplinkRecordClass.Telemetry));
            Assert.AreEqual(1L, queue.DroppedOf(UplinkRecordClass.Event));
            Assert.AreEqual(SmallSectorCount * perSector, queue.CountOf(UplinkRecordClass.Meter));
            Assert.AreEqual(0L, queue.DroppedOf(UplinkRecordClass.Meter));

            // Meter records themselves wrap around: the oldest meter sector goes.
            Put(queue, UplinkRecordClass.Meter, 1000, SmallPayloadBytes);
            Assert.AreEqual((long)perSector, queue.DroppedOf(UplinkRecordClass.Meter));
        }

        [TestMethod]
        public void TelemetryAloneWrapsAroundKeepingTheNewest()
        {
            OutageQueue queue = new OutageQueue(NewSmallFlash());
            int capacity = OutageQueue.RecordsFitting(SmallSectorBytes, SmallSectorCount, SmallPayloadBytes);
            int perSector = capacity / SmallSectorCount;
            int total = (3 * capacity) + 5;
            for (int n = 1; n <= total; n++)
            {
                Put(queue, UplinkRecordClass.Telemetry, n, SmallPayloadBytes);
            }

            Assert.AreEqual(total, queue.Count + (int)queue.DroppedOf(UplinkRecordClass.Telemetry), "every record is either held or counted as dropped");
            Assert.IsTrue(queue.Count > capacity - perSector, "at most one sector's worth below capacity");
            int held = queue.Count;
            string order = Drain(queue);
            string expected = string.Empty;
            for (int n = total - held + 1; n <= total; n++)
            {
                expected += "T" + n.ToString() + " ";
            }

            Assert.AreEqual(expected, order, "the newest records, contiguous");
        }

        [TestMethod]
        public void EvictionAfterARebootStillTakesTheOldestSector()
        {
            SimulatedFlash flash = NewSmallFlash();
            OutageQueue queue = new OutageQueue(flash);
            int perSector = OutageQueue.RecordsFitting(SmallSectorBytes, 1, SmallPayloadBytes);
            int total = SmallSectorCount * perSector;
            for (int n = 1; n <= total; n++)
            {
                Put(queue, UplinkRecordClass.Telemetry, n, SmallPayloadBytes);
                if (n % perSector == 0)
                {
                    // A reboot after every sector: the sector order comes from flash alone.
                    queue = new OutageQueue(flash);
                }
            }

            Put(queue, UplinkRecordClass.Telemetry, total + 1, SmallPayloadBytes);

            Assert.AreEqual((long)perSector, queue.DroppedOf(UplinkRecordClass.Telemetry));
            string expected = string.Empty;
            for (int n = perSector + 1; n <= total + 1; n++)
            {
                expected += "T" + n.ToString() + " ";
            }

            Assert.AreEqual(expected, Contents(flash));
        }

        [TestMethod]
        public void RecordPeekedButNotMarkedIsReplayedAgainAfterAReboot()
        {
            SimulatedFlash flash = NewSmallFlash();
            OutageQueue queue = new OutageQueue(flash);
            Put(queue, UplinkRecordClass.Meter, 1, SmallPayloadBytes);
            Put(queue, UplinkRecordClass.Meter, 2, SmallPayloadBytes);
            byte[] buffer = new byte[OutageQueue.MaxPayloadBytes];
            int length;
            UplinkRecordClass cls;
            Assert.IsTrue(queue.Peek(buffer, out length, out cls));

            Assert.AreEqual("M1 M2 ", Drain(new OutageQueue(flash)), "no acknowledgement, no sent marker");
        }

        [TestMethod]
        public void SectorWithADamagedHeaderIsDroppedOthersKept()
        {
            SimulatedFlash flash = NewSmallFlash();
            OutageQueue queue = new OutageQueue(flash);
            Put(queue, UplinkRecordClass.Telemetry, 1, SmallPayloadBytes);
            Put(queue, UplinkRecordClass.Meter, 2, SmallPayloadBytes);
            Put(queue, UplinkRecordClass.Telemetry, 3, SmallPayloadBytes);
            int address = flash.Find(Payload(UplinkRecordClass.Telemetry, 1, SmallPayloadBytes), 0);
            int sectorStart = (address / SmallSectorBytes) * SmallSectorBytes;
            flash.FlipBits(sectorStart + 5, 0x10);

            Assert.AreEqual("M2 ", Contents(flash));
        }

        [TestMethod]
        public void OversizedRecordIsRefusedAndCounted()
        {
            OutageQueue queue = new OutageQueue(NewSmallFlash());
            byte[] payload = new byte[OutageQueue.MaxPayloadBytes + 1];

            Assert.IsFalse(queue.Enqueue(UplinkRecordClass.Event, payload, 0, payload.Length));
            Assert.AreEqual(1L, queue.DroppedOf(UplinkRecordClass.Event));
            Assert.AreEqual(0, queue.Count);
        }

        [TestMethod]
        public void RecordDamagedInFlashIsSkippedNotReplayed()
        {
            SimulatedFlash flash = NewSmallFlash();
            OutageQueue queue = new OutageQueue(flash);
            Put(queue, UplinkRecordClass.Event, 1, SmallPayloadBytes);
            Put(queue, UplinkRecordClass.Event, 2, SmallPayloadBytes);
            Put(queue, UplinkRecordClass.Event, 3, SmallPayloadBytes);
            byte[] name = Payload(UplinkRecordClass.Event, 2, SmallPayloadBytes);
            int address = flash.Find(name, 0);
            Assert.IsTrue(address >= 0);
            flash.FlipBits(address + 10, 0x04);

            Assert.AreEqual("E1 E3 ", Drain(queue));
            Assert.AreEqual(1L, queue.Discarded);
            Assert.AreEqual(string.Empty, Contents(flash), "nothing left after a reboot");
        }

        [TestMethod]
        public void StatedCapacityOfOneMebibyteInFourKibibyteSectors()
        {
            // 256 sectors of 4096 bytes, 20-byte sector header, 28 bytes per record + payload padded to 4.
            Assert.AreEqual(3072, OutageQueue.RecordsFitting(4096, 256, 300), "telemetry: 12 of 328 bytes per sector");
            Assert.AreEqual(4352, OutageQueue.RecordsFitting(4096, 256, 200), "events: 17 of 228 bytes per sector");
            Assert.AreEqual(3584, OutageQueue.RecordsFitting(4096, 256, 250), "meter: 14 of 280 bytes per sector");
        }

        [TestMethod]
        public void QueueHoldsExactlyTheStatedCapacityBeforeTheFirstDrop()
        {
            SimulatedFlash flash = new SimulatedFlash(4096, 16);
            OutageQueue queue = new OutageQueue(flash);
            int capacity = OutageQueue.RecordsFitting(4096, 16, 300);
            for (int n = 1; n <= capacity; n++)
            {
                Put(queue, UplinkRecordClass.Telemetry, n, 300);
            }

            Assert.AreEqual(capacity, queue.Count);
            Assert.AreEqual(0L, queue.DroppedOf(UplinkRecordClass.Telemetry));
            Put(queue, UplinkRecordClass.Telemetry, capacity + 1, 300);
            Assert.AreEqual(capacity / 16, (int)queue.DroppedOf(UplinkRecordClass.Telemetry), "the next record evicts one sector");
            Assert.AreEqual(capacity - (capacity / 16) + 1, queue.Count);
            Assert.AreEqual(queue.Count, new OutageQueue(flash).Count, "the same after a reboot");
        }

        [TestMethod]
        public void PowerCutAtEveryByteOfAnAppendLeavesTheQueueWithOrWithoutTheRecord()
        {
            SimulatedFlash flash = NewSmallFlash();
            OutageQueue queue = new OutageQueue(flash);
            Put(queue, UplinkRecordClass.Telemetry, 1, SmallPayloadBytes);
            Put(queue, UplinkRecordClass.Meter, 2, SmallPayloadBytes);
            Put(queue, UplinkRecordClass.Telemetry, 3, 33);

            CutAtEveryByte(flash, UplinkRecordClass.Telemetry, 4, 37, "T1 M2 T3 ", "T1 M2 T3 ", "T1 M2 T3 T4 ");
        }

        [TestMethod]
        public void PowerCutAtEveryByteOfAnAppendThatOpensASectorAfterAReboot()
        {
            // After a reboot no free sector is known to be erased: the append erases one first.
            SimulatedFlash flash = NewSmallFlash();
            OutageQueue queue = new OutageQueue(flash);
            Put(queue, UplinkRecordClass.Meter, 1, SmallPayloadBytes);

            CutAtEveryByte(flash, UplinkRecordClass.Event, 2, SmallPayloadBytes, "M1 ", "M1 ", "M1 E2 ");
        }

        [TestMethod]
        public void PowerCutAtEveryByteOfAnAppendThatEvictsASector()
        {
            SimulatedFlash flash = NewSmallFlash();
            OutageQueue queue = new OutageQueue(flash);
            int perSector = OutageQueue.RecordsFitting(SmallSectorBytes, 1, SmallPayloadBytes);
            string all = string.Empty;
            string withoutOldest = string.Empty;
            for (int n = 1; n <= SmallSectorCount * perSector; n++)
            {
                UplinkRecordClass cls = n <= perSector ? UplinkRecordClass.Telemetry : UplinkRecordClass.Meter;
                Put(queue, cls, n, SmallPayloadBytes);
                all += ClassLetters[(int)cls].ToString() + n.ToString() + " ";
                if (n > perSector)
                {
                    withoutOldest += ClassLetters[(int)cls].ToString() + n.ToString() + " ";
                }
            }

            Assert.AreEqual(0, queue.FreeSectors);
            CutAtEveryByte(flash, UplinkRecordClass.Event, 999, SmallPayloadBytes, all, withoutOldest, withoutOldest + "E999 ");
        }

        [TestMethod]
        public void PowerCutAtEveryByteOfMarkSentLosesNothingAndDuplicatesAtMostTheSameRecord()
        {
            SimulatedFlash flash = NewSmallFlash();
            OutageQueue queue = new OutageQueue(flash);

            // The last record of its sector: marking it sent also erases the sector.
            int perSector = OutageQueue.RecordsFitting(SmallSectorBytes, 1, SmallPayloadBytes);
            for (int n = 1; n <= perSector; n++)
            {
                Put(queue, UplinkRecordClass.Event, n, SmallPayloadBytes);
            }

            Put(queue, UplinkRecordClass.Meter, 100, SmallPayloadBytes);
            byte[] buffer = new byte[OutageQueue.MaxPayloadBytes];
            int length;
            UplinkRecordClass cls;
            for (int n = 1; n < perSector; n++)
            {
                Assert.IsTrue(queue.Peek(buffer, out length, out cls));
                queue.MarkSent();
            }

            byte[] image = new byte[flash.SizeBytes];
            flash.CopyImageTo(image);
            string before = "E" + perSector.ToString() + " M100 ";
            bool completed = false;
            int cuts = 0;
            for (int bytes = 0; !completed; bytes++)
            {
                flash.LoadImage(image);
                queue = new OutageQueue(flash);
                Assert.IsTrue(queue.Peek(buffer, out length, out cls));
                flash.CutPowerAfterBytes(bytes);
                try
                {
                    queue.MarkSent();
                    completed = true;
                    flash.CancelPowerCut();
                }
                catch (SimulatedPowerCutException)
                {
                    cuts++;
                }

                string after = Contents(flash);
                Assert.IsTrue(after == before || after == "M100 ", "cut after " + bytes.ToString() + " bytes: " + after);
                if (completed)
                {
                    Assert.AreEqual("M100 ", after);
                }
            }

            Assert.IsTrue(cuts > SmallSectorBytes, "the cuts covered the sent word and the whole erase");
        }

        // Appends one record with a power cut after 0, 1, 2… bytes until an append completes; after
        // each cut the rebooted queue holds one of the allowed contents, and then takes one more record.
        private static void CutAtEveryByte(SimulatedFlash flash, UplinkRecordClass cls, int n, int length, string unchanged, string evicted, string appended)
        {
            byte[] image = new byte[flash.SizeBytes];
            flash.CopyImageTo(image);
            byte[] payload = Payload(cls, n, length);
            bool completed = false;
            int cuts = 0;
            for (int bytes = 0; !completed; bytes++)
            {
                flash.LoadImage(image);
                OutageQueue queue = new OutageQueue(flash);
                flash.CutPowerAfterBytes(bytes);
                try
                {
                    Assert.IsTrue(queue.Enqueue(cls, payload, 0, payload.Length));
                    completed = true;
                    flash.CancelPowerCut();
                }
                catch (SimulatedPowerCutException)
                {
                    cuts++;
                }

                string what = "cut after " + bytes.ToString() + " bytes: ";
                string after = Contents(flash);
                Assert.IsTrue(after == unchanged || after == evicted || after == appended, what + after);
                if (completed)
                {
                    Assert.AreEqual(appended, after, what + "completed");
                }

                // The rebooted queue keeps working: a record appended after the torn bytes is found
                // by the next reboot too, and comes back last.
                OutageQueue rebooted = new OutageQueue(flash);
                Put(rebooted, UplinkRecordClass.Meter, 5000, 21);
                string drained = Drain(new OutageQueue(flash));
                Assert.IsTrue(drained.Length >= 6 && drained.Substring(drained.Length - 6) == "M5000 ", what + "then " + drained);
                Assert.AreEqual(0, new OutageQueue(flash).Count, what + "all delivered");
            }

            Assert.IsTrue(cuts > 0, "at least one cut");
            Assert.AreEqual(0L, flash.ReprogrammedBytes, "every word programmed at most once");
        }

        [TestMethod]
        public void EnqueuePeekAndMarkSentAllocateNothingInSteadyState()
        {
#if !NANOFRAMEWORK_1_0
            OutageQueue queue = new OutageQueue(new SimulatedFlash(4096, 8));
            byte[] payload = Payload(UplinkRecordClass.Telemetry, 1, 300);
            byte[] buffer = new byte[OutageQueue.MaxPayloadBytes];
            int length;
            UplinkRecordClass cls;

            // Warm-up: every path (new sector, eviction, sector freed) run once.
            for (int i = 0; i < 500; i++)
            {
                queue.Enqueue((UplinkRecordClass)(i % 3), payload, 0, payload.Length);
            }

            while (queue.Peek(buffer, out length, out cls))
            {
                queue.MarkSent();
            }

            long before = System.GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 10000; i++)
            {
                queue.Enqueue((UplinkRecordClass)(i % 3), payload, 0, payload.Length);
                if ((i % 4) != 0)
                {
                    queue.Peek(buffer, out length, out cls);
                    queue.MarkSent();
                }
            }

            while (queue.Peek(buffer, out length, out cls))
            {
                queue.MarkSent();
            }

            long bytes = System.GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.AreEqual(0L, bytes, "bytes allocated by 10 000 enqueues and their replay");
            Assert.AreEqual(0, queue.Count);
#endif
        }
    }
}
