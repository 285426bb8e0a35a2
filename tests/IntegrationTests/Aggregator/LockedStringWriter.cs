using System;
using System.IO;

namespace V2G.IntegrationTests.Aggregator
{
    /// <summary>A StringWriter a test can read while the program under test writes to it from another thread.</summary>
    public sealed class LockedStringWriter : StringWriter
    {
        private readonly object _lock = new object();

        public override void Write(char value)
        {
            lock (_lock)
            {
                base.Write(value);
            }
        }

        public override void Write(string value)
        {
            lock (_lock)
            {
                base.Write(value);
            }
        }

        public override void Write(char[] buffer, int index, int count)
        {
            lock (_lock)
            {
                base.Write(buffer, index, count);
            }
        }

        public override void Write(ReadOnlySpan<char> buffer)
        {
            lock (_lock)
            {
                base.Write(buffer);
            }
        }

        public override void WriteLine(string value)
        {
            lock (_lock)
            {
                base.WriteLine(value);
            }
        }

        public override void WriteLine(ReadOnlySpan<char> buffer)
        {
            lock (_lock)
            {
                base.WriteLine(buffer);
            }
        }

        public override string ToString()
        {
            lock (_lock)
            {
                return base.ToString();
            }
        }
    }
}
