#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Protocol.Slac;
using V2G.Sim.Plant.Board;
using V2G.Sim.Plant.Plc;

namespace V2G.UnitTests.Plc
{
    /// <summary>
    /// The virtual PLC link (digest §5.1): the modems' own answers, when the network forms, the
    /// attenuation profiles, the filtering before the keys match, and repeatable impairments. The frames
    /// are written with the protocol's codec, so these tests also check the codec against the link
    /// model's independent offsets.
    /// </summary>
    [TestClass]
    public class VirtualPlcLinkTests
    {
        private static readonly byte[] ChargerMac = { 0x02, 0x00, 0x00, 0x00, 0xC0, 0x01 };
        private static readonly byte[] VehicleMac = { 0x02, 0x00, 0x00, 0x00, 0xE0, 0x01 };
        private static readonly byte[] RunId = { 0x02, 0x00, 0x00, 0x00, 0xE0, 0x01, 0x00, 0x00 };
        private static readonly byte[] Frame = new byte[1600];
        private static readonly byte[] Received = new byte[1600];

        private static SimClock _clock;

        private static VirtualPlcLink NewLink(PlcLinkSettings settings, PlcLinkImpairments impairments)
        {
            _clock = new SimClock();
            return new VirtualPlcLink(_clock, ChargerMac, VehicleMac, settings, impairments);
        }

        private static byte[] Key(byte first)
        {
            byte[] key = new byte[16];
            for (int i = 0; i < key.Length; i++)
            {
                key[i] = (byte)(first + i);
            }

            return key;
        }

        private static byte[] NidOf(byte[] nmk)
        {
            byte[] nid = new byte[7];
            NetworkKey.DeriveNid(nmk, nid);
            return nid;
        }

        private static void SetKey(PlcModemModel port, byte[] destination, byte[] nmk)
        {
            int length = SetKeyReq.Write(Frame, destination, port.MacAddress, 0, NidOf(nmk), nmk);
            Assert.IsTrue(port.TrySend(Frame, length));
        }

        /// <summary>Reads frames until one of <paramref name="mmType"/> arrives; its length, or 0.</summary>
        private static int ReceiveMme(PlcModemModel port, int mmType)
        {
            int length;
            while ((length = port.Receive(Received)) > 0)
            {
                int mmv;
                int type;
                if (MmeHeader.TryRead(Received, length, out mmv, out type) && type == mmType)
                {
                    return length;
                }
            }

            return 0;
        }

        private static int LinkStatus(PlcModemModel port)
        {
            int length = PlLinkStatusReq.Write(Frame, MmeHeader.LocalModemMac, port.MacAddress);
            port.TrySend(Frame, length);
            Assert.IsTrue(ReceiveMme(port, MmType.VsPlLinkStatusCnf) > 0, "VS_PL_LINK_STATUS.CNF");
            Assert.IsTrue(MmeHeader.BytesEqual(Received, PlLinkStatusCnf.OffsetOui, MmeHeader.QualcommOui, 0, 3), "OUI");
            return Received[PlLinkStatusCnf.OffsetLinkStatus];
        }

        private static int WriteIpv6Unicast(byte[] destination, byte[] source)
        {
            for (int i = 0; i < 6; i++)
            {
                Frame[i] = destination[i];
                Frame[6 + i] = source[i];
            }

            Frame[12] = 0x86;
            Frame[13] = 0xDD;
            for (int i = 14; i < 80; i++)
            {
                Frame[i] = (byte)i;
            }

            return 80;
        }

        [TestMethod]
        public void TheLocalModemConfirmsSetKeyWithResult01AndKeepsTheKey()
        {
            VirtualPlcLink link = NewLink(null, null);
            byte[] nmk = Key(0x10);

            SetKey(link.Charger, MmeHeader.LocalModemMac, nmk);
            int length = ReceiveMme(link.Charger, MmType.CmSetKeyCnf);

            Assert.AreEqual(MmeHeader.MinFrameLength, length);
            Assert.AreEqual((byte)SetKeyCnf.ResultQualcommAccepted, Received[SetKeyCnf.OffsetResult]);
            Assert.IsTrue(MmeHeader.BytesEqual(Received, 0, ChargerMac, 0, 6), "to the host");
            Assert.IsTrue(MmeHeader.BytesEqual(Received, 6, link.Charger.ModemMacAddress, 0, 6), "from the modem's own MAC");
            Assert.IsFalse(MmeHeader.BytesEqual(link.Charger.ModemMacAddress, 0, ChargerMac, 0, 6), "modem MAC differs from the host's");
            byte[] held = new byte[16];
            Assert.IsTrue(link.Charger.CopyNmk(held));
            Assert.IsTrue(MmeHeader.BytesEqual(held, 0, nmk, 0, 16));
            Assert.AreEqual(0, link.Vehicle.Pending, "nothing crossed the medium");
        }

