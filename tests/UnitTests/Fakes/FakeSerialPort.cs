using V2G.Hal.Comms;
using V2G.Protocol.Telemetry;

namespace V2G.UnitTests.Fakes
{
    /// <summary>
    /// A UART for the shell's tests: the test queues what the terminal sends (<see cref="Send"/>), reads
    /// what the shell wrote as text (<see cref="Output"/>, <see cref="TakeOutput"/>). Reads never block and
    /// hand out at most <see cref="MaxReadBytes"/> per call, like a UART's receive buffer.
    /// </summary>
    public sealed class FakeSerialPort : ISerialPort
    {
        private byte[] _in = new byte[1024];
        private int _inStart;
        private int _inCount;
        private byte[] _out = new byte[4096];
        private int _outCount;
        private int _taken;

        public bool IsOpen { get; set; } = true;

        public int BaudRate => 115200;

        /// <summary>Most bytes one Read hands out (0: no limit).</summary>
        public int MaxReadBytes { get; set; }

        /// <summary>Bytes the shell wrote in the largest single Write.</summary>
        public int LargestWrite { get; private set; }

        /// <summary>Write calls so far.</summary>
        public int Writes { get; private set; }

        /// <summary>Bytes queued for the shell and not yet read.</summary>
        public int Pending => _inCount;

        /// <summary>All bytes the shell wrote, as UTF-8 text.</summary>
        public string Output => Utf8.Decode(_out, 0, _outCount);

        /// <summary>Bytes the shell wrote so far.</summary>
        public int OutputBytes => _outCount;

        /// <summary>Queues text the terminal sends (UTF-8).</summary>
        public void Send(string text)
        {
            byte[] bytes = Utf8.Encode(text);
            Send(bytes, 0, bytes.Length);
        }

        /// <summary>Queues raw bytes.</summary>
        public void Send(byte[] bytes, int offset, int count)
        {
            if (_inStart + _inCount + count > _in.Length)
            {
                byte[] grown = new byte[(_inCount + count) * 2 + 64];
                for (int i = 0; i < _inCount; i++)
                {
                    grown[i] = _in[_inStart + i];
                }

                _in = grown;
                _inStart = 0;
            }

            for (int i = 0; i < count; i++)
            {
                _in[_inStart + _inCount + i] = bytes[offset + i];
            }

            _inCount += count;
        }

        /// <summary>Queues one byte (a control key: 0x03 Ctrl-C, 0x09 TAB, 0x7F DEL, ...).</summary>
        public void SendByte(byte b)
        {
            Send(new byte[] { b }, 0, 1);
        }

        /// <summary>What the shell wrote since the last call, as text.</summary>
        public string TakeOutput()
        {
            string text = Utf8.Decode(_out, _taken, _outCount - _taken);
            _taken = _outCount;
            return text;
        }

        /// <summary>Forgets what the shell wrote.</summary>
        public void ClearOutput()
        {
            _outCount = 0;
            _taken = 0;
        }

        public int Read(byte[] buffer, int offset, int count)
        {
            int n = _inCount < count ? _inCount : count;
            if (MaxReadBytes > 0 && n > MaxReadBytes)
            {
                n = MaxReadBytes;
            }

            for (int i = 0; i < n; i++)
            {
                buffer[offset + i] = _in[_inStart + i];
            }

            _inStart += n;
            _inCount -= n;
            if (_inCount == 0)
            {
                _inStart = 0;
            }

            return n;
        }

        public bool Write(byte[] buffer, int offset, int count)
        {
            if (!IsOpen)
            {
                return false;
            }

            Writes++;
            if (count > LargestWrite)
            {
                LargestWrite = count;
            }

            if (_outCount + count > _out.Length)
            {
                byte[] grown = new byte[(_outCount + count) * 2];
                for (int i = 0; i < _outCount; i++)
                {
                    grown[i] = _out[i];
                }

                _out = grown;
            }

            for (int i = 0; i < count; i++)
            {
                _out[_outCount++] = buffer[offset + i];
            }

            return true;
        }

        public void Close()
        {
            IsOpen = false;
        }
    }
}
