namespace V2G.Protocol.Session
{
    /// <summary>Stable names of <see cref="SessionProtocol"/> for the shell and logs (Enum.ToString gives a number on the device).</summary>
    public static class SessionProtocolNames
    {
        private static readonly string[] Names = { "none", "iso15118-20", "gbt27930", "simulated" };

        /// <summary>The name of <paramref name="protocol"/>, or "unknown".</summary>
        public static string Of(SessionProtocol protocol)
        {
            int index = (int)protocol;
            return index >= 0 && index < Names.Length ? Names[index] : "unknown";
        }
    }
}
