namespace V2G.Protocol.Iso15118
{
    /// <summary>
    /// Names of the ISO 15118-20 ResponseCodeType values (the same 40 values in CommonMessages and DC),
    /// for the message log: Enum.ToString gives the number on the device.
    /// </summary>
    public static class ResponseCodeNames
    {
        /// <summary>The first FAILED_* value: every code from here on ends the session.</summary>
        public const int FirstFailed = 21;

        // Indexed by the enum's value; the order is the schema's, as generated.
        private static readonly string[] Names =
        {
            "OK",
            "OK_CertificateExpiresSoon",
            "OK_NewSessionEstablished",
            "OK_OldSessionJoined",
            "OK_PowerToleranceConfirmed",
            "WARNING_AuthorizationSelectionInvalid",
            "WARNING_CertificateExpired",
            "WARNING_CertificateNotYetValid",
            "WARNING_CertificateRevoked",
            "WARNING_CertificateValidationError",
            "WARNING_ChallengeInvalid",
            "WARNING_EIMAuthorizationFailure",
            "WARNING_eMSPUnknown",
            "WARNING_EVPowerProfileViolation",
            "WARNING_GeneralPnCAuthorizationError",
            "WARNING_NoCertificateAvailable",
            "WARNING_NoContractMatchingPCIDFound",
            "WARNING_PowerToleranceNotConfirmed",
            "WARNING_ScheduleRenegotiationFailed",
            "WARNING_StandbyNotAllowed",
            "WARNING_WPT",
            "FAILED",
            "FAILED_AssociationError",
            "FAILED_ContactorError",
            "FAILED_EVPowerProfileInvalid",
            "FAILED_EVPowerProfileViolation",
            "FAILED_MeteringSignatureNotValid",
            "FAILED_NoEnergyTransferServiceSelected",
            "FAILED_NoServiceRenegotiationSupported",
            "FAILED_PauseNotAllowed",
            "FAILED_PowerDeliveryNotApplied",
            "FAILED_PowerToleranceNotConfirmed",
            "FAILED_ScheduleRenegotiation",
            "FAILED_ScheduleSelectionInvalid",
            "FAILED_SequenceError",
            "FAILED_ServiceIDInvalid",
            "FAILED_ServiceSelectionInvalid",
            "FAILED_SignatureError",
            "FAILED_UnknownSession",
            "FAILED_WrongChargeParameter",
        };

        private static readonly string[] AppHandNames =
        {
            "OK_SuccessfulNegotiation",
            "OK_SuccessfulNegotiationWithMinorDeviation",
            "Failed_NoNegotiation",
        };

        /// <summary>The name of response code <paramref name="code"/>, or "unknown".</summary>
        public static string Of(int code)
        {
            return code >= 0 && code < Names.Length ? Names[code] : "unknown";
        }

        /// <summary>The name of a supportedAppProtocolRes response code, or "unknown".</summary>
        public static string OfAppHand(int code)
        {
            return code >= 0 && code < AppHandNames.Length ? AppHandNames[code] : "unknown";
        }

        /// <summary>True for FAILED_* codes, after which the charger stops the session.</summary>
        public static bool IsFailed(int code)
        {
            return code >= FirstFailed;
        }
    }
}
