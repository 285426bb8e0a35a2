using System;
using V2G.Hal.Buses;
using V2G.Hal.Power;
using V2G.Firmware.Drivers;

namespace V2G.Firmware.Drivers.Board
{
    /// <summary>
    /// The pin-level part of <see cref="IPowerStage"/> on a board: the gate driver's enable output, its fault
    /// inputs and an optional fault-reset output. What it does not do stays in the converter's own controller:
    /// the gate PWM itself (a hardware timer with complementary outputs and dead time), the current and voltage
    /// loops, the references (<see cref="IPowerStage.SetVoltageTarget"/>, <see cref="IPowerStage.SetCurrentTarget"/>),
    /// the measurements and the hardware trips, which latch the gates off without software. A board's
    /// <see cref="IPowerStage"/> combines this with the controller's interface.
    /// <list type="bullet">
    /// <item>Each fault input reports one <see cref="PowerStageFaults"/> bit, high = fault (the board inverts an
    /// active-low FAULT line). A fault seen by <see cref="Service(long)"/> latches its bit and drives the enable
    /// low, mirroring the hardware latch, so software never holds the enable on into a trip.</item>
    /// <item><see cref="Enable"/> is refused (the enable stays low) while any fault is latched.</item>
    /// <item><see cref="ResetFaults"/> pulses the reset output for <see cref="ResetPulseMs"/> (ended by the next
    /// <see cref="Service(long)"/> after that time) and clears the latched bits whose inputs are no longer
    /// asserted; a fault whose cause is still there stays latched.</item>
    /// </list>
    /// Allocates nothing after construction.
    /// </summary>
    public sealed class PwmPowerStageEnable : IDriverService
    {
        private readonly IDigitalOutput _enable;
        private readonly IDigitalInput[] _faultInputs;
        private readonly int[] _faultBits;
        private readonly IDigitalOutput _faultReset;
        private readonly int _resetPulseMs;

        private int _faults;
        private bool _resetPending;
        private bool _resetActive;
        private long _resetSinceMs;

        /// <summary>
        /// The enable on <paramref name="enable"/>; <paramref name="faultInputs"/>[i] reports the
        /// <see cref="PowerStageFaults"/> bit <paramref name="faultBits"/>[i]; <paramref name="faultReset"/> may be
        /// null where the gate driver clears its latch by itself. The enable is driven low.
        /// </summary>
        public PwmPowerStageEnable(IDigitalOutput enable, IDigitalInput[] faultInputs, int[] faultBits, IDigitalOutput faultReset, int resetPulseMs)
        {
            if (enable == null)
            {
                throw new ArgumentNullException("enable");
            }

            if (faultInputs == null || faultBits == null)
            {
                throw new ArgumentNullException("faultInputs");
            }

            if (faultInputs.Length != faultBits.Length || resetPulseMs < 0)
            {
                throw new ArgumentException("one fault bit per fault input, and a reset pulse of 0 ms or more");
            }

            for (int i = 0; i < faultInputs.Length; i++)
            {
                if (faultInputs[i] == null || faultBits[i] == PowerStageFaults.None)
                {
                    throw new ArgumentException("fault input " + i.ToString() + " has no pin or no bit");
                }
            }

            _enable = enable;
            _faultInputs = faultInputs;
            _faultBits = faultBits;
            _faultReset = faultReset;
            _resetPulseMs = resetPulseMs;
            _enable.Write(false);
            if (_faultReset != null)
            {
                _faultReset.Write(false);
            }
        }

        /// <summary>Length of the fault-reset pulse, ms.</summary>
        public int ResetPulseMs => _resetPulseMs;

        /// <summary>True while the enable output is asserted.</summary>
        public bool IsEnabled => _enable.State;

        /// <summary>Latched faults, a combination of <see cref="PowerStageFaults"/>.</summary>
        public int Faults => _faults;

        /// <summary>Asserts the enable, unless a fault is latched or a fault input is asserted now.</summary>
        /// <returns>True when the enable was asserted.</returns>
        public bool Enable()
        {
            _faults |= ReadFaultInputs();
            if (_faults != PowerStageFaults.None)
            {
                _enable.Write(false);
                return false;
            }

            _enable.Write(true);
            return true;
        }

        /// <summary>Drops the enable at once (the gates stop switching within the gate driver's delay).</summary>
        public void Disable()
        {
            _enable.Write(false);
        }

        /// <summary>
        /// Asks for the latched faults to be cleared: the reset pulse starts at the next <see cref="Service(long)"/>;
        /// bits whose inputs are no longer asserted are cleared when the pulse ends (at once without a reset output).
        /// </summary>
        public void ResetFaults()
        {
            _resetPending = true;
        }

        /// <summary>Samples the fault inputs, latches new faults (dropping the enable) and runs the reset pulse.</summary>
        public void Service(long nowMs)
        {
            int now = ReadFaultInputs();
            _faults |= now;

            if (_resetPending)
            {
                _resetPending = false;
                if (_faultReset == null)
                {
                    _faults = now;
                }
                else if (!_resetActive)
                {
                    _resetActive = true;
                    _resetSinceMs = nowMs;
                    _faultReset.Write(true);
                }
            }
            else if (_resetActive && nowMs - _resetSinceMs >= _resetPulseMs)
            {
                _resetActive = false;
                _faultReset.Write(false);
                _faults = ReadFaultInputs();
            }

            if (_faults != PowerStageFaults.None)
            {
                _enable.Write(false);
            }
        }

        private int ReadFaultInputs()
        {
            int faults = PowerStageFaults.None;
            for (int i = 0; i < _faultInputs.Length; i++)
            {
                if (_faultInputs[i].Read())
                {
                    faults |= _faultBits[i];
                }
            }

            return faults;
        }
    }
}
