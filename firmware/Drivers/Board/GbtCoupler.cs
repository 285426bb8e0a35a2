using System;
using V2G.Hal.Buses;
using V2G.Hal.Connector;
using V2G.Firmware.Drivers;

namespace V2G.Firmware.Drivers.Board
{
    /// <summary>
    /// The charger side of the GB/T 20234.3 DC coupler on a board: CC1 at detection point 1 through a monitor ADC
    /// channel, the connector lock (one drive output, one position feedback input) and the auxiliary supply relays
    /// K3/K4 (one drive output).
    /// <list type="bullet">
    /// <item><see cref="VoltageV"/> is the CC1 reading of the last <see cref="Service(long)"/> (read once at
    /// construction too): <c>adcV × Cc1VoltsPerAdcVolt</c>. Classifying it is the protocol's (Cc1Detector).</item>
    /// <item>The lock drive is a level: asserted = hold the locked position (a board whose actuator needs pulses
    /// makes them in its driver hardware). <see cref="IsLocked"/> is the debounced feedback, never the command.</item>
    /// <item><see cref="IsLockFault"/>: command and feedback have disagreed for longer than
    /// <see cref="GbtCouplerSettings.LockTravelTimeoutMs"/> (a jammed lock, a broken feedback switch, a lock that
    /// opened by itself). The driver only reports.</item>
    /// <item>These boards have no K3/K4 feedback pin: <see cref="IsOn"/> is the command, and says so.</item>
    /// </list>
    /// <see cref="Service(long)"/> runs on the board's thread every few ms (the lock's debounce needs it).
    /// </summary>
    public sealed class GbtCoupler : ICc1Sense, IAuxiliaryPower, IConnectorLock, IDriverService
    {
        private readonly IAnalogInput _cc1;
        private readonly IDigitalOutput _lockDrive;
        private readonly DebouncedInput _lockFeedback;
        private readonly IDigitalOutput _auxDrive;
        private readonly double _cc1VoltsPerAdcVolt;
        private readonly bool _lockedLevel;
        private readonly int _travelTimeoutMs;

        private double _cc1V;
        private bool _disagreeing;
        private long _disagreeSinceMs;
        private bool _lockFault;

        /// <summary>The coupler's circuits on these pins; the lock is released and the auxiliary supply switched off.</summary>
        public GbtCoupler(IAnalogInput cc1, IDigitalOutput lockDrive, IDigitalInput lockFeedback, IDigitalOutput auxiliaryPowerDrive, GbtCouplerSettings settings)
        {
            if (cc1 == null)
            {
                throw new ArgumentNullException("cc1");
            }

            if (lockDrive == null)
            {
                throw new ArgumentNullException("lockDrive");
            }

            if (lockFeedback == null)
            {
                throw new ArgumentNullException("lockFeedback");
            }

            if (auxiliaryPowerDrive == null)
            {
                throw new ArgumentNullException("auxiliaryPowerDrive");
            }

            if (settings == null)
            {
                throw new ArgumentNullException("settings");
            }

            // Required board facts: NaN and 0 are "not set".
            if (!(settings.Cc1VoltsPerAdcVolt > 0.0) || double.IsInfinity(settings.Cc1VoltsPerAdcVolt))
            {
                throw new ArgumentOutOfRangeException("settings", "Cc1VoltsPerAdcVolt must be set from the schematic");
            }

            if (settings.LockTravelTimeoutMs <= 0)
            {
                throw new ArgumentOutOfRangeException("settings", "LockTravelTimeoutMs must be set from the lock's data sheet");
            }

            _cc1 = cc1;
            _lockDrive = lockDrive;
            _auxDrive = auxiliaryPowerDrive;
            _cc1VoltsPerAdcVolt = settings.Cc1VoltsPerAdcVolt;
            _lockedLevel = settings.FeedbackLockedLevel;
            _travelTimeoutMs = settings.LockTravelTimeoutMs;

            // From the raw level, so a lock found locked at power-up shows at once.
            _lockFeedback = new DebouncedInput(lockFeedback, settings.FeedbackDebounceMs, settings.FeedbackDebounceMs, lockFeedback.Read());
            _auxDrive.Write(false);
            _lockDrive.Write(false);
            _cc1V = _cc1.ReadVolts() * _cc1VoltsPerAdcVolt;
        }

        /// <inheritdoc />
        public double VoltageV => _cc1V;

        /// <inheritdoc />
        public void Switch(bool on)
        {
            _auxDrive.Write(on);
        }

        /// <inheritdoc />
        /// <remarks>No feedback pin on these boards: this is the command.</remarks>
        public bool IsOn => _auxDrive.State;

        /// <inheritdoc />
        public void Lock()
        {
            Command(true);
        }

        /// <inheritdoc />
        public void Unlock()
        {
            Command(false);
        }

        /// <summary>True while the lock is commanded to the locked position.</summary>
        public bool IsLockCommanded => _lockDrive.State;

        /// <inheritdoc />
        public bool IsLocked => _lockFeedback.State == _lockedLevel;

        /// <summary>
        /// True while command and debounced feedback have disagreed for longer than the travel timeout (as of the last
        /// <see cref="Service(long)"/>).
        /// </summary>
        public bool IsLockFault => _lockFault;

        private void Command(bool locked)
        {
            if (_lockDrive.State != locked)
            {
                // A new command gets its own travel time.
                _disagreeing = false;
                _lockFault = false;
            }

            _lockDrive.Write(locked);
        }

        /// <summary>Reads CC1, debounces the lock feedback and updates <see cref="IsLockFault"/>.</summary>
        public void Service(long nowMs)
        {
            _cc1V = _cc1.ReadVolts() * _cc1VoltsPerAdcVolt;
            _lockFeedback.Update(nowMs);
            if (IsLocked == _lockDrive.State)
            {
                _disagreeing = false;
                _lockFault = false;
                return;
            }

            if (!_disagreeing)
            {
                _disagreeing = true;
                _disagreeSinceMs = nowMs;
            }

            _lockFault = nowMs - _disagreeSinceMs > _travelTimeoutMs;
        }
    }
}
