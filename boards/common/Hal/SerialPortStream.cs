using System;
using System.IO.Ports;
using V2G.Hal.Comms;

namespace V2G.Boards.Hal
{
    /// <summary>
    /// An <see cref="ISerialPort"/> over System.IO.Ports.SerialPort (nanoFramework's on the device: COMn, its pins set
    /// by the board first; .NET's on the host: a tty). Reads never block: only what BytesToRead says is waiting is
    /// read. A write or read that fails (the port went away) closes the stream, which then reports
    /// <see cref="IsOpen"/> false. Members used exist in both: the (name, baud) constructor, Open, Close, IsOpen,
    /// BaudRate, BytesToRead, Read/Write(byte[], int, int), Dispose.
    /// </summary>
    public sealed class SerialPortStream : ISerialPort, IDisposable
    {
        private readonly SerialPort _port;
        private bool _open;

        /// <summary>Opens <paramref name="portName"/> at <paramref name="baudRate"/>, 8N1.</summary>
        /// <param name="portName">"COM2" on nanoFramework; a device path such as /dev/ttyUSB0 on the host.</param>
        /// <param name="baudRate">Line rate, baud.</param>
        public SerialPortStream(string portName, int baudRate)
        {
            if (portName == null)
            {
                throw new ArgumentNullException("portName");
            }

            if (baudRate <= 0)
            {
                throw new ArgumentOutOfRangeException("baudRate");
            }

            _port = new SerialPort(portName, baudRate);
            _port.Open();
            _open = true;
        }

        /// <inheritdoc />
        public int BaudRate => _port.BaudRate;

        /// <inheritdoc />
        public bool IsOpen => _open && _port.IsOpen;

        /// <inheritdoc />
        public int Read(byte[] buffer, int offset, int count)
        {
            if (buffer == null)
            {
                throw new ArgumentNullException("buffer");
            }

            if (offset < 0 || count < 0 || offset + count > buffer.Length)
            {
                throw new ArgumentOutOfRangeException("count");
            }

            if (!IsOpen || count == 0)
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

                return _port.Read(buffer, offset, waiting < count ? waiting : count);
            }
            catch (Exception)
            {
                // The port vanished (a USB adapter unplugged) or was closed under us: report closed, never throw into the shell.
                Close();
                return 0;
            }
        }

        /// <inheritdoc />
        public bool Write(byte[] buffer, int offset, int count)
        {
            if (buffer == null)
            {
                throw new ArgumentNullException("buffer");
            }

            if (offset < 0 || count < 0 || offset + count > buffer.Length)
            {
                throw new ArgumentOutOfRangeException("count");
            }

            if (!IsOpen)
            {
                return false;
            }

            try
            {
                _port.Write(buffer, offset, count);
                return true;
            }
            catch (Exception)
            {
                Close();
                return false;
            }
        }

        /// <inheritdoc />
        public void Close()
        {
            if (!_open)
            {
                return;
            }

            _open = false;
            try
            {
                _port.Close();
            }
            catch (Exception)
            {
                // Already gone: closed is what was asked for.
            }
        }

        /// <summary>Closes and releases the port.</summary>
        public void Dispose()
        {
            Close();
            _port.Dispose();
        }
    }
}
