using V2G.Firmware.Battery;
using V2G.Firmware.Safety;
using V2G.Firmware.Session;
using V2G.Firmware.Settings;

namespace V2G.Firmware.Uplink
{
    /// <summary>
    /// Puts the aggregator's setpoints in force on the controller, on the control thread. A setpoint is
    /// AC at the grid connection point (+ import, − export); the controller's dispatch is DC into the
    /// vehicle, so it is converted with the converter's efficiency (importing 10 kW AC puts 9.5 kW into
    /// the battery; exporting 10 kW AC takes 10.5 kW out of it), then clamped at the local limits in
    /// force — the charger's ratings and the vehicle's declared limits, power and current — so no
    /// command can move the charger past one; a clamped setpoint is answered with the AC power actually
    /// applied. A setpoint of lower priority does not replace an unexpired one of higher priority; an
    /// expired setpoint is dropped (the charger serves the vehicle's own request again); after the
    /// aggregator's heartbeat is lost the safe setpoint holds until the next heartbeat.
    /// A setpoint put in force also tells the controller what it is for (its <c>purpose</c> and
    /// <c>price_spread_per_kWh</c>), which the battery guard judges it by; without a setpoint (expired,
    /// the safe setpoint) the purpose is plain dispatch again.
    /// Allocates nothing.
    /// </summary>
    public sealed class DispatchArbiter
    {
        /// <summary>Reason of a clamp or rejection, for the reply (the uplink thread formats the priority case with the id in force).</summary>
        public const string ReasonExpired = "expired";
        public const string ReasonHeartbeatLost = "heartbeat lost: safe setpoint in force until the next heartbeat";
        public const string ReasonLowerPriority = "lower priority";
        public const string ReasonChargerPowerLimit = "charger_power_limit";
        public const string ReasonVehiclePowerLimit = "vehicle_power_limit";
        public const string ReasonChargerCurrentLimit = "charger_current_limit";
        public const string ReasonVehicleCurrentLimit = "vehicle_current_limit";

        /// <summary>Difference between asked and applied AC power below which a setpoint counts as met, W.</summary>
        private const double ClampToleranceW = 0.5;

        /// <summary>The largest share of the setpoint one tick's error may count with in the grid-point trim.</summary>
        private const double TrimLargestErrorFraction = 0.05;

        private readonly ChargeController _controller;
        private readonly UplinkSettings _settings;
        private readonly ChargerSettings _ratings;
        private readonly double _efficiency;

        private bool _hasSetpoint;
        private string _id;
        private double _appliedAcW;
        private long _validUntilUnixMs;
        private int _priority;
        private BatteryPowerPurpose _purpose;
        private bool _hasPriceSpread;
        private double _priceSpreadPerKWh;
        private bool _safeInForce;

        private DispatchResult _lastResult;
        private double _lastAppliedAcW;
        private string _lastReason;
        private string _lastBlockingId;
        private string _lastClampReason;
        private double _feedforwardDcW;
        private double _trimDcW;

        public DispatchArbiter(UplinkSettings settings, ChargeController controller)
        {
            if (settings == null || controller == null)
            {
                throw new System.ArgumentNullException();
            }

            _settings = settings;
            _controller = controller;
            _ratings = controller.Settings;
            _efficiency = settings.ConverterEfficiency > 0.1 && settings.ConverterEfficiency <= 1 ? settings.ConverterEfficiency : 1;
        }

        /// <summary>An aggregator's setpoint is in force.</summary>
        public bool HasSetpoint => _hasSetpoint;

        /// <summary>Its id (null without one).</summary>
        public string SetpointId => _hasSetpoint ? _id : null;

        /// <summary>The AC power applied for it, W (+ import, − export), after clamping.</summary>
        public double SetpointAcW => _appliedAcW;

        public int SetpointPriority => _priority;

        public long SetpointValidUntilUnixMs => _validUntilUnixMs;

        /// <summary>What the setpoint in force is for (dispatch without one).</summary>
        public BatteryPowerPurpose SetpointPurpose => _hasSetpoint ? _purpose : BatteryPowerPurpose.Dispatch;

        /// <summary>The setpoint in force came with a price spread.</summary>
        public bool SetpointHasPriceSpread => _hasSetpoint && _hasPriceSpread;

        /// <summary>Its price spread, currency per kWh (0 without one).</summary>
        public double SetpointPriceSpreadPerKWh => SetpointHasPriceSpread ? _priceSpreadPerKWh : 0;

        /// <summary>The safe setpoint holds (heartbeat lost).</summary>
        public bool IsSafeSetpointInForce => _safeInForce;

        /// <summary>The result of the last <see cref="Apply"/>.</summary>
        public DispatchResult LastResult => _lastResult;

        /// <summary>The AC power applied by the last <see cref="Apply"/>, W.</summary>
        public double LastAppliedAcW => _lastAppliedAcW;

        /// <summary>Why the last <see cref="Apply"/> clamped or rejected (one of the Reason constants), or null.</summary>
        public string LastReason => _lastReason;

