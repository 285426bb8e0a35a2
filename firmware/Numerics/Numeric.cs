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
    }
}
