namespace V2G.Protocol.Iso15118
{
    /// <summary>
    /// ISO 15118-20 physical values: RationalNumber {Exponent (sbyte), Value (short)} means
    /// Value × 10^Exponent (400.0 V = 4000 × 10^-1). Every grammar carries its own RationalNumberType,
    /// so the conversion works on the two numbers, not on a generated type.
    /// </summary>
    public static class PhysicalValue
    {
        /// <summary>Value × 10^exponent.</summary>
        public static double ToDouble(sbyte exponent, short value)
        {
            double x = value;
            int e = exponent;
            while (e > 0)
            {
                x *= 10;
                e--;
            }

            while (e < 0)
            {
                x /= 10;
                e++;
            }

            return x;
        }

        /// <summary>
        /// The representation with the most precision that fits a short: the smallest exponent from
        /// <paramref name="finestExponent"/> upward at which the rounded value is within ±32767.
        /// Returns false (and the largest representable magnitude) if the value is too large even at 10^3.
        /// </summary>
        public static bool FromDouble(double x, int finestExponent, out sbyte exponent, out short value)
        {
            const int CoarsestExponent = 3;
            if (double.IsNaN(x))
            {
                exponent = 0;
                value = 0;
                return false;
            }

            for (int e = finestExponent; e <= CoarsestExponent; e++)
            {
                double scaled = x;
                for (int i = e; i < 0; i++)
                {
                    scaled *= 10;
                }

                for (int i = 0; i < e; i++)
                {
                    scaled /= 10;
                }

                double rounded = scaled < 0 ? scaled - 0.5 : scaled + 0.5;
                if (rounded > -32768 && rounded < 32768)
                {
                    long v = (long)rounded;
                    if (v >= -32767 && v <= 32767)
                    {
                        exponent = (sbyte)e;
                        value = (short)v;
                        return true;
                    }
                }
            }

            exponent = CoarsestExponent;
            value = x < 0 ? (short)-32767 : (short)32767;
            return false;
        }
    }
}
