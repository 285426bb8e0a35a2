using V2G.Protocol.Slac;
using V2G.Protocol.Trace;
using V2G.Sim.Plant.Board;
using V2G.Sim.Plant.Plc;

namespace V2G.UnitTests.Plc
{
    /// <summary>
    /// The charger's SlacMatching and the vehicle's SlacPev on the two ports of a VirtualPlcLink, run on
    /// simulated time, with the pilot's error routine played as the charger's firmware would: on a charger
    /// failure the pilot goes to F (the vehicle stops, the charger leaves B/C/D) for T_step_EF 4 s, then
    /// 750 ms X1 [V:E9], then 5 % again (the charger retries, the vehicle starts a new attempt).
    /// </summary>
    public sealed class SlacRig
    {
        public static readonly byte[] ChargerMac = { 0x02, 0x00, 0x00, 0x00, 0xC0, 0x01 };
        public static readonly byte[] VehicleMac = { 0x02, 0x00, 0x00, 0x00, 0xE0, 0x01 };

        /// <summary>T_step_EF 4 s plus EVerest's 750 ms pause in X1 [V:E9].</summary>
        public const int ErrorRoutineMs = 4750;

        /// <summary>EVerest waits 500 ms after enter_bcd before switching 5 % on [V:E9 manifest].</summary>
        public const int PwmDelayMs = 500;

        public readonly SimClock Clock = new SimClock();
        public readonly VirtualPlcLink Link;
        public readonly SlacMatching Charger;
        public readonly SlacPev Vehicle;
        public readonly MessageLog ChargerLog;
        public readonly MessageLog VehicleLog;

        /// <summary>Whether the rig plays the error routine after a charger failure (off to observe the failure).</summary>
        public bool PlayErrorRoutine = true;

        /// <summary>Error routines played.</summary>
        public int ErrorRoutines;

        /// <summary>When the vehicle first saw 5 % (its first Start), ms.</summary>
        public long FirstStartMs = -1;

        private long _pilotBackAtMs = -1;
        private long _pwmOnAtMs = -1;

        public SlacRig(PlcLinkSettings linkSettings, PlcLinkImpairments impairments, SlacSettings chargerSettings, SlacPevSettings vehicleSettings, bool withLogs)
        {
            Link = new VirtualPlcLink(Clock, ChargerMac, VehicleMac, linkSettings, impairments);
            ChargerLog = withLogs ? new MessageLog(256, 48) : null;
            VehicleLog = withLogs ? new MessageLog(256, 48) : null;
            Charger = new SlacMatching(chargerSettings ?? new SlacSettings(), Link.Charger, new SeededEntropy(11), ChargerLog);
            Vehicle = new SlacPev(vehicleSettings ?? new SlacPevSettings(), Link.Vehicle, VehicleLog);
        }

        /// <summary>Start-up (charger loads its key) then plug-in: B at once, 5 % after <see cref="PwmDelayMs"/>.</summary>
        public void PowerUpAndPlugIn()
        {
            Charger.Reset(Clock.NowMs);
            Run(200);
            Charger.EnterBcd(Clock.NowMs);
            _pwmOnAtMs = Clock.NowMs + PwmDelayMs;
        }

        /// <summary>Runs in 1 ms steps for <paramref name="durationMs"/>.</summary>
        public void Run(long durationMs)
        {
            long end = Clock.NowMs + durationMs;
            while (Clock.NowMs < end)
            {
                Step();
            }
        }

        /// <summary>Runs until both sides are matched or <paramref name="maxMs"/> passed; true if matched.</summary>
        public bool RunUntilMatched(long maxMs)
        {
            long end = Clock.NowMs + maxMs;
            while (Clock.NowMs < end)
            {
                Step();
                if (Charger.IsMatched && Vehicle.IsMatched)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Runs until the charger fails or <paramref name="maxMs"/> passed; true if it failed.</summary>
        public bool RunUntilChargerFails(long maxMs)
        {
            long end = Clock.NowMs + maxMs;
            while (Clock.NowMs < end)
            {
                Step();
                if (Charger.Failed)
                {
                    return true;
                }
            }

            return false;
        }

        private void Step()
        {
            Clock.Advance(1);
            long now = Clock.NowMs;
            if (_pwmOnAtMs >= 0 && now >= _pwmOnAtMs)
            {
                _pwmOnAtMs = -1;
                if (FirstStartMs < 0)
                {
                    FirstStartMs = now;
                }

                Vehicle.Start(now);
            }

            if (_pilotBackAtMs >= 0 && now >= _pilotBackAtMs)
            {
                _pilotBackAtMs = -1;
                Charger.RetryMatching(now);
                Charger.EnterBcd(now);
                _pwmOnAtMs = now + PwmDelayMs;
            }

            Charger.Poll(now);
            Vehicle.Poll(now);

            if (PlayErrorRoutine && Charger.Failed && _pilotBackAtMs < 0)
            {
                ErrorRoutines++;
                Vehicle.Stop(now);
                Charger.LeaveBcd(now);
                _pilotBackAtMs = now + ErrorRoutineMs;
            }
        }
    }
}
