using V2G.Sim.Plant.Board;

namespace V2G.Sim.Simulation
{
    /// <summary>The plain vehicle model (no protocol stack), calling the EV session port directly.</summary>
    public sealed class SimpleVehicleDriver : IVehicleDriver
    {
        private readonly SimulatedCharger _charger;

        public SimpleVehicleDriver(SimulatedCharger charger)
        {
            _charger = charger;
            _charger.SimpleVehicleEnabled = true;
        }

        public string Protocol => "sim";

        public bool IsPlugged => _charger.Vehicle.IsPlugged;

        public string EndReason => _charger.Vehicle.EndReason;

        public void PlugIn(long nowMs) => _charger.Vehicle.PlugIn(nowMs);

        public void Unplug() => _charger.Controller.VehicleDisconnected();

        public void RequestStop() => _charger.Vehicle.RequestStop();

        public void GoSilent() => _charger.Vehicle.GoSilent();

        public void RunTick() => _charger.RunTick();

        public void Dispose()
        {
        }
    }
}
