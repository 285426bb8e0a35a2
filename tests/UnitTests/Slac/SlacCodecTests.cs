#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Protocol.Slac;

namespace V2G.UnitTests.Slac
{
    /// <summary>The frame codec, byte for byte against the digest's layouts (§2.2, §2.5, §2.10).</summary>
    [TestClass]
    public class SlacCodecTests
    {
        private static readonly byte[] Ev = { 0x00, 0x7D, 0xFA, 0x09, 0xFE, 0x76 };
        private static readonly byte[] Evse = { 0x02, 0x00, 0x00, 0x0E, 0x5E, 0x01 };
        private static readonly byte[] RunId = { 0x54, 0x45, 0x53, 0x4C, 0x41, 0x20, 0x45, 0x56 };

        [TestMethod]
        public void TheHeaderHasBigEndianEtherTypeLittleEndianMmTypeAndAZeroFmi()
        {
            byte[] frame = new byte[60];
            int payload = MmeHeader.Write(frame, MmeHeader.BroadcastMac, Ev, 1, MmType.CmSlacParmReq);

            Assert.AreEqual(19, payload);
            Assert.AreEqual("ffffffffffff" + "007dfa09fe76" + "88e1" + "01" + "6460" + "0000", Hex.Of(frame, 0, 19));
        }

        [TestMethod]
        public void AVendorHeaderHasNoFmiAndItsPayloadStartsAt17()
        {
            byte[] frame = new byte[60];
            int payload = MmeHeader.Write(frame, MmeHeader.LocalModemMac, Evse, 0, MmType.VsPlLinkStatusReq);

            Assert.AreEqual(17, payload);
            Assert.AreEqual("00b052000001" + Hex.Of(Evse) + "88e1" + "00" + "b8a0", Hex.Of(frame, 0, 17));
        }

        [TestMethod]
        public void TryReadAcceptsOnlyTheHomePlugEtherTypeAndACompleteHeader()
        {
            byte[] frame = new byte[60];
            int length = SlacParmReq.Write(frame, MmeHeader.BroadcastMac, Ev, RunId);
            int mmv;
            int mmType;

            Assert.IsTrue(MmeHeader.TryRead(frame, length, out mmv, out mmType));
            Assert.AreEqual(1, mmv);
            Assert.AreEqual(MmType.CmSlacParmReq, mmType);
            Assert.IsFalse(MmeHeader.TryRead(frame, 18, out mmv, out mmType));
            Assert.IsFalse(MmeHeader.TryRead(frame, 100, out mmv, out mmType));
            Assert.IsFalse(MmeHeader.TryRead(null, 60, out mmv, out mmType));
            frame[12] = 0x86;
            frame[13] = 0xDD;
            Assert.IsFalse(MmeHeader.TryRead(frame, length, out mmv, out mmType));
        }

        [TestMethod]
        public void ATeslaParmReqMatchesTheCapturedFrame()
        {
            byte[] frame = new byte[80];
            int length = SlacParmReq.Write(frame, MmeHeader.BroadcastMac, Ev, RunId);

            Assert.AreEqual(60, length);

            // "01 64 60 00 00 00 00 54 45 53 4C 41 20 45 56" from byte 14 [S:I-SE25 tcpdump].
            Assert.AreEqual(Hex.Of(Hex.Parse("01 64 60 00 00 00 00 54 45 53 4C 41 20 45 56")), Hex.Of(frame, 14, 15));
            Assert.IsTrue(MmeHeader.IsAllZero(frame, 29, 31));
        }

