using System;

namespace V2G.Iso15118.Tests
{
    /// <summary>A few reference streams (from ../shared/interop/iso15118-20/vectors.json), so these tests run without ../shared.</summary>
    internal static class Samples
    {
        public static readonly byte[] DcChargeLoopReqBptDynamic = Convert.FromHexString(
            "803404253e0cf12e9dc7830c2ddd4bb06202700780a005a4204250f0403f8488f8040708084084d0082042701c1023de380810f85504000001fc3104c0fe1284607f0801904087c2a82000000fe1882604084e0381023de380");

        public static readonly byte[] SupportedAppProtocolReq = Convert.FromHexString(
            "8000f3ab9371d34b9b79d39ba321d34b9b79d189a98989c1d1699181d22218010000040001d75726e3a69736f3a31353131383a323a323031333a4d736744656600400001008036eae4dc74c8d2dc746e606264627464606264749ae6ce88cacc00800003021");

        public static readonly byte[] SessionSetupRes = Convert.FromHexString(
            "809004253e0cf12e9dc7830c0dcd4bb062040451114a958c91ca914c0c0c0d0c8a8c40");
    }
}