        /// <summary>The id of the setpoint that made the last Apply fail on priority, or null.</summary>
        public string LastBlockingId => _lastBlockingId;

        /// <summary>A setpoint of purpose dispatch without a price spread; see the full <see cref="Apply(string, double, long, int, BatteryPowerPurpose, bool, double, long)"/>.</summary>
        public bool Apply(string id, double powerAcW, long validUntilUnixMs, int priority, long nowUnixMs)
        {
            return Apply(id, powerAcW, validUntilUnixMs, priority, BatteryPowerPurpose.Dispatch, false, 0, nowUnixMs);
        }

        /// <summary>
        /// Arbitrates one parsed, valid setpoint (the uplink thread checked its form, range and expiry
        /// at arrival); the outcome is in <see cref="LastResult"/>, <see cref="LastAppliedAcW"/>,
        /// <see cref="LastReason"/>. Returns true if it is in force; then the controller is told its
        /// <paramref name="purpose"/> and price spread (currency per kWh, as sent) for the battery guard.
        /// </summary>
        public bool Apply(string id, double powerAcW, long validUntilUnixMs, int priority, BatteryPowerPurpose purpose, bool hasPriceSpread, double priceSpreadPerKWh, long nowUnixMs)
        {
            _lastReason = null;
            _lastBlockingId = null;
            _lastAppliedAcW = 0;
            _lastResult = DispatchResult.Rejected;

            if (validUntilUnixMs <= nowUnixMs)
            {
                _lastReason = ReasonExpired;
                return false;
            }

            if (_safeInForce)
            {
                _lastReason = ReasonHeartbeatLost;
                return false;
            }

            // The same id again (a refresh of the one in force) may change its own power and expiry.
            if (_hasSetpoint && priority < _priority && id != _id && _validUntilUnixMs > nowUnixMs)
            {
                _lastReason = ReasonLowerPriority;
                _lastBlockingId = _id;
                return false;
            }

            double dcW = ClampDc(ToDcW(powerAcW));
            double appliedAcW = ToAcW(dcW);
            if (!_hasSetpoint || (dcW >= 0) != (_feedforwardDcW >= 0))
            {
                // A trim learnt in one direction says nothing of the other's losses.
                _trimDcW = 0;
            }

            _feedforwardDcW = dcW;
            // The purpose first: the guard judges the new power by it from the next tick on.
            _controller.SetDispatchPurpose(purpose, hasPriceSpread, hasPriceSpread ? priceSpreadPerKWh : 0);
            _controller.SetDispatchPowerW(ClampTrimmed(dcW + _trimDcW));
            _hasSetpoint = true;
            _id = id;
            _appliedAcW = appliedAcW;
            _validUntilUnixMs = validUntilUnixMs;
            _priority = priority;
            _purpose = purpose;
            _hasPriceSpread = hasPriceSpread;
            _priceSpreadPerKWh = hasPriceSpread ? priceSpreadPerKWh : 0;

            double differenceW = appliedAcW - powerAcW;
            bool clamped = differenceW > ClampToleranceW || differenceW < -ClampToleranceW;
            _lastResult = clamped ? DispatchResult.Clamped : DispatchResult.Accepted;
            _lastReason = clamped ? _lastClampReason : null;
            _lastAppliedAcW = appliedAcW;
            return true;
        }

        /// <summary>The DC trim in force that holds the setpoint at the grid connection point, W.</summary>
        public double TrimDcW => _trimDcW;

        /// <summary>
        /// Holds the setpoint at the grid connection point (control thread, each tick, with a grid meter):
        /// integrates the error between the setpoint and the metered AC power into a bounded DC trim.
        /// Only while the transfer settles on the dispatch (<paramref name="settled"/>: energy transfer, no
        /// ramp, no limit, no frequency response), so that neither a ramp nor a limit nor the droop winds it up.
        /// </summary>
        public void TrimToGridPoint(double meteredAcW, bool settled, long periodMs)
        {
            int timeConstantMs = _settings.GridPointTrimTimeConstantMs;
            if (!_hasSetpoint || !settled || timeConstantMs <= 0 || periodMs <= 0)
            {
                return;
            }

            // The trim corrects an efficiency error of a few per cent: a larger error is a disturbance
            // (a meter glitch, a load step), taken into account only up to that size.
            double errorAcW = _appliedAcW - meteredAcW;
            double largestErrorW = (_appliedAcW >= 0 ? _appliedAcW : -_appliedAcW) * TrimLargestErrorFraction + 50;
            errorAcW = errorAcW > largestErrorW ? largestErrorW : (errorAcW < -largestErrorW ? -largestErrorW : errorAcW);
            double trimW = _trimDcW + errorAcW * periodMs / timeConstantMs;
            double maxW = (_feedforwardDcW >= 0 ? _feedforwardDcW : -_feedforwardDcW) * _settings.GridPointTrimMaxFraction;
            trimW = trimW > maxW ? maxW : (trimW < -maxW ? -maxW : trimW);
            if (trimW == _trimDcW)
            {
                return;
            }

            _trimDcW = trimW;
            _controller.SetDispatchPowerW(ClampTrimmed(_feedforwardDcW + _trimDcW));
        }

