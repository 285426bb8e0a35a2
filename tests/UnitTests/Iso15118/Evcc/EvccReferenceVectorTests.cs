#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Protocol.Iso15118.Evcc;

namespace V2G.UnitTests.Iso15118.Evcc
{
    /// <summary>
    /// Requests that carry nothing of the vehicle's state come out byte for byte as the reference vectors
    /// (../shared/interop/iso15118-20/vectors.json, same SessionID, EVCCID and TimeStamp): the EVCC fills
    /// the fields as a real EV does.
    /// </summary>
    [TestClass]
    public class EvccReferenceVectorTests
    {
        private const string SupportedAppProtocolReqHex = "8000f3ab9371d34b9b79d39ba321d34b9b79d189a98989c1d1699181d22218010000040001d75726e3a69736f3a31353131383a323a323031333a4d736744656600400001008036eae4dc74c8d2dc746e606264627464606264749ae6ce88cacc00800003021";
        private const string SessionSetupReqHex = "808c0400000000000000000c0dcd4bb06209aba6a4ab1923aa22a9aa21a0a91818181880";
        private const string DcCableCheckReqHex = "802c04253e0cf12e9dc7830cadcd4bb062";

        [TestMethod]
        public void TheHandshakeSessionSetupAndCableCheckMatchTheReferenceVectors()
        {
            EvccSettings settings = new EvccSettings();
            settings.OfferOlderProtocols = true;
            EvccRig rig = new EvccRig(settings);
            rig.WallClock.IsSet = true;
            rig.WallClock.UnixSeconds = 1735732800;
            rig.Start();
            for (int i = 0; i < 1000 && rig.Charger.IndexOf("SessionSetupReq") < 0; i++)
            {
                rig.Tick();
            }

            rig.WallClock.UnixSeconds = 1735732810;
            for (int i = 0; i < 1000 && rig.Charger.IndexOf("DC_CableCheckReq") < 0; i++)
            {
                rig.Tick();
            }

            Assert.AreEqual(SupportedAppProtocolReqHex, rig.Charger.FirstPayloadHex("supportedAppProtocolReq"), "supportedAppProtocolReq offering -20 DC, -2 and DIN");
            Assert.AreEqual(SessionSetupReqHex, rig.Charger.FirstPayloadHex("SessionSetupReq"), "SessionSetupReq with SessionID 0");
            Assert.AreEqual(DcCableCheckReqHex, rig.Charger.FirstPayloadHex("DC_CableCheckReq"), "DC_CableCheckReq");
        }
    }
}
