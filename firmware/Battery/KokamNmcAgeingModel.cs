using V2G.Firmware.Numerics;

namespace V2G.Firmware.Battery
{
    /// <summary>
    /// Model N1: NMC111|graphite, Kokam 75 Ah pouch — NREL BLAST-Lite class Nmc111_Gr_Kokam75Ah_Battery
    /// (commit bae8c71), fitted to the ageing data of IEEE Xplore document 7963578 (paper not opened; the
    /// parameters are BLAST's) [battery-ageing digest §3, V]. No C-rate dependence (BLAST: "NOT PHYSICALLY
    /// REALISTIC AND IS BASED ON LIMITED DATA"). Tested range: cycling 0–45 °C, DOD 0.8–1, 1C charge and discharge.
    /// <para>
    /// Calendar: Q_cal = q1·t^0.357, q1 = q1_0·exp(q1_1/T_N)·exp(q1_2·U_N/T_N). Cycling: Q_cyc = q3·EFC^0.778,
    /// q3 = q3_0·exp(q3_1/T_N)·exp(q3_2·exp(DOD²)). Loss of active material (knee): sigmoid in EFC,
    /// Q_LAM = 1 − 2/(1 + exp((EFC/q5)^10)), q5 = q5_0 + q5_1·(T_C − 55)·DOD·(SOC_mean/0.6), from 1e-8.
    /// q = min(1 − Q_cal − Q_cyc, 1.01 − Q_LAM). T_N = T/308.15 K, U_N = U_a/0.123 V. The resistance terms are
    /// not carried (the guard needs capacity only).
    /// </para>
    /// </summary>
    public sealed class KokamNmcAgeingModel : AgeingModel
    {
        /// <summary>q1_0, day^−0.357 [digest §3, V].</summary>
        public const double Q1_0 = 2.66e7;

        /// <summary>q1_1, acts on 1/T_N [digest §3, V].</summary>
        public const double Q1_1 = -17.8;

        /// <summary>q1_2, acts on U_N/T_N [digest §3, V].</summary>
        public const double Q1_2 = -5.21;

        /// <summary>q2, the time exponent [digest §3, V].</summary>
        public const double Q2 = 0.357;

        /// <summary>q3_0, EFC^−0.778 [digest §3, V].</summary>
        public const double Q3_0 = 3.80e3;

        /// <summary>q3_1 [digest §3, V].</summary>
        public const double Q3_1 = -18.4;

        /// <summary>q3_2 [digest §3, V].</summary>
        public const double Q3_2 = 1.04;

        /// <summary>q4, the EFC exponent [digest §3, V].</summary>
        public const double Q4 = 0.778;

        /// <summary>q5_0, EFC: knee position at 55 °C [digest §3, V].</summary>
        public const double Q5_0 = 1e4;

        /// <summary>q5_1, EFC per °C per unit DOD·SOC_mean/0.6 [digest §3, V].</summary>
        public const double Q5_1 = 153;

        /// <summary>p_LAM, the knee's sharpness [digest §3, V].</summary>
        public const double PLam = 10;

        /// <summary>Initial loss-of-active-material state [digest §3, V].</summary>
        public const double LamInitial = 1e-8;

        /// <summary>Reference temperature of T_N, K [digest §3, V].</summary>
        public const double ReferenceK = 308.15;

        /// <summary>Reference anode potential of U_N, V (≈ U_a at 50 % SOC) [digest §3, V].</summary>
        public const double ReferenceAnodeV = 0.123;

        private double _lam = LamInitial;

        public override AgeingModelKind Kind
        {
            get { return AgeingModelKind.NmcKokam75Ah; }
        }

        public override double CalendarExponent
        {
            get { return Q2; }
        }

        public override double CycleExponent
        {
            get { return Q4; }
        }

        public override double ThroughputPerEfc
        {
            get { return 1; }
        }

        public override double MaxChargeCRatePerH
        {
            get { return 1; }
        }

        public override double MaxDischargeCRatePerH
        {
            get { return 1; }
        }

        public override double MinCyclingTemperatureC
        {
            get { return 0; }
        }

        public override double MaxCyclingTemperatureC
        {
            get { return 45; }
        }

        public override double MinTestedDepth
        {
            get { return 0.8; }
        }

        /// <summary>Loss of active material Q_LAM (fraction).</summary>
        public double LossOfActiveMaterial
        {
            get { return _lam; }
        }

        public override double OtherLoss
        {
            get { return _lam; }
        }

        /// <summary>1 − q with q = min(1 − Q_cal − Q_cyc, 1.01 − Q_LAM).</summary>
        public override double CapacityLoss
        {
            get { return Numeric.Max(CalendarLoss + CycleLoss, _lam - 0.01); }
        }

        /// <summary>q1 = q1_0·exp(q1_1/T_N)·exp(q1_2·U_N/T_N); 1.4967e-3 at SOC 0.6 and 25 °C (digest, C).</summary>
        public override double CalendarRate(double soc, double temperatureC)
        {
            double tn = Kelvin(temperatureC) / ReferenceK;
            double un = AnodePotential.Volts(soc) / ReferenceAnodeV;
            return Q1_0 * Numeric.Exp(Q1_1 / tn) * Numeric.Exp(Q1_2 * un / tn);
        }

        /// <summary>q3 = q3_0·exp(q3_1/T_N)·exp(q3_2·exp(DOD²)); 8.9286e-5 at DOD 0.5769 and 25 °C (digest, C).</summary>
        public override double CycleRate(double fromSoc, double toSoc, double cRatePerH, double temperatureC)
        {
            double dod = Numeric.Abs(fromSoc - toSoc);
            double tn = Kelvin(temperatureC) / ReferenceK;
            return Q3_0 * Numeric.Exp(Q3_1 / tn) * Numeric.Exp(Q3_2 * Numeric.Exp(dod * dod));
        }

        /// <summary>The knee position q5, EFC; 7351.9 at DOD 0.5769, SOC_mean 0.6, 25 °C (digest, C).</summary>
        public static double KneeEfc(double depth, double meanSoc, double temperatureC)
        {
            return Q5_0 + Q5_1 * (temperatureC - 55) * depth * (meanSoc / 0.6);
        }

        public override void Restore(double calendarLoss, double cycleLoss, double otherLoss)
        {
            base.Restore(calendarLoss, cycleLoss, otherLoss);
            _lam = otherLoss > LamInitial ? otherLoss : LamInitial;
        }

        protected override void OnCycle(ref RainflowCycle cycle, double efc, double scalar)
        {
            double q5 = KneeEfc(cycle.Depth, cycle.MeanSoc, cycle.TemperatureC);
            if (!(q5 > 0))
            {
                // Far outside the tested range (cold, deep, high SOC) the fitted knee position is not positive:
                // the law says nothing there; the cycle is already flagged as extrapolated.
                return;
            }

            double next = AgeingTrajectory.SigmoidAdvance(_lam, 1, 1 / q5, PLam, efc);
            _lam += scalar * (next - _lam);
        }
    }
}
