using System;
using V2G.Protocol.GbT.Bms;
using V2G.Sim.Plant.Can;
using V2G.Sim.Plant.Vehicle;

namespace V2G.Sim.Plant.Board
{
    /// <summary>
    /// A GB/T vehicle on a <see cref="PlantPeripherals"/> board: the BMS simulator on the plant's CAN bus (node
    /// "bms"), driving the plant's battery and vehicle contactor, powered by the coupler's auxiliary supply as the
    /// board's relay switches it. The BMS polls at every plant step; the charger's side is the board's firmware
    /// through the MCP2515 model (as boards/sim's GbtVehicleLink does on the simulator board's HAL).
    /// </summary>
    public sealed class PlantBoardGbtVehicle : IPlantStepTask
    {
        private readonly PlantPeripherals _plant;
        private bool _auxiliaryPower;

        /// <summary>The vehicle on <paramref name="plant"/>, not plugged in; it becomes the plant's step task.</summary>
        public PlantBoardGbtVehicle(PlantPeripherals plant, GbtBmsSettings settings)
        {
            if (plant == null || settings == null)
            {
                throw new ArgumentNullException();
            }

            _plant = plant;
            BmsNode = plant.Bus.AddNode("bms");
            Ev = new SimEvPlant(plant.Battery, plant.VehicleContactor, plant.Circuit, plant.Connector);
            Bms = new GbtBmsSimulator(settings, Ev, BmsNode, plant.Clock, null);
            plant.StepTask = this;
        }

        /// <summary>The BMS's node on the plant's bus.</summary>
        public VirtualCanNode BmsNode { get; }

        /// <summary>The vehicle's battery, contactor and inlet.</summary>
        public SimEvPlant Ev { get; }

        /// <summary>The BMS simulator.</summary>
        public GbtBmsSimulator Bms { get; }

        /// <summary>The coupler is plugged in (CC1 goes to the plugged level).</summary>
        public void PlugIn()
        {
            _plant.Coupler.Plug();
        }

        /// <summary>The vehicle opens its contactor and the coupler is pulled out.</summary>
        public void Unplug()
        {
            Ev.OpenContactor();
            _plant.Coupler.Unplug();
        }

        /// <summary>Every plant step: the BMS follows the auxiliary supply, then polls.</summary>
        public void Step(long nowMs)
        {
            bool aux = _plant.Coupler.IsOn;
            if (aux != _auxiliaryPower)
            {
                _auxiliaryPower = aux;
                Bms.SetAuxiliaryPower(aux, nowMs);
            }

            Bms.Poll(nowMs);
        }
    }
}
