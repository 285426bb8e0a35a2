using V2G.Firmware.Battery;

namespace V2G.UnitTests.Batteries
{
    /// <summary>
    /// The battery-ageing digest's worked example (§10.1): a 52 kWh pack, 30 kWh per session (DOD 30/52),
    /// SOC 0.90 ↔ 0.323077 at 0.3 C, 25 °C, 250 sessions a year, replacement cost 35 193.6 CNY, end of life at
    /// 20 % fade; daily profile P1 (rest at 32.3 % 00:00–05:00, charge to 90 %, rest 9.597 h, discharge to
    /// 32.3 %, rest to 24:00). Samples are fed at the profile's corners (so the C-rate of each segment is
    /// exact) and, when asked, every <c>stepS</c> in between.
    /// </summary>
    public static class AgeingRig
    {
        public const double PackKWh = 52;
        public const double SessionKWh = 30;
        public const double Dod = SessionKWh / PackKWh;
        public const double TopSoc = 0.90;
        public const double BottomSoc = TopSoc - Dod;
        public const double CRate = 0.3;
        public const double TemperatureC = 25;
        public const double ReplacementCost = 94 * 7.2 * 52;
        public const double SessionsPerYear = 250;
        public const double DischargePrice = 0.7;
        public const double ChargePrice = 0.4733;

        public static DegradationModel NewModel(AgeingModelKind kind)
        {
            DegradationSettings s = new DegradationSettings();
            s.Model = kind;
            s.ReplacementCost = ReplacementCost;
            s.EndOfLifeFade = 0.20;
            s.RainflowHysteresisSoc = 0;
            return new DegradationModel(s);
        }

        /// <summary>Runs days <paramref name="firstDay"/> … of P1 (<paramref name="days"/> of them); <paramref name="stepS"/> 0 = corners only.</summary>
        public static void RunP1Days(DegradationModel m, int firstDay, int days, double stepS)
        {
            double rampH = Dod / CRate;
            double[] cornerH = { 0, 5, 5 + rampH, 5 + rampH + 9.597, 5 + 2 * rampH + 9.597, 24 };
            double[] cornerSoc = { BottomSoc, BottomSoc, TopSoc, TopSoc, BottomSoc, BottomSoc };
            for (int day = firstDay; day < firstDay + days; day++)
            {
                double dayS = day * 86400.0;
                for (int seg = 0; seg + 1 < cornerH.Length; seg++)
                {
                    double a = cornerH[seg] * 3600;
                    double b = cornerH[seg + 1] * 3600;
                    if (day == 0 && seg == 0)
                    {
                        m.Observe(dayS + a, cornerSoc[seg], double.NaN, TemperatureC);
                    }

                    if (stepS > 0)
                    {
                        for (double t = a + stepS; t < b; t += stepS)
                        {
                            double f = (t - a) / (b - a);
                            m.Observe(dayS + t, cornerSoc[seg] + f * (cornerSoc[seg + 1] - cornerSoc[seg]), double.NaN, TemperatureC);
                        }
                    }

                    m.Observe(dayS + b, cornerSoc[seg + 1], double.NaN, TemperatureC);
                }
            }
        }

        /// <summary>Runs <paramref name="days"/> days at a constant SOC, one sample an hour.</summary>
        public static void RunConstantSoc(DegradationModel m, int days, double soc)
        {
            for (int h = 0; h <= days * 24; h++)
            {
                m.Observe(h * 3600.0, soc, double.NaN, TemperatureC);
            }
        }
    }
}
