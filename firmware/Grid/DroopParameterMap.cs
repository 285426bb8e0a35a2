namespace V2G.Firmware.Grid
{
    /// <summary>
    /// Droop settings in an aggregator's own words and back: OCPP 2.1 FreqDroop, IEEE 2030.5
    /// FreqDroopType and SunSpec model 711 [digest §5]. A "from" conversion starts from a basis
    /// (the settings in force: nominal frequency, rating and delay compensation are the charger's,
    /// not the aggregator's) and returns new settings, or null when the request is unusable (the
    /// caller answers Rejected). A "to" conversion returns false when a value does not fit the
    /// interface's integers.
    /// </summary>
    public static class DroopParameterMap
    {
        /// <summary>PresetName of settings that came from OCPP.</summary>
        public const string OcppName = "ocpp21";

        /// <summary>PresetName of settings that came from IEEE 2030.5.</summary>
        public const string Ieee2030Name = "ieee2030.5";

        /// <summary>PresetName of settings that came from SunSpec model 711.</summary>
        public const string SunSpecName = "sunspec711";

        /// <summary>This charger's Db_SF: deadbands in mHz.</summary>
        public const short SunSpecDeadbandScale = -3;

        /// <summary>This charger's K_SF: droops in thousandths.</summary>
        public const short SunSpecDroopScale = -3;

        /// <summary>This charger's RspTms_SF: response times in hundredths of a second (up to 655 s).</summary>
        public const short SunSpecResponseTimeScale = -2;

        // --- OCPP 2.1 ---

        /// <summary>
        /// OCPP 2.1 freqDroop to settings: dbOF = overFreq − fN, dbUF = fN − underFreq, kOF =
        /// overDroop, kUF = underDroop, OLRT = responseTime (our reading of the mapping [digest §5, U]).
        /// </summary>
        public static DroopSettings FromOcpp(DroopOcppFreqDroop value, DroopSettings basis)
        {
            if (value == null || basis == null || !(value.ResponseTimeS >= 0 && value.ResponseTimeS <= 3600))
            {
                return null;
            }

            DroopSettings s = basis.Copy();
            s.Enabled = true;
            s.PresetName = OcppName;
            s.DeadbandOverHz = value.OverFreqHz - basis.NominalHz;
            s.DeadbandUnderHz = basis.NominalHz - value.UnderFreqHz;
            s.DroopOver = value.OverDroop;
            s.DroopUnder = value.UnderDroop;
            s.ResponseTimeMs = RoundToInt(value.ResponseTimeS * 1000);
            return s.Validate() == null ? s : null;
        }

        /// <summary>Settings to OCPP 2.1 freqDroop (for GetDERControl / ReportDERControl).</summary>
        public static bool ToOcpp(DroopSettings settings, DroopOcppFreqDroop into)
        {
            into.OverFreqHz = settings.NominalHz + settings.DeadbandOverHz;
            into.UnderFreqHz = settings.NominalHz - settings.DeadbandUnderHz;
            into.OverDroop = settings.DroopOver;
            into.UnderDroop = settings.DroopUnder;
            into.ResponseTimeS = settings.ResponseTimeMs / 1000.0;
            return true;
        }

        // --- IEEE 2030.5 ---

        /// <summary>IEEE 2030.5 FreqDroopType to settings (openLoopTms 0 = no limit = no response filter).</summary>
        public static DroopSettings FromIeee2030(DroopIeee2030FreqDroop value, DroopSettings basis)
        {
            if (value == null || basis == null)
            {
                return null;
            }

            DroopSettings s = basis.Copy();
            s.Enabled = !value.Disabled;
            s.PresetName = Ieee2030Name;
            s.DeadbandOverHz = value.DbOfMilliHz / 1000.0;
            s.DeadbandUnderHz = value.DbUfMilliHz / 1000.0;
            s.DroopOver = value.KOfMilli / 1000.0;
            s.DroopUnder = value.KUfMilli / 1000.0;
            s.ResponseTimeMs = value.OpenLoopCentiS * 10;
            return s.Validate() == null ? s : null;
        }

        /// <summary>Settings to IEEE 2030.5 FreqDroopType, rounded to its resolution.</summary>
        public static bool ToIeee2030(DroopSettings settings, DroopIeee2030FreqDroop into)
        {
            double kOf = settings.DroopOver * 1000;
            double kUf = settings.DroopUnder * 1000;
            double tms = settings.ResponseTimeMs / 10.0;
            if (kOf > ushort.MaxValue || kUf > ushort.MaxValue || tms > ushort.MaxValue)
            {
                return false;
            }

            into.Disabled = !settings.Enabled;
            into.DbOfMilliHz = (uint)RoundToInt(settings.DeadbandOverHz * 1000);
            into.DbUfMilliHz = (uint)RoundToInt(settings.DeadbandUnderHz * 1000);
            into.KOfMilli = (ushort)RoundToInt(kOf);
            into.KUfMilli = (ushort)RoundToInt(kUf);
            into.OpenLoopCentiS = (ushort)RoundToInt(tms);
            return true;
        }

        // --- SunSpec model 711 ---

        /// <summary>One SunSpec 711 control set to settings, with whatever scale factors it carries.</summary>
        public static DroopSettings FromSunSpec711(DroopSunSpec711 value, DroopSettings basis)
        {
            if (value == null || basis == null || !IsScaleUsable(value.DbSf) || !IsScaleUsable(value.KSf) || !IsScaleUsable(value.RspTmsSf))
            {
                return null;
            }

            DroopSettings s = basis.Copy();
            s.Enabled = value.Ena != 0;
            s.PresetName = SunSpecName;
            s.DeadbandOverHz = value.DbOf * PowerOfTen(value.DbSf);
            s.DeadbandUnderHz = value.DbUf * PowerOfTen(value.DbSf);
            s.DroopOver = value.KOf * PowerOfTen(value.KSf);
            s.DroopUnder = value.KUf * PowerOfTen(value.KSf);
            s.ResponseTimeMs = RoundToInt(value.RspTms * PowerOfTen(value.RspTmsSf) * 1000);
            return s.Validate() == null ? s : null;
        }

        /// <summary>Settings to a SunSpec 711 control set with this charger's scale factors.</summary>
        public static bool ToSunSpec711(DroopSettings settings, DroopSunSpec711 into)
        {
            double dbOf = settings.DeadbandOverHz / PowerOfTen(SunSpecDeadbandScale);
            double dbUf = settings.DeadbandUnderHz / PowerOfTen(SunSpecDeadbandScale);
            double kOf = settings.DroopOver / PowerOfTen(SunSpecDroopScale);
            double kUf = settings.DroopUnder / PowerOfTen(SunSpecDroopScale);
            double rsp = settings.ResponseTimeMs / 1000.0 / PowerOfTen(SunSpecResponseTimeScale);
            if (dbOf > ushort.MaxValue || dbUf > ushort.MaxValue || kOf > ushort.MaxValue || kUf > ushort.MaxValue || rsp > ushort.MaxValue)
            {
                return false;
            }

            into.Ena = (ushort)(settings.Enabled ? 1 : 0);
            into.DbSf = SunSpecDeadbandScale;
            into.KSf = SunSpecDroopScale;
            into.RspTmsSf = SunSpecResponseTimeScale;
            into.DbOf = (ushort)RoundToInt(dbOf);
            into.DbUf = (ushort)RoundToInt(dbUf);
            into.KOf = (ushort)RoundToInt(kOf);
            into.KUf = (ushort)RoundToInt(kUf);
            into.RspTms = (ushort)RoundToInt(rsp);
            return true;
        }

        /// <summary>SunSpec scale factors are small powers of ten; anything else is a broken register map.</summary>
        private static bool IsScaleUsable(short scale)
        {
            return scale >= -10 && scale <= 10;
        }

        private static double PowerOfTen(short exponent)
        {
            double result = 1;
            for (int i = 0; i < exponent; i++)
            {
                result *= 10;
            }

            for (int i = 0; i > exponent; i--)
            {
                result /= 10;
            }

            return result;
        }

        /// <summary>Nearest integer of a non-negative value (negatives, already refused by the caller or by Validate, give 0).</summary>
        private static int RoundToInt(double x)
        {
            return x > 0 ? (int)(x + 0.5) : 0;
        }
    }
}
