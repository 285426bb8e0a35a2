using System;
using V2G.Protocol.Slac;
using V2G.Sim.Plant.Vehicle;

namespace V2G.Sim.Plant.Board
{
    /// <summary>
    /// A CCS vehicle on a <see cref="PlantPeripherals"/> board below ISO 15118: its pilot circuit (R2, S2/R3, the
    /// diode) on the plant's pilot wire, its plug's proximity resistor, and its SLAC side (<see cref="SlacPev"/>) on
    /// the vehicle's modem of the plant's PLC link. The charger's side is the board's firmware through the pilot
    /// PWM and ADC pins and the QCA7000 model. Steps at every plant step.
    /// </summary>
    public sealed class PlantBoardCcsVehicle : IPlantStepTask
    {
        /// <summary>The vehicle on <paramref name="plant"/>, not plugged in; it becomes the plant's step task.</summary>
        public PlantBoardCcsVehicle(PlantPeripherals plant, SlacPevSettings settings)
        {
            if (plant == null)
            {
                throw new ArgumentNullException("plant");
            }

            Vehicle = new SimCcsVehicle(plant.Pilot, plant.Proximity, plant.PlcLink.Vehicle, settings, null);
            plant.StepTask = this;
        }

        /// <summary>The vehicle's pilot circuit and SLAC.</summary>
        public SimCcsVehicle Vehicle { get; }

        /// <summary>The vehicle asks for energy (closes S2): its communication controller would, from cable check on.</summary>
        public bool RequestsEnergy { get; set; }

        /// <summary>The plug goes in: proximity resistor and the vehicle's pilot circuit.</summary>
        public void PlugIn()
        {
            Vehicle.Plug();
        }

        /// <summary>The plug comes out at <paramref name="nowMs"/>.</summary>
        public void Unplug(long nowMs)
        {
            Vehicle.Unplug(nowMs);
        }

        /// <inheritdoc />
        public void Step(long nowMs)
        {
            Vehicle.Step(nowMs, RequestsEnergy);
        }
    }
}
