using V2G.Protocol.Iso15118.Generated.Iso20;

namespace V2G.Protocol.Iso15118.Secc
{
    /// <summary>
    /// Physical values between the generated RationalNumberType (shared by the CommonMessages and DC
    /// grammars) and doubles in SI units (V, A, W, Wh).
    /// </summary>
    public static class SeccValues
    {
        /// <summary>Finest exponent used when sending: 0.1 V, 0.1 A, 0.1 W.</summary>
        public const int FinestExponent = -1;

        /// <summary>The value of <paramref name="r"/>, or 0 when absent.</summary>
        public static double Of(RationalNumberType r)
        {
            return r == null ? 0 : PhysicalValue.ToDouble(r.Exponent, r.Value);
        }


        /// <summary>Writes <paramref name="x"/> with the most precision that fits (saturates if too large).</summary>
        public static void Set(RationalNumberType r, double x)
        {
            sbyte e;
            short v;
            PhysicalValue.FromDouble(x, FinestExponent, out e, out v);
            r.Exponent = e;
            r.Value = v;
        }


        /// <summary>|x|: discharge limits arrive with either sign and are kept as magnitudes.</summary>
        public static double Magnitude(double x)
        {
            return x < 0 ? -x : x;
        }

        /// <summary>A discharge limit as sent: a positive magnitude, or negative when the settings ask for it.</summary>
        public static double DischargeLimitToSend(double magnitude, SeccSettings settings)
        {
            double m = Magnitude(magnitude);
            return settings.SendDischargeLimitsNegative ? -m : m;
        }

        /// <summary>A new zero value (for a DC message).</summary>
        public static RationalNumberType NewDc()
        {
            return new RationalNumberType();
        }

        /// <summary>A new zero value (for a CommonMessages message).</summary>
        public static RationalNumberType NewCm()
        {
            return new RationalNumberType();
        }
    }
}
