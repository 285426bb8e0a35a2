namespace V2G.Protocol.Telemetry
{
    /// <summary>
    /// A dispatch setpoint from <c>cmd/setpoint</c>:
    /// <c>{"id":"…","power_W":-7400,"valid_until":"2026-11-26T06:00:00Z","priority":100,"purpose":"dispatch","price_spread_per_kWh":0.2}</c>.
    /// One instance is reused for every command. The contract is strict: an unknown key is a rejection,
    /// so a misspelt optional member is never silently ignored. <see cref="Parse(JsonReader, long, double, SetpointCommand)"/>
    /// checks only the message; the firmware then clamps to its local limits.
    /// </summary>
    public sealed class SetpointCommand
    {
        /// <summary>Longest command id (a UUID's text).</summary>
        public const int MaxIdLength = 36;

        /// <summary>Highest priority.</summary>
        public const int MaxPriority = 1000;

        /// <summary>
        /// The |power_W| bound of the three-argument Parse: a sanity bound only (1 MW). The firmware passes
        /// its own, 10 × the charger's rating.
        /// </summary>
        public const double DefaultAbsoluteMaxW = 1000000;

        /// <summary>The members a setpoint may have.</summary>
        public static readonly string[] Keys = { "id", "power_W", "valid_until", "priority", "purpose", "price_spread_per_kWh" };

        /// <summary>The command's id (1..36 characters), or null if the payload had no usable one.</summary>
        public string Id;

        /// <summary>Requested AC power at the grid connection point, W (+ import, − export).</summary>
        public double PowerW;

        /// <summary>When the setpoint stops applying (Unix ms, UTC).</summary>
        public long ValidUntilUnixMs;

        /// <summary>0..1000 (default 0): a lower one does not replace a higher one in force.</summary>
        public int Priority;

        /// <summary>One of the <see cref="SetpointPurposes"/> constants (default dispatch).</summary>
        public string Purpose = SetpointPurposes.Dispatch;

        /// <summary>True if <see cref="PriceSpreadPerKWh"/> was given.</summary>
        public bool HasPriceSpread;

        /// <summary>
        /// The price spread the aggregator expects, currency per kWh discharged (p_discharge − p_charge/η): the battery
        /// guard refuses an arbitrage discharge below the marginal degradation cost when the owner enabled it.
        /// </summary>
        public double PriceSpreadPerKWh;

        /// <summary>Empties every field (the defaults of the optional members).</summary>
        public void Clear()
        {
            Id = null;
            PowerW = 0;
            ValidUntilUnixMs = 0;
            Priority = 0;
            Purpose = SetpointPurposes.Dispatch;
            HasPriceSpread = false;
            PriceSpreadPerKWh = 0;
        }

        /// <summary>Parse with the <see cref="DefaultAbsoluteMaxW"/> bound.</summary>
        public static string Parse(JsonReader r, long nowUnixMs, SetpointCommand into)
        {
            return Parse(r, nowUnixMs, DefaultAbsoluteMaxW, into);
        }

        /// <summary>
        /// Reads the setpoint from a reader that has parsed the payload into <paramref name="into"/>. Returns null
        /// if it is acceptable, else the rejection reason. <see cref="Id"/> is read first, so that a rejection
        /// can be answered with it. Rules: id required (1..36 characters); power_W a required number with
        /// |power_W| ≤ <paramref name="absoluteMaxW"/> ("out of range"); valid_until a required RFC 3339 time after
        /// <paramref name="nowUnixMs"/> ("expired"); priority an optional integer 0..1000; purpose optional, one of
        /// dispatch, arbitrage, frequency; price_spread_per_kWh an optional number; any other key: "unknown key 'x'".
        /// </summary>
        public static string Parse(JsonReader r, long nowUnixMs, double absoluteMaxW, SetpointCommand into)
        {
            into.Clear();
            if (r.Error != null)
            {
                return r.Error;
            }

            string id;
            int idKind = r.KindOf("id");
            if (idKind == JsonValueKind.Missing)
            {
                return "missing 'id'";
            }

            if (!r.TryGetString("id", out id))
            {
                return "'id' must be a string";
            }

            if (id.Length == 0 || id.Length > MaxIdLength)
            {
                return "'id' must have 1 to 36 characters";
            }

            into.Id = id;

            for (int i = 0; i < r.MemberCount; i++)
            {
                if (!r.KeyAtIsOneOf(i, Keys))
                {
                    return "unknown key '" + r.KeyAt(i) + "'";
                }
            }

            double powerW;
            if (!r.Has("power_W"))
            {
                return "missing 'power_W'";
            }

            if (!r.TryGetNumber("power_W", out powerW))
            {
                return "'power_W' must be a number";
            }

            double magnitude = powerW < 0 ? -powerW : powerW;
            if (magnitude > absoluteMaxW)
            {
                return "out of range: |power_W| > " + ((long)absoluteMaxW).ToString() + " W";
            }

            into.PowerW = powerW;

            string validUntil;
            if (!r.Has("valid_until"))
            {
                return "missing 'valid_until'";
            }

            long validUntilUnixMs;
            if (!r.TryGetString("valid_until", out validUntil) || !Rfc3339.TryParseUnixMs(validUntil, out validUntilUnixMs))
            {
                return "'valid_until' must be an RFC 3339 time";
            }

            if (validUntilUnixMs <= nowUnixMs)
            {
                // Both times in the answer: an aggregator whose clock is off sees it at once.
                return "expired: valid_until " + Rfc3339.FormatUtc(validUntilUnixMs) + " is not after the charger's time " + Rfc3339.FormatUtc(nowUnixMs);
            }

            into.ValidUntilUnixMs = validUntilUnixMs;

            if (r.Has("priority"))
            {
                long priority;
                if (!r.TryGetInteger("priority", out priority) || priority < 0 || priority > MaxPriority)
                {
                    return "'priority' must be an integer 0..1000";
                }

                into.Priority = (int)priority;
            }

            if (r.Has("purpose"))
            {
                int purpose = r.IndexOfString("purpose", SetpointPurposes.All);
                if (purpose < 0)
                {
                    return "'purpose' must be dispatch, arbitrage or frequency";
                }

                into.Purpose = SetpointPurposes.All[purpose];
            }

            if (r.Has("price_spread_per_kWh"))
            {
                double spread;
                if (!r.TryGetNumber("price_spread_per_kWh", out spread))
                {
                    return "'price_spread_per_kWh' must be a number";
                }

                into.HasPriceSpread = true;
                into.PriceSpreadPerKWh = spread;
            }

            return null;
        }
    }
}
