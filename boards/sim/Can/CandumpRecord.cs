using V2G.Hal.Buses;

namespace V2G.Sim.Can
{
    /// <summary>One frame of a candump log: when, on which interface, what, and where in the file.</summary>
    public readonly struct CandumpRecord
    {
        /// <summary>A record.</summary>
        public CandumpRecord(long timeUs, string interfaceName, CanFrame frame, int lineNumber)
        {
            TimeUs = timeUs;
            InterfaceName = interfaceName;
            Frame = frame;
            LineNumber = lineNumber;
        }

        /// <summary>Time since the log's origin, µs.</summary>
        public long TimeUs { get; }

        /// <summary>The interface name, e.g. "can0".</summary>
        public string InterfaceName { get; }

        /// <summary>The frame.</summary>
        public CanFrame Frame { get; }

        /// <summary>1-based line number in the file (0 for a record not read from a file).</summary>
        public int LineNumber { get; }
    }
}
