using System;
using System.IO;
using System.IO.Ports;
using V2G.Hal.Comms;

namespace V2G.Sim.Can
{
    /// <summary>
    /// A serial port (a USB-CAN adapter's CDC port such as /dev/ttyACM0, a pseudo-terminal in the tests) as the
    /// firmware's non-blocking <see cref="IByteStream"/>: <see cref="Read"/> copies only what the driver already
    /// holds (<see cref="SerialPort.BytesToRead"/>), so an slcan port can be polled from a control loop. An I/O
    /// error (the adapter unplugged, the other end of a pseudo-terminal closed) closes the stream instead of
    /// throwing into the protocol code; a hung-up pseudo-terminal reads as "no data", so the loss shows at the
    /// next write (seen with System.IO.Ports 11 on Linux).
    /// </summary>
    public sealed class SerialByteStream : IByteStream, IDisposable
    {
        /// <summary>How long a write may block before the stream gives up on it, ms.</summary>
        public const int WriteTimeoutMs = 1000;

        private readonly SerialPort _port;
        private readonly object _writeLock = new();
        private volatile bool _closed;

        /// <summary>
        /// Opens <paramref name="portName"/> at <paramref name="baudRate"/>, 8N1, no flow control (a USB CDC adapter
        /// ignores the rate; a UART-attached one needs its own). Throws if the port cannot be opened.
        /// </summary>
        public SerialByteStream(string portName, int baudRate = 115200)
        {
            ArgumentException.ThrowIfNullOrEmpty(portName);
            _port = new SerialPort(portName, baudRate, Parity.None, 8, StopBits.One)
            {
                Handshake = Handshake.None,
                ReadTimeout = 1,
                WriteTimeout = WriteTimeoutMs,
            };
            _port.Open();
            PortName = portName;
        }

        /// <summary>The port's name or path.</summary>
        public string PortName { get; }

        /// <summary>The error that closed the stream, or null.</summary>
        public Exception Error { get; private set; }

        /// <inheritdoc />
        public bool IsOpen => !_closed && _port.IsOpen;

        /// <inheritdoc />
        public int Read(byte[] buffer, int offset, int count)
        {
            if (!IsOpen || count <= 0)
            {
                return 0;
            }

            try
            {
                int waiting = _port.BytesToRead;
                if (waiting <= 0)
                {
                    return 0;
                }

                return _port.Read(buffer, offset, Math.Min(count, waiting));
            }
            catch (TimeoutException)
            {
                return 0;
            }
            catch (Exception e) when (e is IOException || e is InvalidOperationException || e is UnauthorizedAccessException)
            {
                Fail(e);
                return 0;
            }
        }

        /// <inheritdoc />
        public bool Write(byte[] buffer, int offset, int count)
        {
            if (!IsOpen)
            {
                return false;
            }

            try
            {
                lock (_writeLock)
                {
                    _port.Write(buffer, offset, count);
                }

                return true;
            }
            catch (Exception e) when (e is IOException || e is InvalidOperationException || e is TimeoutException || e is UnauthorizedAccessException)
            {
                Fail(e);
                return false;
            }
        }

        /// <summary>Waits until a byte is waiting or <paramref name="timeoutMs"/> passed (for host loops that would otherwise spin).</summary>
        public bool WaitForData(int timeoutMs)
        {
            long deadline = Environment.TickCount64 + timeoutMs;
            while (IsOpen)
            {
                try
                {
                    if (_port.BytesToRead > 0)
                    {
                        return true;
                    }
                }
                catch (Exception e) when (e is IOException || e is InvalidOperationException)
                {
                    Fail(e);
                    return false;
                }

                if (Environment.TickCount64 >= deadline)
                {
                    return false;
                }

                System.Threading.Thread.Sleep(1);
            }

            return false;
        }

        /// <inheritdoc />
        public void Close()
        {
            _closed = true;
            try
            {
                _port.Close();
            }
            catch (IOException)
            {
                // Already gone (adapter unplugged): nothing left to release.
            }
        }

        /// <inheritdoc />
        public void Dispose()
        {
            Close();
            _port.Dispose();
        }

        private void Fail(Exception e)
        {
            Error ??= e;
            Close();
        }
    }
}
