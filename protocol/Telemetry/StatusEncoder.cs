namespace V2G.Protocol.Telemetry
{
    /// <summary>
    /// The retained <c>status</c> payloads: the birth <c>{"state":"online","fw","boot_id","ts"}</c> published at
    /// each connect, and the will <c>{"state":"offline","fw","boot_id"}</c> the broker publishes when the
    /// connection dies. Both carry the boot id, so an aggregator can tell a stale will from the current
    /// one (Sparkplug's bdSeq); the will has no time because the broker sends it later.
    /// </summary>
    public static class StatusEncoder
    {
        /// <summary>"state" of the birth message.</summary>
        public const string Online = "online";

        /// <summary>"state" of the will (and of a clean disconnect).</summary>
        public const string Offline = "offline";

        /// <summary>Resets <paramref name="w"/> and writes a status with a time; false if it did not fit.</summary>
        public static bool Write(JsonWriter w, bool online, string firmwareVersion, long bootId, long unixMs)
        {
            w.Reset();
            w.BeginObject();
            w.String("state", online ? Online : Offline);
            w.String("fw", firmwareVersion);
            w.Integer("boot_id", bootId);
            w.Timestamp("ts", unixMs);
            w.EndObject();
            return !w.Overflowed;
        }

        /// <summary>Resets <paramref name="w"/> and writes the will: offline, without a time; false if it did not fit.</summary>
        public static bool WriteWill(JsonWriter w, string firmwareVersion, long bootId)
        {
            w.Reset();
            w.BeginObject();
            w.String("state", Offline);
            w.String("fw", firmwareVersion);
            w.Integer("boot_id", bootId);
            w.EndObject();
            return !w.Overflowed;
        }
    }
}
