using System;
using System.Collections.Generic;
using System.Linq;

namespace V2G.IntegrationTests.Docs
{
    /// <summary>The rows of the pipe tables in a Markdown text, each cell keyed by its column's header (lower case).</summary>
    public static class MarkdownTable
    {
        public static List<Dictionary<string, string>> Rows(string markdown)
        {
            var rows = new List<Dictionary<string, string>>();
            string[] header = null;
            foreach (string raw in markdown.Split('\n'))
            {
                string line = raw.Trim();
                if (!line.StartsWith('|'))
                {
                    header = null;
                    continue;
                }

                string[] cells = Cells(line);
                if (header == null)
                {
                    header = cells.Select(c => c.ToLowerInvariant()).ToArray();
                }
                else if (!cells.All(c => c.Length > 0 && c.Trim(':', '-').Length == 0))
                {
                    var row = new Dictionary<string, string>();
                    for (int i = 0; i < header.Length && i < cells.Length; i++)
                    {
                        row[header[i]] = cells[i];
                    }

                    rows.Add(row);
                }
            }

            return rows;
        }

        /// <summary>The cell's text without the backticks of inline code.</summary>
        public static string Plain(string cell) => cell.Replace("`", "", StringComparison.Ordinal).Trim();

        private static string[] Cells(string line)
        {
            string inner = line.Trim('|');
            return inner.Split('|').Select(c => c.Trim()).ToArray();
        }
    }
}
