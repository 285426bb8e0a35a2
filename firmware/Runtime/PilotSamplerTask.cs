using System;
using V2G.Firmware.Control;
using V2G.Firmware.Drivers.Board;

namespace V2G.Firmware.Runtime
{
    /// <summary>One burst of the pilot's ADC per control tick, before the CCS layers read the pilot.</summary>
    public sealed class PilotSamplerTask : IControlTask
    {
        private readonly PilotPhaseSampler _sampler;

        /// <summary>Samples <paramref name="sampler"/> every tick.</summary>
        public PilotSamplerTask(PilotPhaseSampler sampler)
        {
            if (sampler == null)
            {
                throw new ArgumentNullException("sampler");
            }

            _sampler = sampler;
        }

        /// <inheritdoc />
        public void Tick()
        {
            _sampler.Sample();
        }
    }
}
