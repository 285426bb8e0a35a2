namespace V2G.Protocol.Iso15118.Secc
{
    /// <summary>Stable names of <see cref="SeccState"/> (Enum.ToString gives a number on the device).</summary>
    public static class SeccStateNames
    {
        // Indexed by the enum's value; the order is the contract with SeccState.
        private static readonly string[] Names =
        {
            "disconnected",
            "wait_supported_app_protocol",
            "wait_session_setup",
            "wait_authorization_setup",
            "wait_authorization",
            "wait_service_discovery",
            "wait_service_selection",
            "wait_charge_parameter_discovery",
            "wait_schedule_exchange",
            "wait_cable_check",
            "wait_pre_charge",
            "charge_loop",
            "wait_welding_detection",
            "stopped",
        };

        /// <summary>The name of <paramref name="state"/>, or "unknown" for a value outside the enum.</summary>
        public static string Of(SeccState state)
        {
            int index = (int)state;
            return index >= 0 && index < Names.Length ? Names[index] : "unknown";
        }
    }
}
