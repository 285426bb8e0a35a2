using System;

namespace V2G.Sim.Plant.Pilot
{
    /// <summary>
    /// The vehicle's side of the control pilot: its resistor R2 behind the diode (state B), the switch S2
    /// that adds R3 in parallel (state C, or D with the ventilation resistor), and its reading of the
    /// charger's PWM. Resistances after the esp32-evse calibration table [S:W1]; the switched resistors are
    /// derived so that the parallel values match it [U derived, digest §1.1].
    /// </summary>
    public sealed class EvControlPilot
    {
        /// <summary>R2, always in circuit while plugged: 2.74 kΩ, state B [S:W1].</summary>
        public const double R2Ohm = 2740;

        /// <summary>R3 switched in by S2: 1.3 kΩ, 2.74 kΩ ‖ 1.3 kΩ = 882 Ω, state C [U derived].</summary>
        public const double R3ChargingOhm = 1300;

        /// <summary>R3 of a vehicle that needs ventilation: 270 Ω, 2.74 kΩ ‖ 270 Ω = 246 Ω, state D [U derived].</summary>
        public const double R3VentilationOhm = 270;

        /// <summary>Lowest duty read as a digital-communication request, 0.01 % (3 %) [V:E12, U].</summary>
        public const int DigitalCommunicationMinDuty = 300;

        /// <summary>Highest duty read as a digital-communication request, 0.01 % (7 %) [V:E12, U].</summary>
        public const int DigitalCommunicationMaxDuty = 700;

        private readonly PilotCircuit _circuit;
        private readonly ProximityCircuit _proximity;
        private bool _plugged;
        private bool _s2Closed;
        private bool _requiresVentilation;

        /// <summary>A vehicle on <paramref name="circuit"/>; <paramref name="proximity"/> (may be null) follows its plug.</summary>
        public EvControlPilot(PilotCircuit circuit, ProximityCircuit proximity)
        {
            if (circuit == null)
            {
                throw new ArgumentNullException("circuit");
            }

            _circuit = circuit;
            _proximity = proximity;
        }

        /// <summary>A vehicle on <paramref name="circuit"/> without a proximity model.</summary>
        public EvControlPilot(PilotCircuit circuit) : this(circuit, null)
        {
        }

        /// <summary>True while the plug is in the inlet.</summary>
        public bool IsPlugged => _plugged;

        /// <summary>True while S2 is closed (the vehicle asks for energy).</summary>
        public bool IsS2Closed => _s2Closed;

        /// <summary>When set, S2 switches in the ventilation resistor: state D instead of C.</summary>
        public bool RequiresVentilation
        {
            get => _requiresVentilation;
            set
            {
                _requiresVentilation = value;
                ApplyLoad();
            }
        }

        /// <summary>The plug goes in: R2 on the pilot (B, or C/D if S2 was left closed).</summary>
        public void Plug()
        {
            _plugged = true;
            if (_proximity != null)
            {
                _proximity.Insert();
            }

            ApplyLoad();
        }

        /// <summary>The plug comes out: the pilot is open at the vehicle (A).</summary>
        public void Unplug()
        {
            _plugged = false;
            if (_proximity != null)
            {
                _proximity.Remove();
            }

            ApplyLoad();
        }

        /// <summary>Closes (B → C/D) or opens (C/D → B) S2.</summary>
        public void SetS2(bool closed)
        {
            _s2Closed = closed;
            ApplyLoad();
        }

        /// <summary>The duty the vehicle measures, 0.01 %; 0 when unplugged.</summary>
        public int DutyCycleHundredthsPercent => _plugged ? _circuit.DutyCycleSeenByVehicle : 0;

        /// <summary>True when the vehicle sees a PWM on its pilot.</summary>
        public bool SeesPwm => _plugged && _circuit.VehicleSeesPwm;

        /// <summary>
        /// True when the vehicle reads the duty as "digital communication required" (nominal 5 %, 3–7 % in
        /// EVerest's simulator) [V:E12, U]; it would then wake its EVCC and modem [V:P2].
        /// </summary>
        public bool SeesDigitalCommunicationRequest
        {
            get
            {
                if (!SeesPwm)
                {
                    return false;
                }

                int duty = _circuit.DutyCycleSeenByVehicle;
                return duty >= DigitalCommunicationMinDuty && duty <= DigitalCommunicationMaxDuty;
            }
        }

        /// <summary>The positive pilot level the vehicle measures at its inlet, V (0 when unplugged).</summary>
        public double PilotPositiveLevelV => _plugged ? _circuit.VehiclePositiveLevelV : 0;

        private void ApplyLoad()
        {
            if (!_plugged)
            {
                _circuit.SetVehicleResistance(double.PositiveInfinity);
                return;
            }

            double loadOhm = R2Ohm;
            if (_s2Closed)
            {
                double r3Ohm = _requiresVentilation ? R3VentilationOhm : R3ChargingOhm;
                loadOhm = R2Ohm * r3Ohm / (R2Ohm + r3Ohm);
            }

            _circuit.SetVehicleResistance(loadOhm);
        }
    }
}
