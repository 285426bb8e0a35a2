namespace V2G.Protocol.Text
{
    /// <summary>
    /// Builds a double from decimal digits read one at a time, without double.Parse (culture-bound on the
    /// host, missing pieces on the device): the digits go into a long mantissa and a power-of-ten exponent,
    /// and <see cref="Scale"/> makes the value. Exact for up to 15 significant digits and exponents within
    /// ±22; longer numbers come within a couple of ulp. Shared by the JSON reader and the shell's arguments.
    /// </summary>
    public static class DecimalDigits
    {
        private static readonly double[] PowersOfTen =
        {
            1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
            1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
        };

        /// <summary>Adds one digit (0..9) of the integer part (<paramref name="fraction"/> false) or of the fraction.</summary>
        public static void Accumulate(int digit, ref long mantissa, ref int significant, ref int exponent, bool fraction)
        {
            // 18 significant digits fit a long; later ones only move the decimal point (integer part) or are dropped (fraction).
            if (mantissa == 0 && digit == 0)
            {
                if (fraction)
                {
                    exponent--;
                }

                return;
            }

            if (significant < 18)
            {
                mantissa = mantissa * 10 + digit;
                significant++;
                if (fraction)
                {
                    exponent--;
                }
            }
            else if (!fraction)
            {
                exponent++;
            }
        }

        /// <summary>mantissa × 10^exponent (infinite beyond double's range, 0 below it).</summary>
        public static double Scale(long mantissa, int exponent)
        {
            double value = mantissa;
            if (mantissa == 0)
            {
                return 0;
            }

            while (exponent > 22)
            {
                value *= 1e22;
                exponent -= 22;
                if (value > double.MaxValue)
                {
                    return value;
                }
            }

            while (exponent < -22)
            {
                value /= 1e22;
                exponent += 22;
                if (value == 0)
                {
                    return 0;
                }
            }

            return exponent >= 0 ? value * PowersOfTen[exponent] : value / PowersOfTen[-exponent];
        }
    }
}
