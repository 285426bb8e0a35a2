using System;
using BenchmarkDotNet.Attributes;
using V2G.Firmware.Session;
using V2G.Firmware.Settings;
using V2G.Hal.Buses;
using V2G.Protocol.GbT;
using V2G.Protocol.GbT.Transport;
using V2G.Sim.Plant.Board;
using V2G.Sim.Simulation;

namespace V2G.Bench
{
    /// <summary>
    /// GB/T 27930 on the host: one control period of the simulator board in a charging session (ten
    /// 2 ms plant steps, each polling the charger's session and the BMS simulator on the virtual CAN bus,
    /// then the controller's tick); a BCL read plus a CCS write (the 50 ms pair); and one BCS (9 bytes,
    /// every 250 ms) through the J1939 transport from the BMS's sender to the charger's receiver.
    /// </summary>
    [MemoryDiagnoser]
    public class GbtBenchmarks
    {
        private SimulatedCharger _charger;
        private GbtVehicleLink _link;

        private readonly BclMessage _bcl = new BclMessage();
        private readonly CcsMessage _ccs = new CcsMessage();
        private readonly byte[] _bclPayload = new byte[8];
        private readonly byte[] _ccsPayload = new byte[8];

        private readonly J1939TransportSender _sender = new J1939TransportSender(GbtAddress.Bms);
        private readonly J1939TransportReceiver _receiver = new J1939TransportReceiver(GbtAddress.Charger);
        private readonly byte[] _bcs = new byte[9];
        private long _tpNowMs;

        [GlobalSetup]
        public void Setup()
        {
            _charger = new SimulatedCharger(new ChargerSettings(), 60, 40, 50);
            _link = new GbtVehicleLink(_charger, new GbtLinkOptions(), 90, 20, false);
            _charger.Controller.SetDispatchPowerW(20000);
            _link.PlugIn(_charger.Clock.NowMs);
            for (int i = 0; i < 1000 && _charger.Controller.State != ChargerState.EnergyTransfer; i++)
            {
                _link.RunTick();
            }

            for (int i = 0; i < 100; i++)
            {
                _link.RunTick();
            }

            if (_charger.Controller.State != ChargerState.EnergyTransfer)
            {
                throw new InvalidOperationException("the GB/T session did not reach energy transfer");
            }

            _bcl.VoltageDemandV = 403.2;
            _bcl.CurrentDemandA = -125;
            _bcl.Mode = 2;
            _bcl.Write(_bclPayload);
            _ccs.Length = 8;
            new BcsMessage { MeasuredVoltageV = 360, MeasuredCurrentA = -80, SocPercent = 50 }.Write(_bcs);
            if (BcsThroughTransport() != _bcs.Length || BcsThroughTransport() != _bcs.Length)
            {
                throw new InvalidOperationException("BCS did not cross the J1939 transport");
            }
        }

        [Benchmark(Description = "board control period, GB/T charging (10 plant steps + tick)")]
        public void BoardPeriodCharging()
        {
            _link.RunTick();
        }

        [Benchmark(Description = "BCL read + CCS write")]
        public int BclReadCcsWrite()
        {
            _bcl.Read(_bclPayload, 5);
            _ccs.OutputVoltageV = _bcl.VoltageDemandV;
            _ccs.OutputCurrentA = _bcl.CurrentDemandA;
            return _ccs.Write(_ccsPayload);
        }

        [Benchmark(Description = "BCS (9 B) through the J1939 transport, sender to receiver")]
        public int BcsThroughTransport()
        {
            _sender.Start(GbtPf.Bcs, GbtAddress.Charger, _bcs, _bcs.Length, _tpNowMs);
            int delivered = 0;
            for (int step = 0; step < 10 && delivered == 0; step++)
            {
                _tpNowMs += 10;
                _sender.Poll(_tpNowMs);
                _receiver.Poll(_tpNowMs);
                CanFrame frame;
                while (_sender.TryTakeFrame(out frame))
                {
                    _receiver.Handle(ref frame, _tpNowMs);
                }

                while (_receiver.TryTakeFrame(out frame))
                {
                    _sender.Handle(ref frame, _tpNowMs);
                }

                if (_receiver.TryTakeMessage(out int pf, out int length))
                {
                    delivered = length;
                }
            }

            _sender.Poll(_tpNowMs);
            return delivered;
        }

        [GlobalCleanup]
        public void Cleanup()
        {
            _link.Dispose();
        }
    }
}
