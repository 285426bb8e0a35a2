using System;
using System.Diagnostics;
using System.Text;
using V2G.Sim.Can;

namespace V2G.Transport.Tests.Can
{
    /// <summary>The test's side of the pseudo-terminal: plays a USB-CAN adapter speaking slcan, a line at a time.</summary>
    internal sealed class FakeSlcanAdapter
    {
        private readonly SerialByteStream _stream;
        private readonly StringBuilder _pending = new();
        private readonly byte[] _buffer = new byte[256];

        public FakeSlcanAdapter(SerialByteStream stream)
        {
            _stream = stream;
        }

        /// <summary>The next line the host wrote, without its CR; null if none came within <paramref name="timeoutMs"/>.</summary>
        public string ReadLine(int timeoutMs = 3000)
        {
            var elapsed = Stopwatch.StartNew();
            while (true)
            {
                string text = _pending.ToString();
                int cr = text.IndexOf('\r');
                if (cr >= 0)
                {
                    _pending.Remove(0, cr + 1);
                    return text.Substring(0, cr);
                }

                int n = _stream.Read(_buffer, 0, _buffer.Length);
                if (n > 0)
                {
                    _pending.Append(Encoding.ASCII.GetString(_buffer, 0, n));
                    continue;
                }

                if (elapsed.ElapsedMilliseconds > timeoutMs)
                {
                    return null;
                }

                _stream.WaitForData(20);
            }
        }

        public void Send(string text)
        {
            byte[] bytes = Encoding.ASCII.GetBytes(text);
            if (!_stream.Write(bytes, 0, bytes.Length))
            {
                throw new InvalidOperationException("the adapter's end of the pseudo-terminal refused a write: " + _stream.Error);
            }
        }
    }
}
