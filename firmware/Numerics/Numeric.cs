namespace V2G.Firmware.Numerics
{
    /// <summary>
    /// The few numeric helpers the firmware and the plant models need: nanoFramework's mscorlib has
    /// no System.Math (and nanoFramework.System.Math is a separate native package we do not have).
    /// </summary>
    public static class Numeric
    {
        public static double Abs(double x)
        {
            return x < 0 ? -x : x;
        }

        public static double Min(double a, double b)
        {
            return a < b ? a : b;
        }

        public static double Max(double a, double b)
        {
            return a > b ? a : b;
        }

        /// <summary><paramref name="x"/> limited to [<paramref name="low"/>, <paramref name="high"/>].</summary>
        public static double Clamp(double x, double low, double high)
        {
            if (x < low)
            {
                return low;
            }

            return x > high ? high : x;
        }

        /// <summary>
        /// e^x, to about 1e-12 relative for |x| ≤ 50 (the time constants of filters and plant models).
        /// Halves the argument until |x| ≤ 0.5, sums the series, then squares back.
        /// </summary>
        public static double Exp(double x)
        {
            int halvings = 0;
            while (x < -0.5 || x > 0.5)
            {
                x /= 2;
                halvings++;
            }

            double term = 1;
            double sum = 1;
            for (int n = 1; n < 14; n++)
            {
                term *= x / n;
                sum += term;
            }

            for (int i = 0; i < halvings; i++)
            {
                sum *= sum;
            }

            return sum;
        }

        /// <summary>ln 2, to double precision.</summary>
        public const double Ln2 = 0.69314718055994530942;

        /// <summary>
        /// Natural logarithm of <paramref name="x"/>, to about 1e-15 relative; NaN for x ≤ 0 or NaN (the callers
        /// guard x = 0 themselves). Scales x by powers of 2 into [√½, √2], then sums the series of
        /// 2·atanh((m − 1)/(m + 1)), whose argument is then at most 0.172.
        /// </summary>
        public static double Ln(double x)
        {
            if (!(x > 0) || double.IsPositiveInfinity(x))
            {
                return x > 0 ? x : double.NaN;
            }

            int twos = 0;
            while (x > 1.4142135623730951)
            {
                x *= 0.5;
                twos++;
            }

            while (x < 0.70710678118654752)
            {
                x *= 2;
                twos--;
            }

            double z = (x - 1) / (x + 1);
            double z2 = z * z;
            double term = z;
            double sum = 0;
            for (int n = 1; n < 40; n += 2)
            {
                sum += term / n;
                term *= z2;
            }

            return 2 * sum + twos * Ln2;
        }

        /// <summary>
        /// <paramref name="x"/> to the power <paramref name="y"/> for x ≥ 0, as e^(y·ln x): 0 for x = 0 and y &gt; 0, 1 for y = 0,
        /// NaN for x &lt; 0 (the ageing laws only raise non-negative quantities to real powers).
        /// </summary>
        public static double Pow(double x, double y)
        {
            if (y == 0)
            {
                return 1;
            }

            if (x == 0)
            {
                return y > 0 ? 0 : double.PositiveInfinity;
            }

            if (x < 0)
            {
                return double.NaN;
            }

            return Exp(y * Ln(x));
        }

        /// <summary>√x for x ≥ 0 (NaN below), by Newton's iteration from a power-of-2 first guess.</summary>
        public static double Sqrt(double x)
        {
            if (x == 0)
            {
                return 0;
            }

            if (!(x > 0) || double.IsPositiveInfinity(x))
            {
                return x > 0 ? x : double.NaN;
            }

            double guess = 1;
            double m = x;
            while (m > 4)
            {
                m *= 0.25;
                guess *= 2;
            }

            while (m < 0.25)
            {
                m *= 4;
                guess *= 0.5;
            }

            for (int i = 0; i < 8; i++)
            {
                guess = 0.5 * (guess + x / guess);
            }

            return guess;
        }

        /// <summary>Hyperbolic tangent, to about 1e-15 relative: its series below |x| = 0.01, ±1 beyond |x| = 20, else 1 − 2/(e^(2x) + 1).</summary>
        public static double Tanh(double x)
        {
            double a = x < 0 ? -x : x;
            if (a > 20)
            {
                return x < 0 ? -1 : 1;
            }

            if (a < 0.01)
            {
                double x2 = x * x;
                return x * (1 - x2 * (1.0 / 3 - x2 * (2.0 / 15 - x2 * 17.0 / 315)));
            }

            double t = 1 - 2 / (Exp(2 * a) + 1);
            return x < 0 ? -t : t;
        }
    }
}
