using System;
using BenchmarkDotNet.Attributes;
using V2G.Protocol.Iso15118;
using V2G.Protocol.Iso15118.Evcc;
using V2G.Protocol.Iso15118.Exi;
using V2G.Protocol.Iso15118.Generated.Dc;
using V2G.Protocol.Iso15118.Generated.Iso20;
using V2G.Protocol.Iso15118.Transport;
using V2G.Sim.Net;

namespace V2G.Bench
{
    /// <summary>
    /// One DC_ChargeLoopReq → SECC → DC_ChargeLoopRes round trip over a real loopback TCP connection, in a
    /// live DC_BPT Dynamic session discharging at −20 kW (<see cref="IsoChargeLoopSession"/>). The vehicle's
    /// side is the benchmark: it encodes the EVCC's own last DC_ChargeLoopReq (captured at setup, with the
    /// session's SessionID) into a <see cref="V2gtpWriter"/>'s buffer and sends it; the charger's side is
    /// <see cref="SeccSession.Poll"/> in a loop until it has answered (waiting on the socket between polls);
    /// then the vehicle's <see cref="V2gtpReader"/> takes the response and decodes it, and the benchmark
    /// throws unless it is a DC_ChargeLoopRes with ResponseCode OK. Everything runs on the benchmark's
    /// thread except the sockets' receive pumps (<see cref="V2gConnection"/>), which run on pool threads.
    /// Simulated time stands still, so no timeout fires and the controller is not ticked.
    /// </summary>
    [MemoryDiagnoser]
    public class ChargeLoopRoundTripBenchmarks
    {
        /// <summary>Discharging, as the BPT reference vectors.</summary>
        private const double DispatchPowerW = -20000;

        private readonly Iso20DcDocument _request = new Iso20DcDocument();
        private readonly Iso20DcDocument _response = new Iso20DcDocument();
        private IsoChargeLoopSession _session;
        private V2gConnection _chargerEnd;
        private V2gConnection _vehicleEnd;
        private CountingByteStream _chargerStream;
        private V2gtpWriter _writer;
        private V2gtpReader _reader;
        private int _requestBytes;
        private long _roundTrips;
        private long _threadAllocatedBytes;

        [GlobalSetup]
        public void StartSessionAndCaptureRequest()
        {
            _session = IsoChargeLoopSession.Start(DispatchPowerW);
            _chargerEnd = _session.ChargerEnd;
            _vehicleEnd = _session.VehicleEnd;
            _chargerStream = _session.ChargerStream;

            // The EVCC's last request, as the SECC decoded it: re-encoded, then decoded into the vehicle's document.
            Iso20DcDocument seccIn = _session.Secc.Documents.DcIn;
            if (seccIn.Root != Iso20DcRoot.DC_ChargeLoopReq)
            {
                throw new InvalidOperationException($"the SECC's last DC message is {seccIn.Root}, not a DC_ChargeLoopReq");
            }

            var bytes = new byte[1024];
            Require(seccIn.Encode(bytes, 0, bytes.Length, out _requestBytes), "encoding the captured request");
            Require(_request.Decode(bytes, 0, _requestBytes), "decoding the captured request");
            if (!_request.DC_ChargeLoopReq.HasBPT_Dynamic_DC_CLReqControlMode)
            {
                throw new InvalidOperationException("the captured DC_ChargeLoopReq is not BPT Dynamic");
            }

            int max = new EvccSettings().MaxPayloadBytes;
            _writer = new V2gtpWriter(_session.VehicleStream, max);
            _reader = new V2gtpReader(_session.VehicleStream, V2gtpPayloadType.SessionTypes(), max);

            // Warm-up outside the measurement: the first round trip creates the response's message objects.
            RoundTrip();
            _roundTrips = 0;
            _threadAllocatedBytes = 0;
            Console.WriteLine($"// charge loop round trip: BPT Dynamic DC_ChargeLoopReq of {_requestBytes} bytes, DC_ChargeLoopRes of {_reader.PayloadLength} bytes, "
                + $"plant power {_session.Charger.Circuit.PowerW:0} W");
        }

        [Benchmark(Description = "DC_ChargeLoopReq -> SECC -> DC_ChargeLoopRes over loopback TCP")]
        public ResponseCodeType RoundTrip()
        {
            long before = GC.GetAllocatedBytesForCurrentThread();

            // The vehicle: encode straight into the V2GTP buffer and send header and payload in one write.
            Require(_request.Encode(_writer.Buffer, _writer.PayloadOffset, _writer.MaxPayloadLength, out int length), "encoding the request");
            if (_writer.Send(V2gtpPayloadType.Dc, length) != V2gtpError.None)
            {
                throw new InvalidOperationException("the vehicle's end could not send");
            }

            // The charger: poll until the SECC has written its answer.
            long answered = _chargerStream.BytesWritten;
            while (_chargerStream.BytesWritten == answered)
            {
                if (!_chargerEnd.WaitForData(IsoChargeLoopSession.SocketWaitMs) || !_session.Secc.IsConnected)
                {
                    _session.RequireLive();
                    throw new InvalidOperationException($"the request did not reach the SECC within {IsoChargeLoopSession.SocketWaitMs} ms");
                }

                _session.Secc.Poll();
            }

            // The vehicle: take the whole response and decode it.
            V2gtpReadStatus status;
            while ((status = _reader.Poll()) != V2gtpReadStatus.Message)
            {
                if (status != V2gtpReadStatus.Waiting || !_vehicleEnd.WaitForData(IsoChargeLoopSession.SocketWaitMs))
                {
                    throw new InvalidOperationException($"no response on the vehicle's end: {status}, {V2gtpErrorNames.Of(_reader.Error)}");
                }
            }

            Require(_response.Decode(_reader.Buffer, _reader.PayloadOffset, _reader.PayloadLength), "decoding the response");
            if (_reader.PayloadType != V2gtpPayloadType.Dc || _response.Root != Iso20DcRoot.DC_ChargeLoopRes || _response.DC_ChargeLoopRes.ResponseCode != ResponseCodeType.OK)
            {
                throw new InvalidOperationException($"the SECC did not answer DC_ChargeLoopRes OK: root {_response.Root}, {(_response.DC_ChargeLoopRes == null ? "no DC_ChargeLoopRes" : ResponseCodeNames.Of((int)_response.DC_ChargeLoopRes.ResponseCode))}");
            }

            _threadAllocatedBytes += GC.GetAllocatedBytesForCurrentThread() - before;
            _roundTrips++;
            return _response.DC_ChargeLoopRes.ResponseCode;
        }

        [GlobalCleanup]
        public void CheckSessionStayedLive()
        {
            try
            {
                // Goes to the benchmark log: the exact per-thread count BenchmarkDotNet's process-wide figure cannot give.
                Console.WriteLine($"// measuring thread: {_threadAllocatedBytes} B allocated over {_roundTrips} round trips (GC.GetAllocatedBytesForCurrentThread)");
                _session.RequireLive();
            }
            finally
            {
                _session.Dispose();
            }
        }

        private static void Require(ExiError e, string what)
        {
            if (e != ExiError.Ok)
            {
                throw new InvalidOperationException($"{what} failed: {ExiErrorNames.Name(e)}");
            }
        }
    }
}
