namespace V2G.Firmware.Diagnostics
{
    /// <summary>What became of one login attempt.</summary>
    public enum ShellLoginResult
    {
        /// <summary>PIN or response right: the session is a technician's.</summary>
        Accepted = 0,

        /// <summary>Wrong PIN or response (counts towards the lockout).</summary>
        Rejected = 1,

        /// <summary>This failure started a lockout.</summary>
        RejectedAndLockedOut = 2,

        /// <summary>Refused unchecked: a lockout is running.</summary>
        LockedOut = 3,

        /// <summary>A response without a challenge outstanding (or after it expired).</summary>
        NoChallenge = 4,

        /// <summary>Neither a PIN (4–12 digits) nor a response (16 hex digits); does not count.</summary>
        Malformed = 5,

        /// <summary>A PIN when none is set on this device; does not count.</summary>
        NoPin = 6,
    }
}
