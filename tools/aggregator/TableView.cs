using System;
using System.Collections.Generic;
using System.IO;

namespace V2G.Aggregator
{
    /// <summary>
    /// Shows a <see cref="FleetTable"/>: on a terminal the whole table is redrawn in place (ANSI
    /// cursor movement); when the output is a file or a pipe, one plain line per row that changed,
    /// prefixed by the local time, so a log stays readable and grows only with news.
    /// </summary>
    public sealed class TableView
    {
        private readonly TextWriter _out;
        private readonly bool _ansi;
        private readonly Dictionary<string, long> _printedVersions = new Dictionary<string, long>(StringComparer.Ordinal);
        private readonly int _widthColumns;
        private int _linesOnScreen;
        private bool _headerPrinted;

        /// <param name="widthColumns">the terminal's width: longer lines are cut there, since a wrapped
        /// line would throw off the count of lines to go back over; 0 for no limit</param>
        public TableView(TextWriter output, bool ansi, int widthColumns = 0)
        {
            _out = output;
            _ansi = ansi;
            _widthColumns = widthColumns;
        }

        public void Draw(FleetTable table, DateTimeOffset now)
        {
            if (_ansi)
            {
                string[] lines = table.Render(now);
                if (_linesOnScreen > 0)
                {
                    // Back to the first line of the previous drawing (CSI n F), then overwrite it.
                    _out.Write($"\u001b[{_linesOnScreen}F");
                }

                foreach (string line in lines)
                {
                    _out.Write(_widthColumns > 1 && line.Length >= _widthColumns ? line.Substring(0, _widthColumns - 1) : line);
                    _out.Write("\u001b[K\n");
                }

                _out.Write("\u001b[J");
                _linesOnScreen = lines.Length;
                _out.Flush();
                return;
            }

            foreach (ChargerRow row in table.Rows)
            {
                if (_printedVersions.TryGetValue(row.ChargerId, out long printed) && printed == row.Version)
                {
                    continue;
                }

                if (!_headerPrinted)
                {
                    _out.WriteLine("time     " + FleetTable.Header);
                    _headerPrinted = true;
                }

                _printedVersions[row.ChargerId] = row.Version;
                _out.WriteLine(now.ToLocalTime().ToString("HH:mm:ss") + " " + FleetTable.RenderRow(row, now));
            }

            _out.Flush();
        }

        /// <summary>The whole table once, plain (the end of <c>watch --once-after</c>).</summary>
        public static void PrintOnce(TextWriter output, FleetTable table, DateTimeOffset now)
        {
            foreach (string line in table.Render(now))
            {
                output.WriteLine(line);
            }

            output.Flush();
        }
    }
}
