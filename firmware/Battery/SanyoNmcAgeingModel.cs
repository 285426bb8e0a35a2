using V2G.Firmware.Numerics;

namespace V2G.Firmware.Battery
{
    /// <summary>
    /// Model N2: NMC111|graphite, Sanyo UR18650E 2.15 Ah — J. Schmalstieg, S. Käbitz, M. Ecker, D. U. Sauer,
    /// "A holistic aging model for Li(NiMnCo)O2 based 18650 lithium-ion batteries", J. Power Sources 257 (2014)
    /// 325–334, as replicated by NREL BLAST-Lite (class Nmc111_Gr_Sanyo2Ah_Battery); α and β identical in TUM
    /// SimSES (S); paper not opened [battery-ageing digest §4, V]. BLAST: cycle degradation "NOT SENSITIVE TO
    /// TEMPERATURE OR C-RATE … ONLY ACCURATE NEAR 1C RATE AND 35 CELSIUS". Tested range: cycling 20–40 °C,
    /// DOD 0–1, 1C charge and discharge.
    /// <para>
    /// Calendar: Q_cal = α·t^0.75, α = (7.543·V − 23.75)·10⁶·exp(−6976/T), V the cell's open-circuit voltage
    /// (<see cref="OpenCircuitVolts"/>). Cycling: Q_cyc = β·Q^0.5, Q the Ah throughput per cell (charge plus
    /// discharge, 2 × 2.15 Ah per EFC), β = 7.348e-3·(V_rms − 3.667)² + 7.6e-4 + 4.081e-3·DOD, V_rms the RMS of
    /// the OCV over the cycle's SOC swing (the digest's 3.81003 V for 90 % ↔ 32.3 %; BLAST takes it over the
    /// step's samples, rests included, SimSES from the two ends [digest §4]).
    /// </para>
    /// </summary>
    public sealed class SanyoNmcAgeingModel : AgeingModel
    {
        /// <summary>α slope, 1/V (× 10⁶ scale) [digest §4, V].</summary>
        public const double AlphaSlope = 7.543;

        /// <summary>α offset (× 10⁶ scale) [digest §4, V].</summary>
        public const double AlphaOffset = -23.75;

        /// <summary>α scale [digest §4, V].</summary>
        public const double AlphaScale = 1e6;

        /// <summary>α activation, K [digest §4, V].</summary>
        public const double AlphaActivationK = -6976;

        /// <summary>Calendar exponent (t in days) [digest §4, V].</summary>
        public const double CalendarPower = 0.75;

        /// <summary>β quadratic, V^−2·Ah^−0.5 [digest §4, V].</summary>
        public const double BetaQuadratic = 7.348e-3;

        /// <summary>β voltage centre, V [digest §4, V].</summary>
        public const double BetaCentreV = 3.667;

        /// <summary>β constant, Ah^−0.5 [digest §4, V].</summary>
        public const double BetaConstant = 7.6e-4;

        /// <summary>β DOD slope, Ah^−0.5 per unit DOD [digest §4, V].</summary>
        public const double BetaDodSlope = 4.081e-3;

        /// <summary>Cycling exponent (Q in Ah) [digest §4, V].</summary>
        public const double CyclePower = 0.5;

        /// <summary>Nominal cell capacity, Ah [digest §4, V].</summary>
        public const double CellCapacityAh = 2.15;

        /// <summary>
        /// Below this OCV α would turn negative (23.75/7.543 = 3.1486 V, digest C); SimSES clamps V to ≥ 3.149 V
        /// (S). BLAST's table never goes below 3.331 V, so the clamp never acts with it.
        /// </summary>
        public const double AlphaFloorV = 3.149;

        // OCV table used by BLAST-Lite (digitised from Schmalstieg Fig. 1, 0/10 % SOC from Ecker et al., doi
        // 10.1016/j.jpowsour.2013.09.143) as the digest prints it, rounded to 5 / 4 digits [digest §4, V].
        private static readonly double[] OcvSoc =
        {
            0, 0.00864, 0.02678, 0.04492, 0.06306, 0.08121, 0.09935, 0.11749, 0.13563, 0.15378,
            0.17192, 0.19006, 0.20820, 0.22635, 0.24449, 0.26263, 0.28077, 0.29891, 0.31706, 0.33520,
            0.35334, 0.37148, 0.38963, 0.40777, 0.42591, 0.44405, 0.46220, 0.48034, 0.49848, 0.51662,
            0.53477, 0.55291, 0.57105, 0.58919, 0.60734, 0.62548, 0.64362, 0.66176, 0.67990, 0.69805,
            0.71619, 0.73433, 0.75247, 0.77062, 0.78876, 0.80690, 0.82504, 0.84319, 0.86133, 0.87947,
            0.89761, 0.91576, 0.93390, 0.95204, 0.97018, 0.98832, 0.99822, 1,
        };

