using System;
using System.Collections.Generic;
using V2G.Firmware.Faults;
using V2G.Firmware.Grid;
using V2G.Sim.Plant.Board;

namespace V2G.Sim.Simulation
{
    /// <summary>
    /// Measures how the charger answered each scripted grid event: the DC power at every control tick
    /// from the event to the end of its window (the next event, or the droop's settling time), the time
    /// to 90 % of the final change (the end-to-end t90: the estimator, the filter and the converter's lag
    /// are all inside it), the steady-state error against the droop equation, and any trip with the time
    /// until the converter ceased to energize.
    /// </summary>
    public sealed class GridEventTracker
    {
        /// <summary>A power change smaller than this share of the droop's rated power counts as none.</summary>
        private const double NoChangeFraction = 0.01;

        private readonly SimulatedCharger _charger;
        private readonly List<long> _timesMs = new List<long>();
        private readonly List<double> _powersW = new List<double>();
        private GridEventResult _open;

        /// <summary>
        /// The last event whose window has closed, still watched for a trip until the next event: a
        /// protection function can clear later than the droop's window (e.g. OV1 after 3 s, the fast
        /// preset's whole window), and that trip is still this event's.
        /// </summary>
        private GridEventResult _closed;
        private long _openAtMs;
        private long _windowEndMs;
        private long _faultsAtOpen;
        private bool _droopExpected;
        private double _setpointW;

        public GridEventTracker(SimulatedCharger charger)
        {
            _charger = charger ?? throw new ArgumentNullException(nameof(charger));
        }

        public List<GridEventResult> Results { get; } = new List<GridEventResult>();

        /// <param name="type">The event's type (see <see cref="GridEventResult.Type"/>).</param>
        /// <param name="value">The frequency (Hz), voltage (V) or angle (°) the event set.</param>
        /// <param name="droopExpected">True for a frequency change the droop should answer.</param>
        public void Begin(string type, double value, long nowMs, bool droopExpected)
        {
            Finish();
            _closed = null;
            var controller = _charger.Controller;
            DroopSettings droop = controller.Droop.Settings;
            _open = new GridEventResult { Type = type, AtS = nowMs / 1000.0, Value = value, PowerBeforeW = _charger.Circuit.PowerW };
            _openAtMs = nowMs;
            _faultsAtOpen = controller.Faults.TotalRaised;
            _droopExpected = droopExpected && droop.Enabled && controller.State == V2G.Firmware.Session.ChargerState.EnergyTransfer;
            _setpointW = controller.Transfer.PowerCommandW;

            // Long enough for the droop's first-order response to settle (1 % after about 2 × its
            // 90 % time [grid digest §3]), and for the short trips' clearing times; a grid trip that
            // clears later (e.g. OV1 after 3 s) is still recorded until the next event (_closed).
            long settleMs = Math.Max(3L * droop.ResponseTimeMs, 3000);
            _windowEndMs = nowMs + settleMs;
            _timesMs.Clear();
            _powersW.Clear();
        }

        /// <summary>Every control tick: records the power and a trip, closes the window when it has passed.</summary>
        public void Tick(long nowMs)
        {
            if (_open == null)
            {
                if (_closed != null)
                {
                    NoteTrip(_closed, true);
                }

                return;
            }

            _timesMs.Add(nowMs);
            _powersW.Add(_charger.Circuit.PowerW);
            NoteTrip(_open, false);

            if (nowMs >= _windowEndMs)
            {
                Finish();
            }
        }

        /// <summary>
        /// Records the first fault raised since <paramref name="r"/> began as its trip; after the window
        /// (<paramref name="gridTripsOnly"/>) only a grid protection trip, not an unrelated later fault.
        /// </summary>
        private void NoteTrip(GridEventResult r, bool gridTripsOnly)
        {
            FaultLog faults = _charger.Controller.Faults;
            if (r.Trip.Length == 0 && faults.TotalRaised > _faultsAtOpen)
            {
                FaultRecord record = faults.Get(faults.Count - (int)(faults.TotalRaised - _faultsAtOpen));
                if (gridTripsOnly && !IsGridTrip(record.Code))
                {
                    return;
                }

                r.Trip = FaultCatalogue.Get(record.Code).Name;
                r.TripClearMs = record.ConverterOffAtMs >= 0 ? record.ConverterOffAtMs - _openAtMs : -1;
            }
        }

        private static bool IsGridTrip(FaultCode code)
        {
            return code == FaultCode.GridUnderFrequency || code == FaultCode.GridOverFrequency || code == FaultCode.GridUnderVoltage
                || code == FaultCode.GridOverVoltage || code == FaultCode.LossOfMains;
        }

        /// <summary>Closes the open event (at the end of the run, or when the next one begins).</summary>
        public void Finish()
        {
            if (_open == null)
            {
                return;
            }

            GridEventResult r = _open;
            _open = null;
            _closed = r;
            Results.Add(r);
            if (_powersW.Count == 0)
            {
                return;
            }

            r.PowerAfterW = _powersW[_powersW.Count - 1];
            double ratedW = _charger.Controller.Droop.Settings.RatedPowerW;
            double change = r.PowerAfterW - r.PowerBeforeW;
            if (r.Trip.Length == 0 && Math.Abs(change) >= NoChangeFraction * ratedW)
            {
                for (int i = 0; i < _powersW.Count; i++)
                {
                    if (Math.Abs(_powersW[i] - r.PowerBeforeW) >= 0.9 * Math.Abs(change))
                    {
                        r.DroopT90Ms = _timesMs[i] - _openAtMs;
                        break;
                    }
                }
            }

            if (_droopExpected && r.Trip.Length == 0)
            {
                r.ExpectedPowerW = ExpectedPowerW(r.Value);
                r.SteadyErrorPct = Math.Abs(r.PowerAfterW - r.ExpectedPowerW) / ratedW * 100;
            }
        }

        /// <summary>
        /// The IEEE 1547 droop equation [grid digest §1] for the new frequency, from the setpoint before
        /// the event, inside the limits in force, in the firmware's sign (+ into the vehicle).
        /// </summary>
        private double ExpectedPowerW(double frequencyHz)
        {
            var controller = _charger.Controller;
            DroopSettings s = controller.Droop.Settings;
            double ratedW = s.RatedPowerW;
            double maxChargeW = controller.Limits.MaxChargePowerW;
            double maxDischargeW = controller.Limits.MaxDischargePowerW;

            // IEEE 1547's generator sign: + is export, i.e. out of the vehicle.
            double pPre = -_setpointW / ratedW;
            double p = pPre;
            double fN = s.NominalHz;
            if (frequencyHz > fN + s.DeadbandOverHz)
            {
                p = Math.Max(pPre - (frequencyHz - (fN + s.DeadbandOverHz)) / (fN * s.DroopOver), -maxChargeW / ratedW);
            }
            else if (frequencyHz < fN - s.DeadbandUnderHz)
            {
                p = Math.Min(pPre + ((fN - s.DeadbandUnderHz) - frequencyHz) / (fN * s.DroopUnder), maxDischargeW / ratedW);
            }

            double powerW = -p * ratedW;
            return Math.Max(-maxDischargeW, Math.Min(maxChargeW, powerW));
        }
    }
}
