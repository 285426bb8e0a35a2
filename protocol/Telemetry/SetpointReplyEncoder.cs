namespace V2G.Protocol.Telemetry
{
    /// <summary>
    /// Encodes the <c>cmd/setpoint/reply</c> payload <c>{"id","result","applied_W"?,"reason"?,"ts"}</c>:
    /// the command's id (null if it had none), a <see cref="SetpointResults"/> value, the AC power
    /// actually in force (+ import, − export) and the reason of a rejection or a clamp.
    /// </summary>
    public static class SetpointReplyEncoder
    {
        /// <summary>Resets <paramref name="w"/> and writes the reply; optional members are omitted when absent. False if it did not fit.</summary>
        public static bool Write(JsonWriter w, string id, string result, bool hasAppliedW, double appliedW, string reason, long unixMs)
        {
            w.Reset();
            w.BeginObject();
            w.String("id", id);
            w.String("result", result);
            if (hasAppliedW)
            {
                w.Number("applied_W", appliedW, TelemetryEncoder.PowerDecimals);
            }

            if (reason != null)
            {
                w.String("reason", reason);
            }

            w.Timestamp("ts", unixMs);
            w.EndObject();
            return !w.Overflowed;
        }
    }
}
