namespace V2G.Protocol.Session
{
    /// <summary>
    /// The one narrow port through which a charging protocol (ISO 15118-20, GB/T 27930, the
    /// simulator's vehicle) drives the charger's controller. The protocol asks for steps in its
    /// own standard's order; the controller owns the preconditions and the physical sequences
    /// (contactors, converter, insulation test), which are the same for every protocol, and
    /// answers <see cref="StepStatus.Failed"/> to a step whose preconditions do not hold.
    /// Step calls are repeated by the protocol while they answer <see cref="StepStatus.Ongoing"/>;
    /// the physical work advances in the controller's tick, not in these calls.
    /// Every call counts as a sign of life from the vehicle for the communication watchdog.
    /// Calls must come from the thread that runs the controller's tick.
    /// </summary>
    public interface IEvSessionPort
    {
        /// <summary>A vehicle is plugged in (pilot state B, GB/T CC1 at 4 V).</summary>
        void VehicleConnected();

        /// <summary>The vehicle was unplugged. Under load this is a fault.</summary>
        void VehicleDisconnected();

        /// <summary>Digital communication with the vehicle has begun (SLAC matched / first CAN frame).</summary>
        void CommunicationStarted(SessionProtocol protocol);

        /// <summary>The protocol gave up on the vehicle (a sequence or message timeout).</summary>
        void CommunicationLost();

        /// <summary>Asks whether the session is authorized (EIM, PnC, free vend); Ongoing while waiting.</summary>
        StepStatus Authorize();

        /// <summary>The vehicle's limits from parameter exchange; answers false if they cannot be served.</summary>
        bool SetVehicleLimits(ref EvLimits limits);

        /// <summary>The charger's limits to offer the vehicle.</summary>
        void GetChargerLimits(out ChargerLimits limits);

        /// <summary>The vehicle's latest status (SoC, its voltage, its current request).</summary>
        void UpdateVehicleStatus(ref EvStatus status);

        /// <summary>
        /// What the vehicle says about its SoC window, departure and energy requests, each time its protocol
        /// carries them (ISO 15118-20 ScheduleExchange and the charge loop, GB/T BCP/BCS); unknown values NaN.
        /// </summary>
        void UpdateEnergyNeeds(ref EvEnergyNeeds needs);

        /// <summary>
        /// Cable check: closes the output, raises it to the highest voltage both sides allow and runs
        /// the insulation test there. <paramref name="vehicleMaxVoltageV"/> is that highest voltage
        /// as the vehicle declared it (ISO 15118-20 EVMaximumVoltage, GB/T BHM).
        /// </summary>
        StepStatus CableCheck(double vehicleMaxVoltageV);

        /// <summary>Precharge: the converter matches <paramref name="targetVoltageV"/> (the vehicle's battery), then the output closes.</summary>
        StepStatus PreCharge(double targetVoltageV);

        /// <summary>Starts energy transfer (ISO 15118-20 PowerDelivery Start, GB/T CRO ready → charging).</summary>
        StepStatus StartEnergyTransfer();

        /// <summary>Ramps the current to ≤ 5 A, then disables the converter and opens the output.</summary>
        StepStatus StopEnergyTransfer();

        /// <summary>Checks that the output contactors opened and the output voltage decays.</summary>
        StepStatus WeldingDetection();

        /// <summary>The protocol ended the session (SessionStop, BSD/CSD exchanged).</summary>
        void EndSession();

        /// <summary>The charger's present values and what it asks of the vehicle.</summary>
        void GetPresentValues(out ChargerPresentValues values);
    }
}
