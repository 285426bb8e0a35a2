using V2G.Protocol.Text;

namespace V2G.Firmware.Diagnostics.Commands
{
    /// <summary>
    /// Numbers and times as text for the commands' human lines (invariant, no string.Format on the device).
    /// Runs on the shell's thread, where a short-lived string is fine; never on the control thread.
    /// </summary>
    internal static class CommandText
    {
        /// <summary><paramref name="value"/> rounded to <paramref name="decimals"/> places ("-7400.0"); "-" for NaN.</summary>
        public static string Number(double value, int decimals)
        {
            if (double.IsNaN(value))
            {
                return "-";
            }

            TextBuffer text = new TextBuffer(32);
            text.Append(value, decimals);
            return text.ToString();
        }

        /// <summary>A whole number.</summary>
        public static string Integer(long value)
        {
            TextBuffer text = new TextBuffer(24);
            text.Append(value);
            return text.ToString();
        }

        /// <summary>A monotonic time in ms as seconds with milliseconds ("12.345").</summary>
        public static string Seconds(long ms)
        {
            return Number(ms / 1000.0, 3);
        }
    }
}
