using System;
using V2G.Hal.Buses;
using V2G.Hal.Power;

namespace V2G.Firmware.Runtime
{
    /// <summary>
    /// A relay driven by one output with no mirror contact wired back (the boards' precharge relay): its
    /// feedback can only be its command, and <see cref="IsFeedbackClosed"/> says so. The controller only opens it.
    /// </summary>
    public sealed class UnmonitoredRelay : IContactor
    {
        private readonly IDigitalOutput _coil;

        /// <summary>The relay on <paramref name="coil"/>, opened.</summary>
        public UnmonitoredRelay(IDigitalOutput coil)
        {
            if (coil == null)
            {
                throw new ArgumentNullException("coil");
            }

            _coil = coil;
            _coil.Write(false);
        }

        /// <inheritdoc />
        public void Close()
        {
            _coil.Write(true);
        }

        /// <inheritdoc />
        public void Open()
        {
            _coil.Write(false);
        }

        /// <inheritdoc />
        public bool IsCommandedClosed => _coil.State;

        /// <summary>The command: no mirror contact is wired back.</summary>
        public bool IsFeedbackClosed => _coil.State;
    }
}
