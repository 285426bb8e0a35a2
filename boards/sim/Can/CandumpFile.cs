using System;
using System.Collections.Generic;
using System.IO;
using V2G.Hal.Buses;
using V2G.Protocol.Can;
using V2G.Protocol.Text;

namespace V2G.Sim.Can
{
    /// <summary>
    /// A candump <c>-l</c> log file read into memory (for replay and checks), using the portable line reader
    /// <see cref="CandumpLog"/>. Blank lines are skipped; malformed lines are kept in <see cref="Rejected"/> with
    /// their reason rather than stopping the read.
    /// </summary>
    public sealed class CandumpFile
    {
        private CandumpFile(List<CandumpRecord> records, List<string> rejected)
        {
            Records = records;
            Rejected = rejected;
        }

        /// <summary>The frames, in file order.</summary>
        public IReadOnlyList<CandumpRecord> Records { get; }

        /// <summary>One entry per malformed line: "line N: reason: text".</summary>
        public IReadOnlyList<string> Rejected { get; }

        /// <summary>Reads <paramref name="path"/>.</summary>
        public static CandumpFile Load(string path)
        {
            using var reader = new StreamReader(path);
            return Read(reader);
        }

        /// <summary>Reads every line of <paramref name="reader"/>.</summary>
        public static CandumpFile Read(TextReader reader)
        {
            ArgumentNullException.ThrowIfNull(reader);
            var records = new List<CandumpRecord>();
            var rejected = new List<string>();
            var iface = new TextBuffer(CandumpLog.MaxInterfaceNameLength);
            string line;
            int lineNumber = 0;
            while ((line = reader.ReadLine()) != null)
            {
                lineNumber++;
                if (line.Trim().Length == 0)
                {
                    continue;
                }

                if (CandumpLog.TryParseLine(line, out long timeUs, out CanFrame frame, iface, out string reason))
                {
                    records.Add(new CandumpRecord(timeUs, iface.ToString(), frame, lineNumber));
                }
                else
                {
                    rejected.Add($"line {lineNumber}: {reason}: {line}");
                }
            }

            return new CandumpFile(records, rejected);
        }

        /// <summary>Writes <paramref name="records"/> to <paramref name="path"/> as candump lines (LF endings, as candump).</summary>
        public static void Save(string path, IEnumerable<CandumpRecord> records)
        {
            ArgumentNullException.ThrowIfNull(records);
            using var writer = new CandumpFileWriter(path, CandumpLog.DefaultInterface);
            foreach (CandumpRecord record in records)
            {
                writer.Write(record.TimeUs, record.InterfaceName, record.Frame);
            }
        }

        /// <summary>
        /// Sends, through <paramref name="port"/>, every record whose time (relative to the first record) is at most
        /// <paramref name="elapsedMs"/> and that was not sent yet; <paramref name="next"/> is the index of the first
        /// unsent record (start at 0, keep the returned value). Records are sent in file order; a refused send is
        /// retried at the next call.
        /// </summary>
        public int ReplayDue(ICanPort port, long elapsedMs, int next)
        {
            ArgumentNullException.ThrowIfNull(port);
            if (Records.Count == 0)
            {
                return 0;
            }

            long originUs = Records[0].TimeUs;
            while (next < Records.Count && (Records[next].TimeUs - originUs) / 1000 <= elapsedMs)
            {
                CanFrame frame = Records[next].Frame;
                if (!port.TrySend(ref frame))
                {
                    break;
                }

                next++;
            }

            return next;
        }
    }
}
