namespace V2G.Protocol.GbT
{
    /// <summary>
    /// Values of the 2-bit state fields of BSM, BST, CST, BEM, CEM and CCS: `00` normal/no,
    /// `01` yes/fault/timeout, `10` not credible, `11` fill [digest §4, S2]. A receiver that gets
    /// <see cref="NotCredible"/> keeps the previous state and ignores the packet [digest §2, S2 App. C.3],
    /// which is why the decoders hand the raw value to the caller instead of a bool.
    /// </summary>
    public static class TwoBit
    {
        /// <summary>`00`: normal, no, not timed out.</summary>
        public const int Normal = 0;

        /// <summary>`01`: yes, fault, timeout, allowed.</summary>
        public const int Yes = 1;

        /// <summary>`10`: not credible (BSM's voltage/SOC states use it for "too low" instead).</summary>
        public const int NotCredible = 2;

        /// <summary>`11`: fill (unused or not sent).</summary>
        public const int Fill = 3;

        private static readonly string[] Names = { "normal", "yes", "not credible", "fill" };

        /// <summary>Name of a 2-bit value for logs ("?" outside 0..3).</summary>
        public static string NameOf(int value)
        {
            return value >= 0 && value < 4 ? Names[value] : "?";
        }
    }
}