        [TestMethod]
        public void TheEvSideWritersPutEachFieldAtTheDigestOffset()
        {
            byte[] frame = new byte[160];

            Assert.AreEqual(60, StartAttenCharInd.Write(frame, MmeHeader.BroadcastMac, Ev, 10, 6, 1, Ev, RunId));
            Assert.AreEqual("6a60", Hex.Of(frame, 15, 2));
            Assert.AreEqual("0000" + "0a" + "06" + "01" + Hex.Of(Ev) + Hex.Of(RunId), Hex.Of(frame, 19, 19));

            byte[] rnd = new byte[16];
            for (int i = 0; i < 16; i++)
            {
                rnd[i] = 0xFF;
            }

            Assert.AreEqual(71, MnbcSoundInd.Write(frame, MmeHeader.BroadcastMac, Ev, 9, RunId, rnd));
            Assert.AreEqual("7660", Hex.Of(frame, 15, 2));
            Assert.IsTrue(MmeHeader.IsAllZero(frame, 19, 19));
            Assert.AreEqual(9, (int)frame[38]);
            Assert.AreEqual(Hex.Of(RunId), Hex.Of(frame, 39, 8));
            Assert.IsTrue(MmeHeader.IsAllZero(frame, 47, 8));
            Assert.AreEqual(Hex.Of(rnd), Hex.Of(frame, 55, 16));

            Assert.AreEqual(70, AttenCharRsp.Write(frame, Evse, Ev, Ev, RunId, 0));
            Assert.AreEqual("6f60", Hex.Of(frame, 15, 2));
            Assert.AreEqual("0000" + Hex.Of(Ev) + Hex.Of(RunId), Hex.Of(frame, 19, 16));
            Assert.IsTrue(MmeHeader.IsAllZero(frame, 35, 35));

            Assert.AreEqual(85, SlacMatchReq.Write(frame, Evse, Ev, Ev, Evse, RunId));
            Assert.AreEqual("7c60", Hex.Of(frame, 15, 2));
            Assert.AreEqual("0000" + "3e00", Hex.Of(frame, 19, 4));
            Assert.IsTrue(MmeHeader.IsAllZero(frame, 23, 17));
            Assert.AreEqual(Hex.Of(Ev), Hex.Of(frame, 40, 6));
            Assert.IsTrue(MmeHeader.IsAllZero(frame, 46, 17));
            Assert.AreEqual(Hex.Of(Evse), Hex.Of(frame, 63, 6));
            Assert.AreEqual(Hex.Of(RunId), Hex.Of(frame, 69, 8));
            Assert.IsTrue(MmeHeader.IsAllZero(frame, 77, 8));

            Assert.AreEqual(60, ValidateReq.Write(frame, Evse, Ev, 0, 1, 1));
            Assert.AreEqual("7860" + "0000" + "000101", Hex.Of(frame, 15, 7));
        }

        [TestMethod]
        public void TheModemWritersPutEachFieldAtTheDigestOffset()
        {
            byte[] frame = new byte[160];
            byte[] aag = new byte[58];
            for (int i = 0; i < 58; i++)
            {
                aag[i] = (byte)(20 + i % 8);
            }

            Assert.AreEqual(85, AttenProfileInd.Write(frame, Evse, MmeHeader.LocalModemMac, Ev, aag));
            Assert.AreEqual("8660", Hex.Of(frame, 15, 2));
            Assert.AreEqual(Hex.Of(Ev) + "3a" + "00", Hex.Of(frame, 19, 8));
            Assert.AreEqual(Hex.Of(aag), Hex.Of(frame, 27, 58));

            Assert.AreEqual(60, SetKeyCnf.Write(frame, Evse, MmeHeader.LocalModemMac, 1));
            Assert.AreEqual("0960" + "0000" + "01", Hex.Of(frame, 15, 5));

            Assert.AreEqual(60, PlLinkStatusCnf.Write(frame, Evse, MmeHeader.LocalModemMac, 1));
            Assert.AreEqual("00" + "b9a0" + "00b052" + "00" + "01", Hex.Of(frame, 14, 8));
        }

        [TestMethod]
        public void AReusedBufferIsClearedBeforeTheNextFrame()
        {
            byte[] frame = new byte[160];
            for (int i = 0; i < frame.Length; i++)
            {
                frame[i] = 0xAA;
            }

            int length = SlacParmReq.Write(frame, MmeHeader.BroadcastMac, Ev, RunId);

            Assert.IsTrue(MmeHeader.IsAllZero(frame, 29, length - 29));
            Assert.AreEqual(0, (int)frame[19]);
            Assert.AreEqual(0, (int)frame[20]);
        }

        [TestMethod]
        public void EveryMessageLengthIsTheDigestsTableLength()
        {
            Assert.AreEqual(29, SlacParmReq.Length);
            Assert.AreEqual(44, SlacParmCnf.Length);
            Assert.AreEqual(38, StartAttenCharInd.Length);
            Assert.AreEqual(71, MnbcSoundInd.Length);
            Assert.AreEqual(85, AttenProfileInd.Length);
            Assert.AreEqual(129, AttenCharInd.Length);
            Assert.AreEqual(70, AttenCharRsp.Length);
            Assert.AreEqual(85, SlacMatchReq.Length);
            Assert.AreEqual(109, SlacMatchCnf.Length);
            Assert.AreEqual(57, SetKeyReq.Length);
            Assert.AreEqual(22, ValidateReq.Length);
            Assert.AreEqual(22, ValidateCnf.Length);
            Assert.AreEqual(22, PlLinkStatusCnf.Length);
        }

        [TestMethod]
        public void EveryMmTypeHasALogName()
        {
            Assert.AreEqual("CM_SLAC_PARM.REQ", MmTypeNames.Of(0x6064));
            Assert.AreEqual("CM_ATTEN_PROFILE.IND", MmTypeNames.Of(0x6086));
            Assert.AreEqual("VS_PL_LINK_STATUS.CNF", MmTypeNames.Of(0xA0B9));
            Assert.AreEqual("MME", MmTypeNames.Of(0x1234));
        }
    }
}
