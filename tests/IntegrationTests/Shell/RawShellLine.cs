using System;
using System.Diagnostics;
using System.Text;
using System.Threading;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using V2G.Sim.Diagnostics;

namespace V2G.IntegrationTests.Shell
{
    /// <summary>
    /// The technician's end of the pair opened byte for byte (the simulator's own non-blocking pty port), for
    /// what no well-behaved tool sends: frames with a bad checksum, without "$", with a non-numeric sequence id.
    /// </summary>
    public sealed class RawShellLine : IDisposable
    {
        private readonly PtySerialPort _port;
        private readonly StringBuilder _received = new StringBuilder();

        public RawShellLine(string path)
        {
            _port = new PtySerialPort(path);
        }

        public void Send(string text)
        {
            byte[] bytes = Encoding.ASCII.GetBytes(text);
            Assert.IsTrue(_port.Write(bytes, 0, bytes.Length), $"write to {_port.Path} failed: {_port.Error}");
        }

        /// <summary>The next line that holds <paramref name="text"/> (skipping others), from its first occurrence on, within <paramref name="timeoutMs"/>.</summary>
        public string ReadLineWith(string text, int timeoutMs = 3000)
        {
            var clock = Stopwatch.StartNew();
            var buffer = new byte[256];
            for (;;)
            {
                int nl;
                while ((nl = IndexOfLineEnd()) >= 0)
                {
                    string line = _received.ToString(0, nl);
                    _received.Remove(0, nl + 1);
                    int at = line.IndexOf(text, StringComparison.Ordinal);
                    if (at >= 0)
                    {
                        return line.Substring(at);
                    }
                }

                if (clock.ElapsedMilliseconds > timeoutMs)
                {
                    Assert.Fail($"no line with '{text}' within {timeoutMs} ms; pending: {_received}");
                }

                int n = _port.Read(buffer, 0, buffer.Length);
                if (n == 0)
                {
                    Thread.Sleep(5);
                }

                for (int i = 0; i < n; i++)
                {
                    _received.Append((char)buffer[i]);
                }
            }
        }

        public void Dispose() => _port.Dispose();

        private int IndexOfLineEnd()
        {
            for (int i = 0; i < _received.Length; i++)
            {
                if (_received[i] == '\n' || _received[i] == '\r')
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
