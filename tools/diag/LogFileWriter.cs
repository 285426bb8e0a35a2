using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;

namespace V2G.Diag
{
    /// <summary>
    /// Writes the entries of <c>log download</c> as they stream in: JSON lines (one entry object a line, as the
    /// shell sent it) or CSV (a header from the first entry's field names, then one row an entry).
    /// </summary>
    public sealed class LogFileWriter
    {
        private readonly TextWriter _out;
        private readonly bool _csv;
        private List<string> _columns;

        public LogFileWriter(TextWriter output, bool csv)
        {
            _out = output ?? throw new ArgumentNullException(nameof(output));
            _csv = csv;
        }

        /// <summary>Entries written so far.</summary>
        public int Entries { get; private set; }

        /// <summary>
        /// Writes the entries of one reply part: its data's "items" array (a streamed list), else its "entries", else
        /// its first array; a part without one writes nothing.
        /// </summary>
        public void Write(MachineReply part)
        {
            JsonElement items = EntriesOf(part.Data);
            if (items.ValueKind != JsonValueKind.Array)
            {
                return;
            }

            foreach (JsonElement item in items.EnumerateArray())
            {
                if (_csv)
                {
                    WriteRow(item);
                }
                else
                {
                    _out.WriteLine(item.GetRawText());
                }

                Entries++;
            }
        }

        private static JsonElement EntriesOf(JsonElement data)
        {
            if (data.ValueKind != JsonValueKind.Object)
            {
                return default;
            }

            foreach (string name in new[] { "items", "entries" })
            {
                if (data.TryGetProperty(name, out JsonElement list) && list.ValueKind == JsonValueKind.Array)
                {
                    return list;
                }
            }

            foreach (JsonProperty p in data.EnumerateObject())
            {
                if (p.Value.ValueKind == JsonValueKind.Array)
                {
                    return p.Value;
                }
            }

            return default;
        }

        private void WriteRow(JsonElement item)
        {
            if (_columns == null)
            {
                _columns = new List<string>();
                if (item.ValueKind == JsonValueKind.Object)
                {
                    foreach (JsonProperty p in item.EnumerateObject())
                    {
                        _columns.Add(p.Name);
                    }
                }
                else
                {
                    _columns.Add("value");
                }

                _out.WriteLine(string.Join(',', _columns.ConvertAll(Quote)));
            }

            var cells = new List<string>(_columns.Count);
            foreach (string column in _columns)
            {
                JsonElement value = item;
                if (item.ValueKind == JsonValueKind.Object && !item.TryGetProperty(column, out value))
                {
                    cells.Add("");
                    continue;
                }

                cells.Add(Quote(Cell(value)));
            }

            _out.WriteLine(string.Join(',', cells));
        }

        private static string Cell(JsonElement value)
        {
            switch (value.ValueKind)
            {
                case JsonValueKind.String: return value.GetString();
                case JsonValueKind.Number: return value.GetRawText();
                case JsonValueKind.True: return "true";
                case JsonValueKind.False: return "false";
                case JsonValueKind.Null: return "";
                default: return value.GetRawText();
            }
        }

        /// <summary>RFC 4180: a cell with a comma, a quote or a line end is quoted, its quotes doubled.</summary>
        private static string Quote(string cell)
        {
            if (cell.IndexOfAny(new[] { ',', '"', '\r', '\n' }) < 0)
            {
                return cell;
            }

            return "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        }
    }
}
