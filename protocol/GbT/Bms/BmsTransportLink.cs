using V2G.Hal.Buses;
using V2G.Protocol.GbT.Transport;

namespace V2G.Protocol.GbT.Bms
{
    /// <summary>
    /// The BMS's sending half of the J1939-21 destination-specific RTS/CTS transport (BRM, BCP, BCS, BMV,
    /// BMT): RTS (size, packets, FF = no limit per CTS, PGN), the packets a CTS asks for at the DT spacing,
    /// EndOfMsgAck; T3 after RTS and after the last DT, T4 after a CTS(0) hold; an Abort from the peer ends
    /// the transfer [digest §5, S17, S18]. One connection at a time, which serialises BCS with BMV/BMT
    /// [digest §5, §9.10]. A private helper: when this was written the shared J1939TransportSender was not
    /// there yet. Frames go straight to the port; nothing is allocated after construction.
    /// </summary>
    internal sealed class BmsTransportLink
    {
        private const int Idle = 0;
        private const int WaitingForCts = 1;
        private const int SendingData = 2;
        private const int WaitingForAck = 3;

        private readonly ICanPort _can;
        private readonly int _local;
        private readonly int _peer;
        private readonly byte[] _payload = new byte[J1939Tp.MaxMessageLength];
        private int _state;
        private int _length;
        private int _packets;
        private int _pgn;
        private int _nextPacket;
        private int _lastPacketOfWindow;
        private long _deadlineMs;
        private long _nextDataMs;

        public BmsTransportLink(ICanPort can, int local, int peer)
        {
            _can = can;
            _local = local;
            _peer = peer;
        }

        /// <summary>Spacing of TP.DT packets, ms (10: the real captures [digest §5; R2]).</summary>
        public int DataSpacingMs = J1939Tp.DefaultDtSpacingMs;

        /// <summary>A transfer is open (RTS sent, not yet acknowledged, aborted or timed out).</summary>
        public bool IsBusy => _state != Idle;

        /// <summary>Transfers acknowledged with EndOfMsgAck.</summary>
        public long Completed { get; private set; }

        /// <summary>Transfers aborted by the peer or timed out (T3/T4).</summary>
        public long Failed { get; private set; }

        /// <summary>Drops any open transfer without a frame (the BMS lost power or the session ended).</summary>
        public void Reset()
        {
            _state = Idle;
        }

        /// <summary>Opens a transfer of <paramref name="length"/> bytes of message <paramref name="pf"/> with an RTS; false if busy, too long or the port is full.</summary>
        public bool Start(int pf, byte[] payload, int length, long nowMs)
        {
            if (_state != Idle || length <= 8 || length > _payload.Length)
            {
                return false;
            }

            for (int i = 0; i < length; i++)
            {
                _payload[i] = payload[i];
            }

            _length = length;
            _packets = J1939Tp.PacketsFor(length);
            _pgn = J1939Tp.PgnOf(pf);
            CanFrame rts = J1939Tp.ConnectionFrame(_local, _peer, J1939Tp.ControlRts, length, length >> 8, _packets, J1939Tp.NoLimit, _pgn);
            if (!_can.TrySend(ref rts))
            {
                return false;
            }

            _state = WaitingForCts;
            _deadlineMs = nowMs + J1939Tp.T3Ms;
            return true;
        }

        /// <summary>Takes a TP.CM from the peer (CTS, EndOfMsgAck, Abort) that concerns the open transfer.</summary>
        public void OnConnectionManagement(byte[] data, int length, long nowMs)
        {
            if (_state == Idle || length < 8)
            {
                return;
            }

            int pgn = data[5] | (data[6] << 8) | (data[7] << 16);
            if (pgn != _pgn)
            {
                return;
            }

            switch (data[0])
            {
                case J1939Tp.ControlCts:
                    OnCts(data[1], data[2], nowMs);
                    return;
                case J1939Tp.ControlEndOfMsgAck:
                    if (_state == WaitingForAck)
                    {
                        _state = Idle;
                        Completed++;
                    }

                    return;
                case J1939Tp.ControlAbort:
                    _state = Idle;
                    Failed++;
                    return;
                default:
                    return;
            }
        }

        private void OnCts(int packets, int next, long nowMs)
        {
            if (packets == 0)
            {
                // Hold: the receiver will send another CTS within T4.
                _state = WaitingForCts;
                _deadlineMs = nowMs + J1939Tp.T4Ms;
                return;
            }

            if (next < 1 || next > _packets)
            {
                Abort(J1939AbortReason.BadSequence);
                return;
            }

            int last = next + packets - 1;
            _nextPacket = next;
            _lastPacketOfWindow = last > _packets ? _packets : last;
            _state = SendingData;
            _nextDataMs = nowMs;
        }

        /// <summary>Sends the packets that are due and supervises T3/T4; nothing is sent while <paramref name="maySend"/> is false.</summary>
        public void Poll(long nowMs, bool maySend)
        {
            if (_state == SendingData)
            {
                if (maySend && nowMs >= _nextDataMs)
                {
                    CanFrame dt = J1939Tp.DataFrame(_local, _peer, _nextPacket, _payload, _length);
                    if (_can.TrySend(ref dt))
                    {
                        _nextDataMs = nowMs + DataSpacingMs;
                        if (_nextPacket >= _lastPacketOfWindow)
                        {
                            _state = WaitingForAck;
                            if (_nextPacket < _packets)
                            {
                                _state = WaitingForCts;
                            }

                            _deadlineMs = nowMs + J1939Tp.T3Ms;
                        }

                        _nextPacket++;
                    }
                }

                return;
            }

            if (_state != Idle && nowMs >= _deadlineMs)
            {
                Abort(J1939AbortReason.Timeout);
            }
        }

        private void Abort(int reason)
        {
            CanFrame abort = J1939Tp.Abort(_local, _peer, reason, _pgn);
            _can.TrySend(ref abort);
            _state = Idle;
            Failed++;
        }
    }
}
