using System;

namespace V2G.Sim.Scenarios
{
    /// <summary>The scenarios the simulator knows by name.</summary>
    public static class BuiltInScenarios
    {
        public static readonly string[] Names = { "v2g", "charge", "weld", "insulation", "overcurrent", "estop", "freq-step", "loss-of-mains", "aggregator", "broker-outage", "reserve-guard", "departure", "idle" };

        public static Scenario Get(string name)
        {
            switch (name)
            {
                case "v2g": return V2g();
                case "charge": return Charge();
                case "weld": return Weld();
                case "insulation": return Insulation();
                case "overcurrent": return OverCurrent();
                case "estop": return EmergencyStop();
                case "freq-step": return FrequencyStep();
                case "loss-of-mains": return LossOfMains();
                case "aggregator": return Aggregator();
                case "broker-outage": return BrokerOutage();
                case "reserve-guard": return ReserveGuard();
                case "departure": return Departure();
                case "idle": return Idle();
                default: throw new ArgumentException($"unknown scenario '{name}' (built-ins: {string.Join(", ", Names)})");
            }
        }

        /// <summary>Charge at +22 kW, discharge at −20 kW, then the charger ends the session: more than 5 kWh each way.</summary>
        public static Scenario V2g()
        {
            var s = new Scenario
            {
                Name = "v2g",
                Description = "charge at +22 kW for 1000 s, discharge at -20 kW for 1100 s, then stop",
                InitialSocPercent = 40,
                EndSeconds = 2200,
            };
            return s.At(0, "dispatch", powerW: 22000)
                .At(1, "plug")
                .At(1000, "dispatch", powerW: -20000)
                .At(2100, "stop");
        }

        /// <summary>
        /// The battery guard's reserve: a −20 kW discharge asked of a small pack at 40 % with the owner's reserve
        /// at 35 %. The discharge runs until the reserve (about 3.6 minutes), then the guard holds it there
        /// (<c>soc_reserve</c>) for the rest of the dispatch, whatever it asks.
        /// </summary>
        public static Scenario ReserveGuard()
        {
            var s = new Scenario
            {
                Name = "reserve-guard",
                Description = "-20 kW asked of a 24 kWh pack at 40 % with a 35 % reserve: the discharge stops at the reserve, the rest is clipped (soc_reserve)",
                BatteryKWh = 24,
                InitialSocPercent = 40,
                ReserveSocPercent = 35,

                // The digest's example price of a pack, per kWh (BNEF 2024 China US$94/kWh × 7.2 CNY/USD, an
                // assumption), for 24 kWh: CNY.
                BatteryReplacementCost = 24 * 94 * 7.2,
                EndSeconds = 560,
            };
            return s.At(0, "dispatch", powerW: -20000)
                .At(1, "plug")
                .At(500, "stop");
        }

        /// <summary>
        /// The departure target overrules the dispatch: −10 kW asked throughout of a 30 kWh pack at 60 % that
        /// the vehicle wants at 80 % by its departure at 2400 s. The guard lets it discharge while the time in
        /// hand allows, then forces the charge (<c>departure_energy</c>) so that the target is reached before
        /// the departure (with its 600 s margin); the vehicle ends the session at its target.
        /// </summary>
        public static Scenario Departure()
        {
            var s = new Scenario
            {
                Name = "departure",
                Description = "-10 kW asked of a 30 kWh pack at 60 % that must be at 80 % by its departure at 2400 s: the guard forces the charge in time (departure_energy)",
                BatteryKWh = 30,
                InitialSocPercent = 60,
                TargetSocPercent = 80,
                DepartureS = 2400,
                EndSeconds = 2460,
            };
            // The driver leaves at the departure (the vehicle ended its session at its target well before).
            return s.At(0, "dispatch", powerW: -10000)
                .At(1, "plug")
                .At(2400, "vehicle_stop");
        }

        /// <summary>
        /// No vehicle for an hour: the charger idles, for a technician on the diagnostics shell (--shell-pty) to
        /// read its status, change its settings and run the maintenance tests, which refuse while a vehicle is connected.
        /// </summary>
        public static Scenario Idle()
        {
            return new Scenario
            {
                Name = "idle",
                Description = "no vehicle for 3600 s: the charger idles (for the diagnostics shell, --shell-pty)",
                EndSeconds = 3600,
            };
        }

        /// <summary>A plain charge: the vehicle takes what it may until its target SoC.</summary>
        public static Scenario Charge()
        {
            var s = new Scenario
            {
                Name = "charge",
                Description = "a plain charge at the charger's 30 kW from 40 % to the vehicle's 55 % target",
                InitialSocPercent = 40,
                TargetSocPercent = 55,
                EndSeconds = 2400,
            };
            return s.At(1, "plug");
        }

