using V2G.Firmware.Numerics;

namespace V2G.Firmware.Battery
{
    /// <summary>
    /// Advancing one loss term along its trajectory while its stress (the rate k) changes from step to step, by
    /// the exact "virtual time" continuation the digest recommends for firmware [battery-ageing digest §2.7, A;
    /// TUM SimSES does the same, S]: find the x* at which the new rate would have produced the present loss,
    /// then evaluate the trajectory at x* + Δx. No step-size error (BLAST-Lite's forward-Euler form, V,
    /// over-predicts by ≈ 0.3 % after 365 daily steps).
    /// </summary>
    public static class AgeingTrajectory
    {
        /// <summary>
        /// Power law y = k·x^p: the loss after a further <paramref name="dx"/> at rate <paramref name="k"/>, from
        /// <paramref name="y"/>. x* = (y/k)^(1/p); first step from y = 0 is k·Δx^p.
        /// </summary>
        public static double PowerLawAdvance(double y, double k, double p, double dx)
        {
            if (!(k > 0) || !(dx > 0))
            {
                return y;
            }

            return k * Numeric.Pow(PowerLawVirtualX(y, k, p) + dx, p);
        }

        /// <summary>The x* at which y = k·x^p reaches <paramref name="y"/> (0 for y ≤ 0).</summary>
        public static double PowerLawVirtualX(double y, double k, double p)
        {
            if (!(y > 0) || !(k > 0))
            {
                return 0;
            }

            return Numeric.Pow(y / k, 1 / p);
        }

        /// <summary>
        /// dy/dx of y = k·x^p at the virtual x* of <paramref name="y"/> under rate <paramref name="k"/>. Where
        /// it is infinite (x* = 0 and p &lt; 1: a new pack) the secant over the next <paramref name="secantDx"/> is
        /// given instead.
        /// </summary>
        public static double PowerLawSlope(double y, double k, double p, double secantDx)
        {
            if (!(k > 0))
            {
                return 0;
            }

            double x = PowerLawVirtualX(y, k, p);
            if (x > 0)
            {
                return k * p * Numeric.Pow(x, p - 1);
            }

            if (!(secantDx > 0))
            {
                return 0;
            }

            return k * Numeric.Pow(secantDx, p) / secantDx;
        }

        /// <summary>
        /// Sigmoid y = 2·y∞·(½ − 1/(1 + exp((k·x)^p))) = y∞·tanh((k·x)^p / 2): the loss after a further
        /// <paramref name="dx"/> from <paramref name="y"/>. x* = (1/k)·[2·atanh(y/y∞)]^(1/p) [digest §2.7].
        /// </summary>
        public static double SigmoidAdvance(double y, double yInfinity, double k, double p, double dx)
        {
            if (!(k > 0) || !(dx > 0) || !(yInfinity > 0))
            {
                return y;
            }

            double x = 0;
            if (y > 0)
            {
                double r = y / yInfinity;
                if (r >= 1)
                {
                    return y;
                }

                // 2·atanh(r) = ln((1 + r)/(1 − r)) = ln(2·y∞/(y∞ − y) − 1), the digest's form.
                double z = Numeric.Ln((1 + r) / (1 - r));
                x = Numeric.Pow(z, 1 / p) / k;
            }

            double zNew = Numeric.Pow(k * (x + dx), p);
            return yInfinity * Numeric.Tanh(zNew / 2);
        }
    }
}
