using System;
using System.Diagnostics;
using System.Net;
using System.Threading;
using V2G.Hal.Comms;
using V2G.Sim.Net;

namespace V2G.Fuzz
{
    /// <summary>
    /// One connection between the vehicle side (the EVCC or the fuzzer) and the SECC: the in-memory
    /// <see cref="HostPipe"/>, or the charger's real <see cref="V2gTcpServer"/> on loopback. Both ends count
    /// what they read and write so <see cref="Settle"/> can wait until every byte sent has arrived, which
    /// keeps a run over sockets as deterministic as one over the pipe.
    /// </summary>
    public sealed class FuzzLink : IDisposable
    {
        private const int SocketWaitMs = 5000;

        private readonly V2gConnection _chargerSocket;
        private readonly V2gConnection _vehicleSocket;
        private readonly HostPipe _pipe;

        private FuzzLink(IByteStream chargerEnd, IByteStream vehicleEnd, bool tcp)
        {
            ChargerEnd = new Counted(chargerEnd);
            VehicleEnd = new Counted(vehicleEnd);
            IsTcp = tcp;
        }

        private FuzzLink(HostPipe pipe)
            : this(pipe.ChargerEnd, pipe.VehicleEnd, false)
        {
            _pipe = pipe;
        }

        private FuzzLink(V2gConnection charger, V2gConnection vehicle)
            : this(charger, vehicle, true)
        {
            _chargerSocket = charger;
            _vehicleSocket = vehicle;
        }

        /// <summary>The SECC's end.</summary>
        public Counted ChargerEnd { get; }

        /// <summary>The vehicle's end.</summary>
        public Counted VehicleEnd { get; }

        public bool IsTcp { get; }

        /// <summary>Socket waits that gave up (a TCP link only).</summary>
        public int Stalls { get; private set; }

        /// <summary>A new in-memory connection.</summary>
        public static FuzzLink OverPipe()
        {
            return new FuzzLink(new HostPipe());
        }

        /// <summary>A new TCP connection to <paramref name="server"/> on loopback, accepted there.</summary>
        public static FuzzLink OverTcp(V2gTcpServer server)
        {
            V2gConnection vehicle = V2gTcpClient.Connect(new IPEndPoint(IPAddress.IPv6Loopback, server.LocalEndPoint.Port));
            Stopwatch wall = Stopwatch.StartNew();
            V2gConnection charger;
            while (!server.TryAccept(out charger))
            {
                if (wall.ElapsedMilliseconds > SocketWaitMs)
                {
                    vehicle.Close();
                    throw new TimeoutException("the V2G TCP server accepted no connection within " + SocketWaitMs + " ms");
                }

                Thread.Sleep(1);
            }

            return new FuzzLink(charger, vehicle);
        }

        /// <summary>Bytes the SECC has not read yet (written by the vehicle, in flight or waiting).</summary>
        public long UnreadByCharger => VehicleEnd.Written - ChargerEnd.ReadBytes;

        /// <summary>Waits (TCP only) until what each end wrote has arrived at the other, or that end is closed.</summary>
        public void Settle()
        {
            if (!IsTcp)
            {
                return;
            }

            Stopwatch wall = null;
            var spin = new SpinWait();
            while (!Delivered(_chargerSocket, ChargerEnd, VehicleEnd) || !Delivered(_vehicleSocket, VehicleEnd, ChargerEnd))
            {
                wall ??= Stopwatch.StartNew();
                if (wall.ElapsedMilliseconds > SocketWaitMs)
                {
                    Stalls++;
                    return;
                }

                spin.SpinOnce();
            }
        }

        /// <summary>The vehicle hangs up.</summary>
        public void CloseVehicleEnd()
        {
            VehicleEnd.Close();
            if (IsTcp)
            {
                // Wait until the charger's pump has seen the end of the stream, as the SECC would on the device.
                Stopwatch wall = Stopwatch.StartNew();
                while (_chargerSocket.IsOpen && _chargerSocket.Available == 0 && wall.ElapsedMilliseconds < SocketWaitMs)
                {
                    Thread.Sleep(0);
                }
            }
        }

        public void Dispose()
        {
            ChargerEnd.Close();
            VehicleEnd.Close();
        }

        private static bool Delivered(V2gConnection reader, Counted readerEnd, Counted writerEnd)
        {
            return !reader.IsOpen || readerEnd.ReadBytes + reader.Available >= writerEnd.Written;
        }

        /// <summary>A stream that counts the bytes read from and written to it, and can record what is written.</summary>
        public sealed class Counted : IByteStream
        {
            private readonly IByteStream _inner;

            public Counted(IByteStream inner)
            {
                _inner = inner;
            }

            public long ReadBytes { get; private set; }

            public long Written { get; private set; }

            /// <summary>Sees every write while set (the fuzzer keeps the EVCC's messages of the live session).</summary>
            public Action<byte[], int, int> Tap { get; set; }

            public bool IsOpen => _inner.IsOpen;

            public int Read(byte[] buffer, int offset, int count)
            {
                int n = _inner.Read(buffer, offset, count);
                if (n > 0)
                {
                    ReadBytes += n;
                }

                return n;
            }

            public bool Write(byte[] buffer, int offset, int count)
            {
                Tap?.Invoke(buffer, offset, count);
                if (!_inner.Write(buffer, offset, count))
                {
                    return false;
                }

                Written += count;
                return true;
            }

            public void Close()
            {
                _inner.Close();
            }
        }
    }
}
