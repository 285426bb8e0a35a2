using V2G.Firmware.Grid;

namespace V2G.UnitTests.Grid.Droop
{
    /// <summary>
    /// What the droop tests share: an independent statement of the IEEE 1547 droop equation (the
    /// oracle, in the generator sign and per unit, as the digest writes it [§1]) and the t90 of a
    /// recorded response.
    /// </summary>
    public static class DroopTestRig
    {
        /// <summary>Expected steady power (IEEE generator sign, pu) at <paramref name="frequencyHz"/> for an event latched at <paramref name="prePu"/>.</summary>
        public static double ExpectedGeneratorPu(DroopSettings s, double prePu, double frequencyHz, double minimumPu, double availablePu)
        {
            double over = s.NominalHz + s.DeadbandOverHz;
            double under = s.NominalHz - s.DeadbandUnderHz;
            double p = prePu;
            if (frequencyHz > over)
            {
                p = prePu - (frequencyHz - over) / (s.NominalHz * s.DroopOver);
                return p < minimumPu ? minimumPu : p;
            }

            if (frequencyHz < under)
            {
                p = prePu + (under - frequencyHz) / (s.NominalHz * s.DroopUnder);
                return p > availablePu ? availablePu : p;
            }

            return p;
        }

        /// <summary>
        /// Time from <paramref name="stepS"/> to the first sample that has made 90 % of the change
        /// from <paramref name="initial"/> to <paramref name="final"/>, s; −1 if none does.
        /// </summary>
        public static double T90S(double[] timeS, double[] value, int count, double stepS, double initial, double final)
        {
            double threshold = initial + 0.9 * (final - initial);
            bool rising = final > initial;
            for (int i = 0; i < count; i++)
            {
                if (timeS[i] < stepS - 1e-9)
                {
                    continue;
                }

                if (rising ? value[i] >= threshold : value[i] <= threshold)
                {
                    return timeS[i] - stepS;
                }
            }

            return -1;
        }

        /// <summary>Settings for a droop fed the frequency directly (no estimator, no converter: nothing to compensate).</summary>
        public static DroopSettings Direct(DroopSettings preset, double ratedW)
        {
            DroopSettings s = preset.Copy();
            s.DelayCompensationMs = 0;
            s.RatedPowerW = ratedW;
            return s;
        }
    }
}
