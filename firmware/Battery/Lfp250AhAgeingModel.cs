using V2G.Firmware.Numerics;

namespace V2G.Firmware.Battery
{
    /// <summary>
    /// Model L1: LFP|graphite, large-format prismatic 250 Ah — NREL BLAST-Lite class Lfp_Gr_250AhPrismatic,
    /// fitted to the experimental data of the "2023 Journal of Energy Storage paper", doi
    /// 10.1016/j.est.2023.109042 (paper not opened; the parameters are BLAST's) [battery-ageing digest §5, V].
    /// BLAST warns the model "will likely make very poor extrapolations outside of this tested temperature
    /// range for cycling fade". Tested range: cycling 10–45 °C, DOD 0.8–1, 0.65 C charge, 1 C discharge.
    /// <para>
    /// Calendar: Q_cal = k_cal·t^0.526, k_cal = |p1|·exp(p2/T)·exp(p3·U_a/T). Cycling: Q_cyc = k_cyc·EFC^0.828,
    /// k_cyc = (p4 + p5·DOD + p6·C)·(exp(p7/T) + exp(−p8/T)). q = 1 − Q_cal − Q_cyc; no resistance model.
    /// </para>
    /// </summary>
    public sealed class Lfp250AhAgeingModel : AgeingModel
    {
        /// <summary>p1, day^−0.526 [digest §5, V].</summary>
        public const double P1 = 8.37e4;

        /// <summary>p2, K [digest §5, V].</summary>
        public const double P2 = -5.21e3;

        /// <summary>p3, K/V [digest §5, V].</summary>
        public const double P3 = -3.56e3;

        /// <summary>p_cal [digest §5, V].</summary>
        public const double PCal = 0.526;

        /// <summary>p4, EFC^−0.828 [digest §5, V].</summary>
        public const double P4 = 4.38e-8;

        /// <summary>p5, EFC^−0.828 per unit DOD [digest §5, V].</summary>
        public const double P5 = 1.55e-8;

        /// <summary>p6, EFC^−0.828 per (1/h) of C-rate [digest §5, V].</summary>
        public const double P6 = 1.68e-7;

        /// <summary>p7, K [digest §5, V].</summary>
        public const double P7 = 2.19e3;

        /// <summary>p8, K (exp(−p8/T) ≈ 1.7e-226 at 298 K: numerically zero, computed without a trap) [digest §5, V].</summary>
        public const double P8 = 1.55e5;

        /// <summary>p_cyc [digest §5, V].</summary>
        public const double PCyc = 0.828;

        public override AgeingModelKind Kind
        {
            get { return AgeingModelKind.Lfp250AhPrismatic; }
        }

        public override double CalendarExponent
        {
            get { return PCal; }
        }

        public override double CycleExponent
        {
            get { return PCyc; }
        }

        public override double ThroughputPerEfc
        {
            get { return 1; }
        }

        public override double MaxChargeCRatePerH
        {
            get { return 0.65; }
        }

        public override double MaxDischargeCRatePerH
        {
            get { return 1; }
        }

        public override double MinCyclingTemperatureC
        {
            get { return 10; }
        }

        public override double MaxCyclingTemperatureC
        {
            get { return 45; }
        }

        public override double MinTestedDepth
        {
            get { return 0.8; }
        }

        /// <summary>k_cal = |p1|·exp(p2/T)·exp(p3·U_a/T); 5.2152e-4 day^−0.526 at SOC 0.6 and 25 °C (digest, C).</summary>
        public override double CalendarRate(double soc, double temperatureC)
        {
            double t = Kelvin(temperatureC);
            return P1 * Numeric.Exp(P2 / t) * Numeric.Exp(P3 * AnodePotential.Volts(soc) / t);
        }

        /// <summary>k_cyc = (p4 + p5·DOD + p6·C)·(exp(p7/T) + exp(−p8/T)); 1.59756e-4 EFC^−0.828 at DOD 0.5769, 0.3 C, 25 °C (digest, C).</summary>
        public override double CycleRate(double fromSoc, double toSoc, double cRatePerH, double temperatureC)
        {
            double dod = Numeric.Abs(fromSoc - toSoc);
            double t = Kelvin(temperatureC);
            double c = cRatePerH < 0 ? -cRatePerH : cRatePerH;
            return (P4 + P5 * dod + P6 * c) * (Numeric.Exp(P7 / t) + Numeric.Exp(-P8 / t));
        }
    }
}
