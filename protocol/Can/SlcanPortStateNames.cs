namespace V2G.Protocol.Can
{
    /// <summary>Names of the <see cref="SlcanPortState"/> values (Enum.ToString gives the number on the device).</summary>
    public static class SlcanPortStateNames
    {
        /// <summary>The state's name, e.g. "open"; "?" for a value not listed.</summary>
        public static string Of(SlcanPortState state)
        {
            switch (state)
            {
                case SlcanPortState.Closed: return "closed";
                case SlcanPortState.Closing: return "closing";
                case SlcanPortState.SettingBitRate: return "setting_bit_rate";
                case SlcanPortState.SettingTimestamps: return "setting_timestamps";
                case SlcanPortState.Opening: return "opening";
                case SlcanPortState.Open: return "open";
                case SlcanPortState.Failed: return "failed";
                default: return "?";
            }
        }
    }
}