        [TestMethod]
        public void ABroadcastSetKeyIsAnsweredLocallyAndNotCarried()
        {
            VirtualPlcLink link = NewLink(null, null);

            SetKey(link.Vehicle, MmeHeader.BroadcastMac, Key(0x20));

            Assert.IsTrue(ReceiveMme(link.Vehicle, MmType.CmSetKeyCnf) > 0);
            Assert.AreEqual(0, link.Charger.Pending);
            Assert.IsTrue(link.Vehicle.HasKey);
        }

        [TestMethod]
        public void LinkStatusIsUpOnlyOnceBothModemsHoldTheSameKeyAndTheJoinDelayHasPassed()
        {
            PlcLinkSettings settings = new PlcLinkSettings();
            settings.JoinDelayMs = 5000;
            VirtualPlcLink link = NewLink(settings, null);
            byte[] nmk = Key(0x30);

            SetKey(link.Charger, MmeHeader.LocalModemMac, nmk);
            ReceiveMme(link.Charger, MmType.CmSetKeyCnf);
            Assert.AreEqual(0, LinkStatus(link.Charger), "only the charger has a key");

            SetKey(link.Vehicle, MmeHeader.LocalModemMac, Key(0x31));
            ReceiveMme(link.Vehicle, MmType.CmSetKeyCnf);
            _clock.Advance(10000);
            Assert.AreEqual(0, LinkStatus(link.Vehicle), "different keys never join");

            SetKey(link.Vehicle, MmeHeader.LocalModemMac, nmk);
            ReceiveMme(link.Vehicle, MmType.CmSetKeyCnf);
            Assert.IsTrue(link.KeysMatch);
            _clock.Advance(4999);
            Assert.AreEqual(0, LinkStatus(link.Charger), "still joining");
            _clock.Advance(1);
            Assert.AreEqual(1, LinkStatus(link.Charger));
            Assert.AreEqual(1, LinkStatus(link.Vehicle));

            SetKey(link.Charger, MmeHeader.LocalModemMac, Key(0x40));
            ReceiveMme(link.Charger, MmType.CmSetKeyCnf);
            Assert.AreEqual(0, LinkStatus(link.Charger), "a new key on the charger splits the network (unplug)");
        }

        [TestMethod]
        public void EverySoundFromTheVehicleMakesTheChargersModemDeliverAnAttenuationProfile()
        {
            PlcLinkSettings settings = new PlcLinkSettings();
            settings.AttenuationMeanDb = 23;
            settings.AttenuationSpreadDb = 3;
            VirtualPlcLink link = NewLink(settings, null);

            for (int cnt = 9; cnt >= 0; cnt--)
            {
                int length = MnbcSoundInd.Write(Frame, MmeHeader.BroadcastMac, VehicleMac, cnt, RunId, null);
                link.Vehicle.TrySend(Frame, length);
            }

            int sounds = 0;
            int profiles = 0;
            int length2;
            while ((length2 = link.Charger.Receive(Received)) > 0)
            {
                int mmv;
                int type;
                Assert.IsTrue(MmeHeader.TryRead(Received, length2, out mmv, out type));
                if (type == MmType.CmMnbcSoundInd)
                {
                    sounds++;
                    continue;
                }

                Assert.AreEqual(MmType.CmAttenProfileInd, type);
                Assert.AreEqual(AttenProfileInd.Length, length2);
                Assert.IsTrue(MmeHeader.BytesEqual(Received, AttenProfileInd.OffsetPevMac, VehicleMac, 0, 6), "PEV MAC");
                Assert.AreEqual((byte)58, Received[AttenProfileInd.OffsetNumGroups]);
                for (int g = 0; g < 58; g++)
                {
                    int db = Received[AttenProfileInd.OffsetAag + g];
                    Assert.IsTrue(db >= 20 && db <= 26, "group " + g + " = " + db + " dB");
                }

                profiles++;
            }

            Assert.AreEqual(10, sounds);
            Assert.AreEqual(10, profiles);
            Assert.AreEqual(10L, link.AttenProfilesGenerated);
        }

