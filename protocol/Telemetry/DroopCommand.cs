namespace V2G.Protocol.Telemetry
{
    /// <summary>
    /// A droop settings request from <c>cfg/droop/set</c>: a preset name
    /// (<c>{"preset":"ieee1547-cat2"}</c>), parameters (<c>enabled, nominal_Hz, db_of_Hz, db_uf_Hz, k_of, k_uf,
    /// response_s, rated_W</c>), or both (the parameters then override the preset's values). Each member
    /// has a Has flag. Parsing checks types and loose ranges only; the firmware validates the settings it
    /// would build in full (DroopSettings.Validate) before applying them. One instance is reused.
    /// </summary>
    public sealed class DroopCommand
    {
        /// <summary>Longest preset name.</summary>
        public const int MaxPresetLength = 23;

        /// <summary>The members a droop request may have.</summary>
        public static readonly string[] Keys =
        {
            "id", "preset", "enabled", "nominal_Hz", "db_of_Hz", "db_uf_Hz", "k_of", "k_uf", "response_s", "rated_W",
        };

        /// <summary>The request's id if it had one, else null.</summary>
        public string Id;

        /// <summary>True if "preset" was given.</summary>
        public bool HasPreset;

        /// <summary>Preset name (the firmware knows the names).</summary>
        public string Preset;

        /// <summary>True if "enabled" was given.</summary>
        public bool HasEnabled;

        /// <summary>Droop on or off.</summary>
        public bool Enabled;

        /// <summary>True if "nominal_Hz" was given.</summary>
        public bool HasNominalHz;

        /// <summary>Nominal frequency, Hz (40..70 here; the firmware wants 50 or 60).</summary>
        public double NominalHz;

        /// <summary>True if "db_of_Hz" was given.</summary>
        public bool HasDeadbandOverHz;

        /// <summary>Over-frequency deadband, Hz (0..5).</summary>
        public double DeadbandOverHz;

        /// <summary>True if "db_uf_Hz" was given.</summary>
        public bool HasDeadbandUnderHz;

        /// <summary>Under-frequency deadband, Hz (0..5).</summary>
        public double DeadbandUnderHz;

        /// <summary>True if "k_of" was given.</summary>
        public bool HasDroopOver;

        /// <summary>Over-frequency droop, per unit frequency change for full power (0 &lt; k ≤ 1).</summary>
        public double DroopOver;

        /// <summary>True if "k_uf" was given.</summary>
        public bool HasDroopUnder;

        /// <summary>Under-frequency droop (0 &lt; k ≤ 1).</summary>
        public double DroopUnder;

        /// <summary>True if "response_s" was given.</summary>
        public bool HasResponseS;

        /// <summary>Open-loop response time, s (0..600).</summary>
        public double ResponseS;

        /// <summary>True if "rated_W" was given.</summary>
        public bool HasRatedW;

        /// <summary>Rated power the droop is scaled to, W (&gt; 0, ≤ 10 MW).</summary>
        public double RatedW;

        /// <summary>Empties every field.</summary>
        public void Clear()
        {
            Id = null;
            HasPreset = false;
            Preset = null;
            HasEnabled = false;
            Enabled = false;
            HasNominalHz = false;
            NominalHz = 0;
            HasDeadbandOverHz = false;
            DeadbandOverHz = 0;
            HasDeadbandUnderHz = false;
            DeadbandUnderHz = 0;
            HasDroopOver = false;
            DroopOver = 0;
            HasDroopUnder = false;
            DroopUnder = 0;
            HasResponseS = false;
            ResponseS = 0;
            HasRatedW = false;
            RatedW = 0;
        }

        /// <summary>
        /// Reads the request from a reader that has parsed the payload; null if acceptable, else the reason
        /// ("unknown key 'x'", "'k_of' must be a number", "'db_of_Hz' out of range 0..5", "no settings given").
        /// </summary>
        public static string Parse(JsonReader r, DroopCommand into)
        {
            into.Clear();
            if (r.Error != null)
            {
                return r.Error;
            }

            if (r.Has("id"))
            {
                string id;
                if (!r.TryGetString("id", out id) || id.Length == 0 || id.Length > SetpointCommand.MaxIdLength)
                {
                    return "'id' must be a string of 1 to 36 characters";
                }

                into.Id = id;
            }

            for (int i = 0; i < r.MemberCount; i++)
            {
                if (!r.KeyAtIsOneOf(i, Keys))
                {
                    return "unknown key '" + r.KeyAt(i) + "'";
                }
            }

            if (r.Has("preset"))
            {
                string preset;
                if (!r.TryGetString("preset", out preset) || preset.Length == 0 || preset.Length > MaxPresetLength)
                {
                    return "'preset' must be a string of 1 to 23 characters";
                }

                into.HasPreset = true;
                into.Preset = preset;
            }

            if (r.Has("enabled"))
            {
                if (!r.TryGetBool("enabled", out into.Enabled))
                {
                    return "'enabled' must be true or false";
                }

                into.HasEnabled = true;
            }

            string error = Number(r, "nominal_Hz", 40, 70, false, out into.HasNominalHz, out into.NominalHz);
            error = error ?? Number(r, "db_of_Hz", 0, 5, false, out into.HasDeadbandOverHz, out into.DeadbandOverHz);
            error = error ?? Number(r, "db_uf_Hz", 0, 5, false, out into.HasDeadbandUnderHz, out into.DeadbandUnderHz);
            error = error ?? Number(r, "k_of", 0, 1, true, out into.HasDroopOver, out into.DroopOver);
            error = error ?? Number(r, "k_uf", 0, 1, true, out into.HasDroopUnder, out into.DroopUnder);
            error = error ?? Number(r, "response_s", 0, 600, false, out into.HasResponseS, out into.ResponseS);
            error = error ?? Number(r, "rated_W", 0, 10000000, true, out into.HasRatedW, out into.RatedW);
            if (error != null)
            {
                return error;
            }

            if (!into.HasPreset && !into.HasEnabled && !into.HasNominalHz && !into.HasDeadbandOverHz && !into.HasDeadbandUnderHz
                && !into.HasDroopOver && !into.HasDroopUnder && !into.HasResponseS && !into.HasRatedW)
            {
                return "no settings given";
            }

            return null;
        }

        /// <summary>An optional number in [min, max] (or (min, max] when <paramref name="minExclusive"/>); null or the reason.</summary>
        private static string Number(JsonReader r, string key, double min, double max, bool minExclusive, out bool has, out double value)
        {
            has = false;
            value = 0;
            if (!r.Has(key))
            {
                return null;
            }

            if (!r.TryGetNumber(key, out value))
            {
                return "'" + key + "' must be a number";
            }

            if (value < min || (minExclusive && value == min) || value > max)
            {
                // The bounds are whole numbers: formatted as integers, so the text is the same on every platform.
                return "'" + key + "' out of range " + (minExclusive ? "(" : "") + ((long)min).ToString() + ".." + ((long)max).ToString();
            }

            has = true;
            return null;
        }
    }
}
