using System;
using V2G.Hal.Comms;

namespace V2G.Sim.Plant.Board
{
    /// <summary>
    /// The board's shell UART on the host: an in-memory byte stream in each direction (fixed buffers, nothing
    /// allocated per byte). The technician's side is <see cref="Type"/> and <see cref="TakeOutput"/>.
    /// </summary>
    public sealed class PlantSerialPort : ISerialPort
    {
        private readonly byte[] _toBoard = new byte[4096];
        private int _toBoardCount;
        private readonly byte[] _fromBoard = new byte[65536];
        private int _fromBoardCount;

        /// <inheritdoc />
        public int BaudRate { get; set; }

        /// <inheritdoc />
        public bool IsOpen { get; private set; } = true;

        /// <summary>Bytes the board wrote that did not fit (nobody read them).</summary>
        public long BytesDropped { get; private set; }

        /// <inheritdoc />
        public int Read(byte[] buffer, int offset, int count)
        {
            int n = count < _toBoardCount ? count : _toBoardCount;
            Array.Copy(_toBoard, 0, buffer, offset, n);
            Array.Copy(_toBoard, n, _toBoard, 0, _toBoardCount - n);
            _toBoardCount -= n;
            return n;
        }

        /// <inheritdoc />
        public bool Write(byte[] buffer, int offset, int count)
        {
            if (!IsOpen)
            {
                return false;
            }

            for (int i = 0; i < count; i++)
            {
                if (_fromBoardCount < _fromBoard.Length)
                {
                    _fromBoard[_fromBoardCount++] = buffer[offset + i];
                }
                else
                {
                    BytesDropped++;
                }
            }

            return true;
        }

        /// <inheritdoc />
        public void Close()
        {
            IsOpen = false;
        }

        /// <summary>The technician types <paramref name="text"/> (ASCII).</summary>
        public void Type(string text)
        {
            for (int i = 0; i < text.Length && _toBoardCount < _toBoard.Length; i++)
            {
                _toBoard[_toBoardCount++] = (byte)text[i];
            }
        }

        /// <summary>What the board wrote since the last call, as ASCII text.</summary>
        public string TakeOutput()
        {
            char[] chars = new char[_fromBoardCount];
            for (int i = 0; i < _fromBoardCount; i++)
            {
                chars[i] = (char)_fromBoard[i];
            }

            _fromBoardCount = 0;
            return new string(chars);
        }
    }
}
