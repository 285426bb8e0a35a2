using System;
using System.Diagnostics;
using System.IO;
using System.IO.Ports;
using System.Text;
using System.Threading;

namespace V2G.Diag
{
    /// <summary>
    /// The shell's serial port (a USB-UART adapter, or the simulator's pseudo-terminal): 8N1, no flow control;
    /// whole lines read with a deadline, so that a silent or unplugged shell ends in a timeout, never a hang.
    /// </summary>
    public sealed class ShellPort : IDisposable
    {
        private readonly SerialPort _port;
        private readonly byte[] _buffer = new byte[1024];
        private readonly System.Collections.Generic.List<byte> _line = new System.Collections.Generic.List<byte>();

        public ShellPort(string path, int baudRate)
        {
            if (!File.Exists(path))
            {
                throw new DiagException(ExitCodes.Usage, $"cannot open {path}: no such port");
            }

            _port = new SerialPort(path, baudRate, Parity.None, 8, StopBits.One)
            {
                Handshake = Handshake.None,
                ReadTimeout = 50,
                WriteTimeout = 2000,
            };
            try
            {
                _port.Open();
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException || e is InvalidOperationException)
            {
                _port.Dispose();
                throw new DiagException(ExitCodes.Usage, $"cannot open {path}: {e.Message}");
            }

            Path = path;
        }

        public string Path { get; }

        /// <summary>Writes <paramref name="text"/> as it is (ASCII/UTF-8 bytes).</summary>
        public void Write(string text) => Write(Encoding.UTF8.GetBytes(text), 0, Encoding.UTF8.GetByteCount(text));

        public void Write(byte[] bytes, int offset, int count)
        {
            try
            {
                _port.Write(bytes, offset, count);
            }
            catch (Exception e) when (e is IOException || e is InvalidOperationException || e is TimeoutException)
            {
                throw new DiagException(ExitCodes.Usage, $"{Path}: write failed: {e.Message}");
            }
        }

        /// <summary>Copies waiting bytes (none: waits up to the port's 50 ms read timeout); 0 when none came.</summary>
        public int ReadSome(byte[] buffer)
        {
            try
            {
                return _port.Read(buffer, 0, buffer.Length);
            }
            catch (TimeoutException)
            {
                return 0;
            }
            catch (Exception e) when (e is IOException || e is InvalidOperationException)
            {
                throw new DiagException(ExitCodes.Usage, $"{Path}: read failed: {e.Message}");
            }
        }

        /// <summary>The next line (without its CR/LF), or null when none was complete within <paramref name="timeoutMs"/>.</summary>
        public string ReadLine(int timeoutMs)
        {
            var clock = Stopwatch.StartNew();
            for (;;)
            {
                string line = TakeLine();
                if (line != null)
                {
                    return line;
                }

                if (clock.ElapsedMilliseconds >= timeoutMs)
                {
                    return null;
                }

                int n = ReadSome(_buffer);
                for (int i = 0; i < n; i++)
                {
                    _line.Add(_buffer[i]);
                }
            }
        }

        /// <summary>Throws away whatever arrives for <paramref name="quietMs"/> (echo and prompts of human mode).</summary>
        public void Drain(int quietMs)
        {
            _line.Clear();
            var clock = Stopwatch.StartNew();
            while (clock.ElapsedMilliseconds < quietMs)
            {
                if (ReadSome(_buffer) > 0)
                {
                    clock.Restart();
                }
            }
        }

        public void Dispose()
        {
            try
            {
                _port.Close();
            }
            catch (IOException)
            {
            }

            _port.Dispose();
        }

        /// <summary>The first complete, non-empty line taken from the bytes received (UTF-8), or null.</summary>
        private string TakeLine()
        {
            for (int i = 0; i < _line.Count; i++)
            {
                byte c = _line[i];
                if (c == '\n' || c == '\r')
                {
                    string line = Encoding.UTF8.GetString(_line.GetRange(0, i).ToArray());
                    int skip = i + 1;
                    if (c == '\r' && skip < _line.Count && _line[skip] == '\n')
                    {
                        skip++;
                    }

                    _line.RemoveRange(0, skip);
                    if (line.Length == 0)
                    {
                        i = -1;
                        continue;
                    }

                    return line;
                }
            }

            return null;
        }
    }
}
