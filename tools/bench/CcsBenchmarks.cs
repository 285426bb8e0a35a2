using System;
using BenchmarkDotNet.Attributes;
using V2G.Firmware.Drivers.Qca7000;
using V2G.Protocol.Slac;
using V2G.Protocol.Trace;
using V2G.Sim.Plant.Board;
using V2G.Sim.Plant.Plc;

namespace V2G.Bench
{
    /// <summary>
    /// The CCS layers below ISO 15118-20 on the host: one SHA-256 round of the NID derivation (what one
    /// SLAC poll spends on a new key), a whole SLAC matching between the charger's and the vehicle's
    /// sides over the virtual PLC link (both logs on, 20 ms polls, the modem's join delay 0 so the
    /// figure is the protocol's own work), and one 60-byte frame each way through the QCA7000 driver and
    /// its register-level chip model.
    /// </summary>
    [MemoryDiagnoser]
    public class CcsBenchmarks
    {
        private static readonly byte[] ChargerMac = { 0x02, 0, 0, 0, 0x15, 0x01 };
        private static readonly byte[] VehicleMac = { 0x02, 0, 0, 0, 0x15, 0x02 };

        private readonly Sha256 _sha = new Sha256();
        private readonly byte[] _nmk = new byte[16];
        private readonly byte[] _digest = new byte[32];
        private int _round;

        private SimClock _clock;
        private SlacMatching _charger;
        private SlacPev _vehicle;

        private SimClock _qcaClock;
        private Qca7000Model _chip;
        private Qca7000Driver _driver;
        private readonly byte[] _frame = new byte[60];
        private readonly byte[] _buffer = new byte[1600];

        [GlobalSetup]
        public void Setup()
        {
            _clock = new SimClock();
            var link = new VirtualPlcLink(_clock, ChargerMac, VehicleMac, new PlcLinkSettings { JoinDelayMs = 0 }, PlcLinkImpairments.None());
            _charger = new SlacMatching(new SlacSettings(), link.Charger, new SimEntropySource(7), new MessageLog(256, 120));
            _vehicle = new SlacPev(new SlacPevSettings(), link.Vehicle, new MessageLog(256, 120));
            _charger.Reset(_clock.NowMs);
            Poll(200);

            _qcaClock = new SimClock();
            _chip = new Qca7000Model(_qcaClock);
            _driver = new Qca7000Driver(_chip, _qcaClock, ChargerMac, _chip, new Qca7000Settings());
            for (int i = 0; i < 400 && _driver.SyncState != Qca7000SyncState.Ready; i++)
            {
                _qcaClock.Advance(5);
                _chip.Update();
                _driver.Service(_qcaClock.NowMs);
            }

            if (_driver.SyncState != Qca7000SyncState.Ready)
            {
                throw new InvalidOperationException("the QCA7000 driver did not get ready on its model");
            }

            SlacParmReq.Write(_frame, MmeHeader.BroadcastMac, ChargerMac, VehicleMac);
        }

        [Benchmark(Description = "one NID derivation round (SHA-256 of 16 or 32 bytes)")]
        public void NidRound()
        {
            NetworkKey.DeriveNidRound(_sha, _digest, _nmk, _round);
            _round = (_round + 1) % NetworkKey.NidHashRounds;
        }

        [Benchmark(Description = "SLAC matching, plug-in to link up (both sides, 20 ms polls)")]
        public void SlacMatchingToLinkUp()
        {
            _charger.EnterBcd(_clock.NowMs);
            _vehicle.Start(_clock.NowMs);
            for (int i = 0; i < 500 && !(_charger.IsMatched && _vehicle.IsMatched); i++)
            {
                Poll(20);
            }

            if (!_charger.IsMatched || !_vehicle.IsMatched)
            {
                throw new InvalidOperationException("SLAC did not match");
            }

            // Unplug: a new key for the next vehicle, settled before the next invocation.
            _vehicle.Unplug(_clock.NowMs);
            _charger.Reset(_clock.NowMs);
            Poll(200);
        }

        [Benchmark(Description = "QCA7000: a 60-byte frame out and one in (driver + chip model)")]
        public int Qca7000FrameEachWay()
        {
            _driver.TrySend(_frame, _frame.Length);
            _qcaClock.Advance(5);
            _chip.Update();
            _driver.Service(_qcaClock.NowMs);
            int sent = _chip.TryTakeSentFrame(_buffer);
            _chip.DeliverFromMedium(_buffer, sent);
            _chip.Update();
            _driver.Service(_qcaClock.NowMs);
            return _driver.Receive(_buffer);
        }

        private void Poll(int ms)
        {
            for (int t = 0; t < ms; t += 20)
            {
                _clock.Advance(20);
                _charger.Poll(_clock.NowMs);
                _vehicle.Poll(_clock.NowMs);
            }
        }
    }
}