        /// <summary>
        /// Fast frequency response: discharging at −10 kW with the <c>fast</c> droop preset, the grid
        /// steps 0.2 Hz down (and back up later); the droop raises the export at once, no backend involved.
        /// </summary>
        public static Scenario FrequencyStep()
        {
            var s = new Scenario
            {
                Name = "freq-step",
                Description = "discharging at -10 kW with the fast droop preset: a 0.2 Hz under-frequency step at 60 s, back at 90 s",
                InitialSocPercent = 60,
                EndSeconds = 130,
                DroopPreset = "fast",
            };
            return s.At(0, "dispatch", powerW: -10000)
                .At(1, "plug")
                .At(60, "grid_frequency", value: 49.8)
                .At(90, "grid_frequency", value: 50.0)
                .At(120, "stop");
        }

        /// <summary>Loss of mains while discharging: the island is found and the charger ceases to energize within 2 s.</summary>
        public static Scenario LossOfMains()
        {
            var s = new Scenario
            {
                Name = "loss-of-mains",
                Description = "discharging at -15 kW, the grid opens at 60 s (an island drifting 2.5 Hz/s while the charger feeds it)",
                InitialSocPercent = 60,
                EndSeconds = 120,
                ExpectsFault = true,
                ExpectedFault = "loss_of_mains",
            };
            return s.At(0, "dispatch", powerW: -15000)
                .At(1, "plug")
                .At(60, "loss_of_mains", value: 2.5)
                .At(90, "vehicle_stop");
        }

        /// <summary>
        /// A bidirectional vehicle plugged in with nothing scripted: the aggregator drives it over MQTT
        /// (run it paced, --realtime or --speed N, so that the aggregator's clock and the charger's agree).
        /// </summary>
        public static Scenario Aggregator()
        {
            var s = new Scenario
            {
                Name = "aggregator",
                Description = "a bidirectional vehicle plugged in for 900 s with no scripted dispatch: the aggregator drives it over MQTT",
                InitialSocPercent = 50,
                EndSeconds = 900,
            };
            return s.At(1, "plug").At(880, "vehicle_stop");
        }

        /// <summary>The network to the broker fails for 5 minutes while discharging: the records of the outage are stored and replayed.</summary>
        public static Scenario BrokerOutage()
        {
            var s = new Scenario
            {
                Name = "broker-outage",
                Description = "discharging at -10 kW, the network to the broker is cut from 60 s to 360 s: records stored in flash, replayed when it returns",
                InitialSocPercent = 60,
                EndSeconds = 480,
            };
            return s.At(0, "dispatch", powerW: -10000)
                .At(1, "plug")
                .At(60, "broker_down")
                .At(360, "broker_up")
                .At(440, "stop");
        }

        /// <summary>DC+ welds while charging; found when the session stops.</summary>
        public static Scenario Weld()
        {
            var s = new Scenario { Name = "weld", Description = "DC+ contactor welds while charging; found at the stop", EndSeconds = 200, ExpectsFault = true, ExpectedFault = "contactor_welded" };
            return s.At(0, "dispatch", powerW: 20000).At(1, "plug").At(60, "inject", fault: "weld").At(120, "vehicle_stop");
        }

        /// <summary>The insulation fails while discharging: the output opens at once.</summary>
        public static Scenario Insulation()
        {
            var s = new Scenario { Name = "insulation", Description = "insulation falls to 20 kOhm while discharging", EndSeconds = 200, ExpectsFault = true, ExpectedFault = "insulation_fault" };
            return s.At(0, "dispatch", powerW: -15000).At(1, "plug").At(60, "inject", fault: "insulation");
        }

        /// <summary>The converter's current regulation runs away while charging.</summary>
        public static Scenario OverCurrent()
        {
            var s = new Scenario { Name = "overcurrent", Description = "the converter's regulator runs away to 1.3x its reference at 25 kW", EndSeconds = 200, ExpectsFault = true, ExpectedFault = "over_current" };
            s.Settings["MaxChargeCurrentA"] = 70;
            return s.At(0, "dispatch", powerW: 25000).At(1, "plug").At(60, "inject", fault: "overcurrent");
        }

        /// <summary>The emergency stop is pressed while discharging at −20 kW: the contactors break the load at once.</summary>
        public static Scenario EmergencyStop()
        {
            var s = new Scenario { Name = "estop", Description = "emergency stop pressed while discharging at -20 kW", EndSeconds = 200, ExpectsFault = true, ExpectedFault = "emergency_stop" };
            return s.At(0, "dispatch", powerW: -20000).At(1, "plug").At(60, "inject", fault: "estop");
        }
    }
}