        private static readonly double[] OcvV =
        {
            3.3310, 3.3450, 3.3792, 3.4116, 3.4406, 3.4663, 3.4903, 3.5113, 3.5299, 3.5472,
            3.5617, 3.5750, 3.5864, 3.5971, 3.6055, 3.6134, 3.6203, 3.6264, 3.6321, 3.6369,
            3.6421, 3.6469, 3.6521, 3.6576, 3.6635, 3.6702, 3.6774, 3.6868, 3.6964, 3.7083,
            3.7206, 3.7344, 3.7496, 3.7653, 3.7811, 3.7979, 3.8146, 3.8325, 3.8498, 3.8669,
            3.8845, 3.9008, 3.9178, 3.9348, 3.9535, 3.9719, 3.9914, 4.0118, 4.0320, 4.0520,
            4.0708, 4.0878, 4.1042, 4.1201, 4.1360, 4.1525, 4.1606, 4.1620,
        };

        public override AgeingModelKind Kind
        {
            get { return AgeingModelKind.NmcSanyo2Ah; }
        }

        public override double CalendarExponent
        {
            get { return CalendarPower; }
        }

        public override double CycleExponent
        {
            get { return CyclePower; }
        }

        /// <summary>Ah per cell per EFC: charge plus discharge, 2 × 2.15 Ah [digest §1, V].</summary>
        public override double ThroughputPerEfc
        {
            get { return 2 * CellCapacityAh; }
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
            get { return 20; }
        }

        public override double MaxCyclingTemperatureC
        {
            get { return 40; }
        }

        public override double MinTestedDepth
        {
            get { return 0; }
        }

        /// <summary>The cell's OCV at <paramref name="soc"/>, V: linear interpolation in BLAST's table, clamped at its ends; 3.77471 V at 0.6 (digest, C).</summary>
        public static double OpenCircuitVolts(double soc)
        {
            if (soc <= OcvSoc[0])
            {
                return OcvV[0];
            }

            int last = OcvSoc.Length - 1;
            if (soc >= OcvSoc[last])
            {
                return OcvV[last];
            }

            int i = 1;
            while (OcvSoc[i] < soc)
            {
                i++;
            }

            double f = (soc - OcvSoc[i - 1]) / (OcvSoc[i] - OcvSoc[i - 1]);
            return OcvV[i - 1] + f * (OcvV[i] - OcvV[i - 1]);
        }

        /// <summary>
        /// RMS of the OCV over the SOC swing between <paramref name="socA"/> and <paramref name="socB"/>, V, as a
        /// constant current traverses it (uniform in SOC): exact integral of the piecewise-linear OCV squared.
        /// </summary>
        public static double RmsOpenCircuitVolts(double socA, double socB)
        {
            double lo = Numeric.Min(socA, socB);
            double hi = Numeric.Max(socA, socB);
            if (hi - lo < 1e-12)
            {
                return OpenCircuitVolts(lo);
            }

            double integral = 0;
            double a = lo;
            while (a < hi)
            {
                // The end of the table segment holding a (or hi, whichever is first).
                double b = hi;
                for (int i = 0; i < OcvSoc.Length; i++)
                {
                    if (OcvSoc[i] > a)
                    {
                        if (OcvSoc[i] < b)
                        {
                            b = OcvSoc[i];
                        }

                        break;
                    }
                }

                double va = OpenCircuitVolts(a);
                double vb = OpenCircuitVolts(b);
                integral += (b - a) * (va * va + va * vb + vb * vb) / 3;
                a = b;
            }

            return Numeric.Sqrt(integral / (hi - lo));
        }

        /// <summary>α = (7.543·V − 23.75)·10⁶·exp(−6976/T); 3.2563e-4 day^−0.75 at SOC 0.6 and 25 °C (digest, C).</summary>
        public override double CalendarRate(double soc, double temperatureC)
        {
            double v = Numeric.Max(OpenCircuitVolts(soc), AlphaFloorV);
            return (AlphaSlope * v + AlphaOffset) * AlphaScale * Numeric.Exp(AlphaActivationK / Kelvin(temperatureC));
        }

        /// <summary>β = 7.348e-3·(V_rms − 3.667)² + 7.6e-4 + 4.081e-3·DOD; 3.26474e-3 Ah^−0.5 for 90 % ↔ 32.3 % (digest, C). No temperature or C-rate term.</summary>
        public override double CycleRate(double fromSoc, double toSoc, double cRatePerH, double temperatureC)
        {
            double dod = Numeric.Abs(fromSoc - toSoc);
            double d = RmsOpenCircuitVolts(fromSoc, toSoc) - BetaCentreV;
            return BetaQuadratic * d * d + BetaConstant + BetaDodSlope * dod;
        }
    }
}
