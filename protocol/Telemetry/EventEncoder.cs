namespace V2G.Protocol.Telemetry
{
    /// <summary>Encodes an <see cref="UplinkEvent"/> as the <c>event</c> payload; absent optional members are omitted. Allocates nothing.</summary>
    public static class EventEncoder
    {
        /// <summary>Decimals of "value".</summary>
        public const int ValueDecimals = 3;

        /// <summary>Resets <paramref name="w"/> and writes the event; false if it did not fit.</summary>
        public static bool Write(JsonWriter w, ref UplinkEvent e, bool historical)
        {
            w.Reset();
            w.BeginObject();
            w.Timestamp("ts", e.UnixMs);
            w.Integer("seq", e.Seq);
            w.Boolean("hist", historical);
            w.String("kind", e.Kind);
            if (e.State != null)
            {
                w.String("state", e.State);
            }

            if (e.Fault != null)
            {
                w.String("fault", e.Fault);
            }

            if (e.HasValue)
            {
                w.Number("value", e.Value, ValueDecimals);
            }

            w.EndObject();
            return !w.Overflowed;
        }
    }
}