        /// <summary>The trimmed command, still inside the limits in force (the clamp reason of the last reply is kept).</summary>
        private double ClampTrimmed(double dcW)
        {
            string reason = _lastClampReason;
            double clampedW = ClampDc(dcW);
            _lastClampReason = reason;
            return clampedW;
        }

        /// <summary>Drops a setpoint whose validity has ended; returns true once when it does.</summary>
        public bool ExpireIfDue(long nowUnixMs)
        {
            if (!_hasSetpoint || nowUnixMs < _validUntilUnixMs)
            {
                return false;
            }

            _hasSetpoint = false;
            _controller.ClearDispatch();
            _controller.SetDispatchPurpose(BatteryPowerPurpose.Dispatch, false, 0);
            return true;
        }

        /// <summary>The aggregator is silent: drops its setpoint and puts the safe setpoint in force.</summary>
        public void ApplySafeSetpoint()
        {
            _hasSetpoint = false;
            _safeInForce = true;
            _controller.SetDispatchPurpose(BatteryPowerPurpose.Dispatch, false, 0);
            if (_settings.FallbackFollowsVehicle)
            {
                _controller.ClearDispatch();
            }
            else
            {
                _controller.SetDispatchPowerW(ClampDc(ToDcW(_settings.FallbackPowerW)));
            }
        }

        /// <summary>
        /// The aggregator is back: new setpoints are taken again. The safe setpoint stays until one comes
        /// (reverting to the last setpoint would replay a decision made before the silence).
        /// </summary>
        public void EndSafeSetpoint()
        {
            _safeInForce = false;
        }

        /// <summary>AC power at the grid connection point, W, to DC power into the vehicle, W.</summary>
        public double ToDcW(double acW)
        {
            return acW >= 0 ? acW * _efficiency : acW / _efficiency;
        }

        /// <summary>DC power into the vehicle, W, to AC power at the grid connection point, W.</summary>
        public double ToAcW(double dcW)
        {
            return dcW >= 0 ? dcW / _efficiency : dcW * _efficiency;
        }

        /// <summary>The AC import limit in force, W (≥ 0).</summary>
        public double MaxImportAcW()
        {
            ApplicableLimits limits = _controller.Limits;
            return ToAcW(limits.MaxChargePowerW);
        }

        /// <summary>The AC export limit in force, W (magnitude ≥ 0); 0 while the safe setpoint follows the vehicle (it never exports).</summary>
        public double MaxExportAcW()
        {
            if (_safeInForce && _settings.FallbackFollowsVehicle)
            {
                return 0;
            }

            ApplicableLimits limits = _controller.Limits;
            return -ToAcW(-limits.MaxDischargePowerW);
        }

        /// <summary>Clamps DC power at the power and current limits in force; sets the clamp reason.</summary>
        private double ClampDc(double dcW)
        {
            ApplicableLimits limits = _controller.Limits;
            double voltageV = LimitVoltageV(ref limits);
            _lastClampReason = null;
            if (dcW >= 0)
            {
                if (dcW > limits.MaxChargePowerW)
                {
                    dcW = limits.MaxChargePowerW;
                    _lastClampReason = limits.MaxChargePowerW < _ratings.MaxChargePowerW ? ReasonVehiclePowerLimit : ReasonChargerPowerLimit;
                }

                if (voltageV > 0 && dcW > limits.MaxChargeCurrentA * voltageV)
                {
                    dcW = limits.MaxChargeCurrentA * voltageV;
                    _lastClampReason = limits.MaxChargeCurrentA < _ratings.MaxChargeCurrentA ? ReasonVehicleCurrentLimit : ReasonChargerCurrentLimit;
                }

                return dcW;
            }

            if (-dcW > limits.MaxDischargePowerW)
            {
                dcW = -limits.MaxDischargePowerW;
                _lastClampReason = limits.MaxDischargePowerW < _ratings.MaxDischargePowerW ? ReasonVehiclePowerLimit : ReasonChargerPowerLimit;
            }

            if (voltageV > 0 && -dcW > limits.MaxDischargeCurrentA * voltageV)
            {
                dcW = -limits.MaxDischargeCurrentA * voltageV;
                _lastClampReason = limits.MaxDischargeCurrentA < _ratings.MaxDischargeCurrentA ? ReasonVehicleCurrentLimit : ReasonChargerCurrentLimit;
            }

            return dcW;
        }

        /// <summary>The voltage the current limits are judged at: the connector's if live, else the vehicle's battery, else none (0).</summary>
        private double LimitVoltageV(ref ApplicableLimits limits)
        {
            double connectorV = _controller.LastMeasurements.ConnectorVoltageV;
            if (connectorV >= limits.MinVoltageV)
            {
                return connectorV;
            }

            double batteryV = _controller.VehicleStatus.BatteryVoltageV;
            return batteryV >= limits.MinVoltageV ? batteryV : 0;
        }
    }
}
