namespace V2G.Protocol.Iso15118.Evcc
{
    /// <summary>Stable names of <see cref="EvccState"/> for logs and status lines (Enum.ToString gives a number on the device).</summary>
    public static class EvccStateNames
    {
        private static readonly string[] Names =
        {
            "idle", "supported_app_protocol", "session_setup", "authorization_setup", "authorization",
            "service_discovery", "service_detail", "service_selection", "charge_parameter_discovery",
            "schedule_exchange", "cable_check", "pre_charge", "power_delivery_start", "charge_loop",
            "power_delivery_stop", "opening_contactor", "welding_detection", "session_stop", "paused",
            "aborting", "finished",
        };

        /// <summary>The name of <paramref name="state"/>, or "unknown".</summary>
        public static string Of(EvccState state)
        {
            int index = (int)state;
            return index >= 0 && index < Names.Length ? Names[index] : "unknown";
        }

        /// <summary>Number of names (one per state).</summary>
        public static int Count => Names.Length;
    }
}
