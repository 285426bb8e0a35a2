using System;
using System.IO;
using V2G.Hal.Buses;
using V2G.Protocol.Can;
using V2G.Sim.Plant.Can;

namespace V2G.Sim.Can
{
    /// <summary>
    /// Writes a candump <c>-l</c> log file: give it to <see cref="VirtualCanBus.Recorder"/> and every frame the
    /// simulated bus carries becomes one line, readable by can-utils (<c>canplayer</c>, <c>log2long</c>),
    /// python-can, and <see cref="CandumpFile"/>. Times are the bus clock's, relative to the first frame unless
    /// <see cref="RelativeToFirstFrame"/> is turned off.
    /// </summary>
    public sealed class CandumpFileWriter : ICanFrameSink, IDisposable
    {
        private readonly TextWriter _writer;
        private readonly char[] _line = new char[CandumpLog.MaxFormattedLength];
        private readonly object _lock = new();
        private long _originUs = -1;

        /// <summary>Creates (or overwrites) <paramref name="path"/>; frames are written as on <paramref name="interfaceName"/> (e.g. "can0").</summary>
        public CandumpFileWriter(string path, string interfaceName)
            : this(new StreamWriter(path, append: false) { NewLine = "\n" }, interfaceName)
        {
        }

        /// <summary>Writes to <paramref name="writer"/> (which it then owns).</summary>
        public CandumpFileWriter(TextWriter writer, string interfaceName)
        {
            ArgumentNullException.ThrowIfNull(writer);
            if (!CandumpLog.IsValidInterfaceName(interfaceName))
            {
                throw new ArgumentException($"not an interface name for a candump line: '{interfaceName}'", nameof(interfaceName));
            }

            _writer = writer;
            InterfaceName = string.IsNullOrEmpty(interfaceName) ? CandumpLog.DefaultInterface : interfaceName;
        }

        /// <summary>The interface name written on recorded lines.</summary>
        public string InterfaceName { get; }

        /// <summary>Whether recorded times start at 0 with the first frame (as the reference traces); else the bus clock's ms as they are.</summary>
        public bool RelativeToFirstFrame { get; set; } = true;

        /// <summary>Lines written.</summary>
        public long LinesWritten { get; private set; }

        /// <summary>Records a frame the bus carried (from <see cref="VirtualCanBus"/>).</summary>
        public void OnFrame(long timeMs, int fromNode, ref CanFrame frame)
        {
            long timeUs = timeMs * 1000;
            if (RelativeToFirstFrame)
            {
                if (_originUs < 0)
                {
                    _originUs = timeUs;
                }

                timeUs -= _originUs;
            }

            Write(timeUs, InterfaceName, frame);
        }

        /// <summary>Writes one line with the time given as it is.</summary>
        public void Write(long timeUs, string interfaceName, CanFrame frame)
        {
            lock (_lock)
            {
                int n = CandumpLog.Format(timeUs, interfaceName ?? InterfaceName, ref frame, _line, 0);
                if (n == 0)
                {
                    return;
                }

                _writer.Write(_line, 0, n);
                _writer.Write('\n');
                LinesWritten++;
            }
        }

        /// <summary>Writes what is buffered to the file.</summary>
        public void Flush()
        {
            lock (_lock)
            {
                _writer.Flush();
            }
        }

        /// <inheritdoc />
        public void Dispose()
        {
            lock (_lock)
            {
                _writer.Dispose();
            }
        }
    }
}
