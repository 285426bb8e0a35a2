using System;

namespace V2G.Sim.Plant.Storage
{
    /// <summary>
    /// Thrown by <see cref="SimulatedFlash"/> when an armed power cut stops a program or erase
    /// part-way. Whatever was running on the "device" is to be treated as gone: the test reboots by
    /// mounting the flash afresh.
    /// </summary>
    public class SimulatedPowerCutException : Exception
    {
        /// <summary>Creates the exception with a description of where the power failed.</summary>
        public SimulatedPowerCutException(string message)
            : base(message)
        {
        }
    }
}