        [TestMethod]
        public void TheZeroAndTooHighProfilesReportWhatTheyAreNamedFor()
        {
            PlcLinkSettings settings = new PlcLinkSettings();
            settings.AttenuationProfile = PlcAttenuationProfile.Zero;
            VirtualPlcLink link = NewLink(settings, null);
            link.Vehicle.TrySend(Frame, MnbcSoundInd.Write(Frame, MmeHeader.BroadcastMac, VehicleMac, 9, RunId, null));
            Assert.IsTrue(ReceiveMme(link.Charger, MmType.CmAttenProfileInd) > 0);
            Assert.IsTrue(MmeHeader.IsAllZero(Received, AttenProfileInd.OffsetAag, 58));

            settings.AttenuationProfile = PlcAttenuationProfile.TooHigh;
            link.Vehicle.TrySend(Frame, MnbcSoundInd.Write(Frame, MmeHeader.BroadcastMac, VehicleMac, 8, RunId, null));
            Assert.IsTrue(ReceiveMme(link.Charger, MmType.CmAttenProfileInd) > 0);
            int sum = 0;
            for (int g = 0; g < 58; g++)
            {
                sum += Received[AttenProfileInd.OffsetAag + g];
            }

            Assert.IsTrue(sum / 58 > 40, "mean above the EV's default 40 dB threshold");
            Assert.AreEqual("too_high", PlcAttenuationProfileNames.Of(PlcAttenuationProfile.TooHigh));
        }

        [TestMethod]
        public void BeforeTheKeysMatchOnlySlacAndBroadcastMmesCrossAndAfterwardsUnicastToo()
        {
            PlcLinkSettings settings = new PlcLinkSettings();
            settings.JoinDelayMs = 1000;
            VirtualPlcLink link = NewLink(settings, null);

            link.Vehicle.TrySend(Frame, WriteIpv6Unicast(ChargerMac, VehicleMac));
            Assert.AreEqual(0, link.Charger.Receive(Received), "IPv6 before the network exists");
            Assert.AreEqual(1L, link.FramesFiltered);

            int length = SlacParmCnf.Write(Frame, VehicleMac, ChargerMac, MmeHeader.BroadcastMac, 10, 6, 1, VehicleMac, RunId);
            link.Charger.TrySend(Frame, length);
            Assert.IsTrue(ReceiveMme(link.Vehicle, MmType.CmSlacParmCnf) > 0, "a unicast SLAC MME crosses");

            byte[] nmk = Key(0x50);
            SetKey(link.Charger, MmeHeader.LocalModemMac, nmk);
            SetKey(link.Vehicle, MmeHeader.LocalModemMac, nmk);
            _clock.Advance(1000);
            link.Charger.Receive(Received);
            link.Vehicle.Receive(Received);

            link.Vehicle.TrySend(Frame, WriteIpv6Unicast(ChargerMac, VehicleMac));
            Assert.AreEqual(80, link.Charger.Receive(Received), "IPv6 once joined");
            Assert.AreEqual(0x86, (int)Received[12]);
            Assert.AreEqual(1L, link.FramesFiltered);
        }

        [TestMethod]
        public void ABroadcastSoftwareVersionRequestIsAnsweredByBothModemsOnceJoined()
        {
            VirtualPlcLink link = NewLink(null, null);
            byte[] nmk = Key(0x60);
            SetKey(link.Charger, MmeHeader.LocalModemMac, nmk);
            SetKey(link.Vehicle, MmeHeader.LocalModemMac, nmk);
            _clock.Advance(link.Settings.JoinDelayMs);
            ReceiveMme(link.Charger, MmType.CmSetKeyCnf);
            ReceiveMme(link.Vehicle, MmType.CmSetKeyCnf);

            int length = MmeHeader.Write(Frame, MmeHeader.BroadcastMac, ChargerMac, MmeHeader.MmvAv10, MmType.VsSwVerReq);
            Frame[17] = 0x00;
            Frame[18] = 0xB0;
            Frame[19] = 0x52;
            link.Charger.TrySend(Frame, 60);

            Assert.IsTrue(ReceiveMme(link.Charger, MmType.VsSwVerCnf) > 0);
            bool localFirst = MmeHeader.BytesEqual(Received, 6, link.Charger.ModemMacAddress, 0, 6);
            Assert.IsTrue(ReceiveMme(link.Charger, MmType.VsSwVerCnf) > 0, "the vehicle's modem answers too");
            bool remoteSecond = MmeHeader.BytesEqual(Received, 6, link.Vehicle.ModemMacAddress, 0, 6);
            Assert.IsTrue(localFirst && remoteSecond);
            Assert.AreEqual(0, link.Vehicle.Pending, "the vehicle's host sees none of it");
            Assert.AreEqual(17, length);
        }

