using V2G.Protocol.Iso15118.Generated.Iso20;

namespace V2G.Protocol.Iso15118.Evcc
{
    /// <summary>Stable names of ISO 15118-20 response codes for the EVCC's log (Enum.ToString gives a number on the device).</summary>
    internal static class ResponseCodeNames
    {
        /// <summary>The first FAILED code: from here on the charger has stopped the session.</summary>
        public const int FirstFailed = (int)ResponseCodeType.FAILED;

        private static readonly string[] Names =
        {
            "OK", "OK_CertificateExpiresSoon", "OK_NewSessionEstablished", "OK_OldSessionJoined",
            "OK_PowerToleranceConfirmed", "WARNING_AuthorizationSelectionInvalid", "WARNING_CertificateExpired",
            "WARNING_CertificateNotYetValid", "WARNING_CertificateRevoked", "WARNING_CertificateValidationError",
            "WARNING_ChallengeInvalid", "WARNING_EIMAuthorizationFailure", "WARNING_eMSPUnknown",
            "WARNING_EVPowerProfileViolation", "WARNING_GeneralPnCAuthorizationError", "WARNING_NoCertificateAvailable",
            "WARNING_NoContractMatchingPCIDFound", "WARNING_PowerToleranceNotConfirmed",
            "WARNING_ScheduleRenegotiationFailed", "WARNING_StandbyNotAllowed", "WARNING_WPT", "FAILED",
            "FAILED_AssociationError", "FAILED_ContactorError", "FAILED_EVPowerProfileInvalid",
            "FAILED_EVPowerProfileViolation", "FAILED_MeteringSignatureNotValid",
            "FAILED_NoEnergyTransferServiceSelected", "FAILED_NoServiceRenegotiationSupported",
            "FAILED_PauseNotAllowed", "FAILED_PowerDeliveryNotApplied", "FAILED_PowerToleranceNotConfirmed",
            "FAILED_ScheduleRenegotiation", "FAILED_ScheduleSelectionInvalid", "FAILED_SequenceError",
            "FAILED_ServiceIDInvalid", "FAILED_ServiceSelectionInvalid", "FAILED_SignatureError",
            "FAILED_UnknownSession", "FAILED_WrongChargeParameter",
        };

        public static string Of(int code)
        {
            return code >= 0 && code < Names.Length ? Names[code] : "unknown";
        }
    }
}
