namespace V2G.Protocol.Telemetry
{
    /// <summary>
    /// Encodes the retained <c>cfg/droop</c> payload: the droop settings in force, after a
    /// <c>cfg/droop/set</c> (then with "result" and, if rejected, "reason") or at connect. Plain numbers
    /// so that the protocol layer does not depend on the firmware's DroopSettings.
    /// </summary>
    public static class DroopConfigEncoder
    {
        /// <summary>Decimals of the frequencies, Hz.</summary>
        public const int FrequencyDecimals = 3;

        /// <summary>Decimals of the droop ratios (per unit of rated power per per-unit frequency).</summary>
        public const int DroopDecimals = 4;

        /// <summary>Decimals of the response time, s.</summary>
        public const int ResponseDecimals = 3;

        /// <summary>"result" after a set that was applied.</summary>
        public const string Accepted = "accepted";

        /// <summary>"result" after a set that was refused (the previous settings stay in force).</summary>
        public const string Rejected = "rejected";

        /// <summary>
        /// Resets <paramref name="w"/> and writes the settings; <paramref name="result"/> and <paramref name="reason"/>
        /// are omitted when null. False if it did not fit.
        /// </summary>
        public static bool Write(
            JsonWriter w,
            long unixMs,
            bool enabled,
            string preset,
            double nominalHz,
            double deadbandOverHz,
            double deadbandUnderHz,
            double droopOver,
            double droopUnder,
            double responseS,
            double ratedW,
            string result,
            string reason)
        {
            w.Reset();
            w.BeginObject();
            w.Timestamp("ts", unixMs);
            w.Boolean("enabled", enabled);
            w.String("preset", preset);
            w.Number("nominal_Hz", nominalHz, FrequencyDecimals);
            w.Number("db_of_Hz", deadbandOverHz, FrequencyDecimals);
            w.Number("db_uf_Hz", deadbandUnderHz, FrequencyDecimals);
            w.Number("k_of", droopOver, DroopDecimals);
            w.Number("k_uf", droopUnder, DroopDecimals);
            w.Number("response_s", responseS, ResponseDecimals);
            w.Number("rated_W", ratedW, TelemetryEncoder.PowerDecimals);
            if (result != null)
            {
                w.String("result", result);
            }

            if (reason != null)
            {
                w.String("reason", reason);
            }

            w.EndObject();
            return !w.Overflowed;
        }
    }
}