        [TestMethod]
        public void FramesAcrossTheMediumArriveOnlyAfterTheDelay()
        {
            PlcLinkImpairments impairments = new PlcLinkImpairments();
            impairments.DelayMs = 30;
            VirtualPlcLink link = NewLink(null, impairments);

            link.Vehicle.TrySend(Frame, SlacParmReq.Write(Frame, MmeHeader.BroadcastMac, VehicleMac, RunId));
            SetKey(link.Charger, MmeHeader.LocalModemMac, Key(0x70));

            Assert.IsTrue(ReceiveMme(link.Charger, MmType.CmSetKeyCnf) > 0, "the local answer is not held back by the delayed frame");
            _clock.Advance(29);
            Assert.AreEqual(0, link.Charger.Receive(Received));
            _clock.Advance(1);
            Assert.IsTrue(ReceiveMme(link.Charger, MmType.CmSlacParmReq) > 0);
        }

        private static void SendMany(VirtualPlcLink link, int count, long[] counters)
        {
            for (int i = 0; i < count; i++)
            {
                link.Vehicle.TrySend(Frame, SlacParmReq.Write(Frame, MmeHeader.BroadcastMac, VehicleMac, RunId));
                while (link.Charger.Receive(Received) > 0)
                {
                    counters[0]++;
                }
            }

            counters[1] = link.FramesLost;
            counters[2] = link.FramesDuplicated;
            counters[3] = link.FramesCarried;
        }

        [TestMethod]
        public void LossAndDuplicationAreRepeatableWithASeedAndCounted()
        {
            PlcLinkImpairments impairments = new PlcLinkImpairments();
            impairments.LossProbability = 0.3;
            impairments.DuplicateProbability = 0.1;
            impairments.Seed = 42;

            long[] first = new long[4];
            SendMany(NewLink(null, impairments), 1000, first);
            long[] second = new long[4];
            SendMany(NewLink(null, impairments), 1000, second);

            for (int i = 0; i < 4; i++)
            {
                Assert.AreEqual(first[i], second[i], "counter " + i);
            }

            Assert.IsTrue(first[1] > 240 && first[1] < 360, "lost " + first[1] + " of 1000 at 30 %");
            Assert.IsTrue(first[2] > 40 && first[2] < 110, "duplicated " + first[2] + " of ~700 at 10 %");
            Assert.AreEqual(1000 - first[1] + first[2], first[3], "carried = sent − lost + duplicated");
            Assert.AreEqual(first[3], first[0], "the host received every carried copy");

            impairments.Seed = 43;
            long[] other = new long[4];
            SendMany(NewLink(null, impairments), 1000, other);
            Assert.IsTrue(other[1] != first[1] || other[2] != first[2], "another seed, another run");
        }

        [TestMethod]
        public void AFullReceiveQueueDropsAndCountsTheExcess()
        {
            VirtualPlcLink link = NewLink(null, null);

            for (int i = 0; i < 70; i++)
            {
                link.Vehicle.TrySend(Frame, SlacParmReq.Write(Frame, MmeHeader.BroadcastMac, VehicleMac, RunId));
            }

            Assert.AreEqual(64, link.Charger.Pending);
            Assert.AreEqual(6L, link.FramesOverflowed);
        }

        [TestMethod]
        public void AModemRestartingAfterSetKeyDropsFrames()
        {
            PlcLinkSettings settings = new PlcLinkSettings();
            settings.ModemRestartMs = 2000;
            VirtualPlcLink link = NewLink(settings, null);

            SetKey(link.Vehicle, MmeHeader.LocalModemMac, Key(0x01));
            Assert.IsTrue(ReceiveMme(link.Vehicle, MmType.CmSetKeyCnf) > 0, "the CNF comes before the restart");
            link.Charger.TrySend(Frame, SlacParmReq.Write(Frame, MmeHeader.BroadcastMac, ChargerMac, RunId));
            Assert.AreEqual(0, link.Vehicle.Pending);
            Assert.AreEqual(1L, link.Vehicle.FramesDroppedRestarting);

            _clock.Advance(2000);
            link.Charger.TrySend(Frame, SlacParmReq.Write(Frame, MmeHeader.BroadcastMac, ChargerMac, RunId));
            Assert.IsTrue(ReceiveMme(link.Vehicle, MmType.CmSlacParmReq) > 0);
        }

        [TestMethod]
        public void AFrameLongerThanTheHostsBufferIsDroppedAndCounted()
        {
            VirtualPlcLink link = NewLink(null, null);
            link.Vehicle.TrySend(Frame, MnbcSoundInd.Write(Frame, MmeHeader.BroadcastMac, VehicleMac, 9, RunId, null));

            byte[] small = new byte[64];
            Assert.AreEqual(0, link.Charger.Receive(small), "neither the 71-byte sound nor its 85-byte profile fits");
            Assert.AreEqual(2L, link.Charger.FramesTooLongForBuffer);
        }
    }
}
