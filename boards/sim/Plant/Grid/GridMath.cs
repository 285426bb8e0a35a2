namespace V2G.Sim.Plant.Grid
{
    /// <summary>
    /// Sine, tangent and square root for the grid models: nanoFramework's mscorlib has no System.Math.
    /// Used to build tables and filter coefficients once, and for one square root per cycle.
    /// </summary>
    internal static class GridMath
    {
        public const double Pi = 3.14159265358979323846;

        /// <summary>sin(x), to about 1e-9 absolute for any x (range-reduced Taylor series).</summary>
        public static double Sin(double x)
        {
            double turns = x / (2 * Pi);
            long whole = (long)turns;
            if (turns < 0)
            {
                whole--;
            }

            x -= whole * 2 * Pi;        // [0, 2π)
            if (x > Pi)
            {
                x -= 2 * Pi;            // (−π, π]
            }

            if (x > Pi / 2)
            {
                x = Pi - x;             // sin(π − x) = sin x
            }
            else if (x < -Pi / 2)
            {
                x = -Pi - x;
            }

            double term = x;
            double sum = x;
            double x2 = x * x;
            for (int n = 1; n < 10; n++)
            {
                term *= -x2 / ((2 * n) * (2 * n + 1));
                sum += term;
            }

            return sum;
        }

        public static double Cos(double x)
        {
            return Sin(x + Pi / 2);
        }

        public static double Tan(double x)
        {
            return Sin(x) / Cos(x);
        }

        /// <summary>√x by Newton's method from a power-of-four scaled start; 0 for x ≤ 0.</summary>
        public static double Sqrt(double x)
        {
            if (x <= 0)
            {
                return 0;
            }

            double guess = 1;
            double scaled = x;
            while (scaled > 4)
            {
                scaled /= 4;
                guess *= 2;
            }

            while (scaled < 0.25)
            {
                scaled *= 4;
                guess /= 2;
            }

            for (int i = 0; i < 6; i++)
            {
                guess = 0.5 * (guess + x / guess);
            }

            return guess;
        }
    }
}
