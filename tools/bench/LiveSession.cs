using System;
using V2G.Firmware.Session;
using V2G.Firmware.Settings;
using V2G.Sim.Plant.Board;

namespace V2G.Bench
{
    /// <summary>
    /// A simulator board brought to energy transfer at a dispatched power: a 60 kWh pack at 40 %
    /// on a 50 Hz grid, the vehicle plugged in and driven through its session by the plant, then
    /// left to settle at the dispatch. What the benchmarks measure is the tick of a live session,
    /// so every way of reaching a figure checks first that the session really is live.
    /// </summary>
    public static class LiveSession
    {
        /// <summary>Plug-in to energy transfer is a few seconds of simulated time; past this, something is wrong.</summary>
        private const int MaxTicksToEnergyTransfer = 30000;

        /// <summary>Simulated time run after energy transfer starts, ms: 20 kW at the 15 kW/s ramp is reached in under 2 s.</summary>
        private const int SettleMs = 5000;

        /// <summary>How close the plant's power must be to the dispatch once settled, as a fraction of it.</summary>
        private const double SettledTolerance = 0.05;

        /// <summary>Builds the board, dispatches <paramref name="dispatchPowerW"/> (+ into the vehicle, − out of it) and runs it to a settled energy transfer.</summary>
        public static SimulatedCharger Start(double dispatchPowerW)
        {
            var charger = new SimulatedCharger(new ChargerSettings(), 60, 40, 50);
            charger.Controller.SetDispatchPowerW(dispatchPowerW);
            charger.Vehicle.PlugIn(charger.Clock.NowMs);

            int ticks = 0;
            while (charger.Controller.State != ChargerState.EnergyTransfer)
            {
                if (++ticks > MaxTicksToEnergyTransfer)
                {
                    throw new InvalidOperationException($"no energy transfer after {ticks} ticks: state {ChargerStateNames.Of(charger.Controller.State)}");
                }

                charger.RunTick();
            }

            long settledAtMs = charger.Clock.NowMs + SettleMs;
            while (charger.Clock.NowMs < settledAtMs)
            {
                charger.RunTick();
            }

            RequireLive(charger);
            double powerW = charger.Circuit.PowerW;
            if (Math.Abs(powerW - dispatchPowerW) > Math.Abs(dispatchPowerW) * SettledTolerance)
            {
                throw new InvalidOperationException($"energy transfer did not settle at the dispatch: {powerW:0} W for {dispatchPowerW:0} W");
            }

            return charger;
        }

        /// <summary>Throws unless the session is still in energy transfer with no fault: a broken setup must never report figures.</summary>
        public static void RequireLive(SimulatedCharger charger)
        {
            ChargeController c = charger.Controller;
            if (c.State != ChargerState.EnergyTransfer || c.ActiveFaultCount != 0)
            {
                throw new InvalidOperationException(
                    $"the session left energy transfer: state {ChargerStateNames.Of(c.State)}, {c.ActiveFaultCount} active fault(s) after {c.Ticks} ticks");
            }
        }
    }
}
