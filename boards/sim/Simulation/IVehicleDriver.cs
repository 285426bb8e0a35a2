namespace V2G.Sim.Simulation
{
    /// <summary>
    /// What drives the vehicle's side of a simulated session: the plain vehicle model on the EV session
    /// port, or the ISO 15118-20 EV simulator talking to the charger's SECC over real sockets.
    /// </summary>
    public interface IVehicleDriver : System.IDisposable
    {
        /// <summary>"sim" or "iso15118-20".</summary>
        string Protocol { get; }

        /// <summary>True between plug-in and unplug.</summary>
        bool IsPlugged { get; }

        /// <summary>Why the vehicle's session ended, from its view.</summary>
        string EndReason { get; }

        void PlugIn(long nowMs);

        /// <summary>The cable is pulled.</summary>
        void Unplug();

        /// <summary>The driver (or the scenario) wants to stop.</summary>
        void RequestStop();

        /// <summary>Fault injection: the vehicle stops talking.</summary>
        void GoSilent();

        /// <summary>One control period of the simulation: plant, messages, the controller's tick.</summary>
        void RunTick();
    }
}
