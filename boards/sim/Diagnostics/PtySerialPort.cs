using System;
using System.IO;
using System.Runtime.InteropServices;
using V2G.Hal.Comms;

namespace V2G.Sim.Diagnostics
{
    /// <summary>
    /// The simulator board's diagnostics UART: one end of a pseudo-terminal pair (see <see cref="SocatPtyPair"/>),
    /// opened non-blocking through libc so that neither a read nor a write can ever hold up the lockstep's one
    /// thread. A read copies only what the terminal already holds; a write that finds the terminal's buffer full
    /// (nobody reading the technician's end) keeps what fitted and drops the rest, counted in
    /// <see cref="BytesDropped"/>, as a UART with nobody listening would.
    /// </summary>
    public sealed class PtySerialPort : ISerialPort, IDisposable
    {
        private const int ORdWr = 2;

        private readonly object _lock = new();
        private int _fd;
        private readonly int _eAgain;

        /// <summary>Opens <paramref name="path"/> (a pty or a link to one) for reading and writing, non-blocking, not as the controlling terminal.</summary>
        /// <param name="baudRate">Reported as <see cref="BaudRate"/> only: a pseudo-terminal has no line rate.</param>
        public PtySerialPort(string path, int baudRate = 115200)
        {
            ArgumentException.ThrowIfNullOrEmpty(path);
            if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
            {
                throw new PlatformNotSupportedException("the shell's pseudo-terminal needs Linux or macOS (socat ptys)");
            }

            bool mac = OperatingSystem.IsMacOS();
            int flags = ORdWr | (mac ? 0x0004 | 0x20000 : 0x0800 | 0x0100); // O_NONBLOCK | O_NOCTTY
            _eAgain = mac ? 35 : 11;
            _fd = Open(path, flags);
            if (_fd < 0)
            {
                int errno = Marshal.GetLastPInvokeError();
                throw new IOException($"cannot open the shell's pseudo-terminal {path}: {Marshal.GetPInvokeErrorMessage(errno)}");
            }

            Path = path;
            BaudRate = baudRate;
        }

        /// <summary>The path opened.</summary>
        public string Path { get; }

        /// <inheritdoc />
        public int BaudRate { get; }

        /// <summary>Bytes a write could not place because the terminal's buffer was full.</summary>
        public long BytesDropped { get; private set; }

        /// <summary>The error that closed the port (the pair's relay gone), or null.</summary>
        public string Error { get; private set; }

        /// <inheritdoc />
        public bool IsOpen => _fd >= 0;

        /// <inheritdoc />
        public int Read(byte[] buffer, int offset, int count)
        {
            ArgumentNullException.ThrowIfNull(buffer);
            if (offset < 0 || count < 0 || offset + count > buffer.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(count));
            }

            lock (_lock)
            {
                if (_fd < 0 || count == 0)
                {
                    return 0;
                }

                nint n = ReadFd(_fd, ref buffer[offset], (nuint)count);
                if (n > 0)
                {
                    return (int)n;
                }

                int errno = Marshal.GetLastPInvokeError();
                if (n < 0 && errno == _eAgain)
                {
                    return 0;
                }

                // 0 (end of file) or EIO: the relay holding the other side is gone.
                Fail(n == 0 ? "end of file" : Marshal.GetPInvokeErrorMessage(errno));
                return 0;
            }
        }

        /// <inheritdoc />
        public bool Write(byte[] buffer, int offset, int count)
        {
            ArgumentNullException.ThrowIfNull(buffer);
            if (offset < 0 || count < 0 || offset + count > buffer.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(count));
            }

            lock (_lock)
            {
                if (_fd < 0)
                {
                    return false;
                }

                int written = 0;
                while (written < count)
                {
                    nint n = WriteFd(_fd, ref buffer[offset + written], (nuint)(count - written));
                    if (n > 0)
                    {
                        written += (int)n;
                        continue;
                    }

                    int errno = Marshal.GetLastPInvokeError();
                    if (n < 0 && errno == _eAgain)
                    {
                        BytesDropped += count - written;
                        return true;
                    }

                    Fail(Marshal.GetPInvokeErrorMessage(errno));
                    return false;
                }

                return true;
            }
        }

        /// <inheritdoc />
        public void Close()
        {
            lock (_lock)
            {
                if (_fd >= 0)
                {
                    CloseFd(_fd);
                    _fd = -1;
                }
            }
        }

        /// <inheritdoc />
        public void Dispose() => Close();

        private void Fail(string error)
        {
            Error ??= error;
            Close();
        }

        [DllImport("libc", EntryPoint = "open", SetLastError = true)]
        private static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

        [DllImport("libc", EntryPoint = "read", SetLastError = true)]
        private static extern nint ReadFd(int fd, ref byte buffer, nuint count);

        [DllImport("libc", EntryPoint = "write", SetLastError = true)]
        private static extern nint WriteFd(int fd, ref byte buffer, nuint count);

        [DllImport("libc", EntryPoint = "close", SetLastError = true)]
        private static extern int CloseFd(int fd);
    }
}
