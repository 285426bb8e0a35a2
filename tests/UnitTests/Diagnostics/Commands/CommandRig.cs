using System;
using V2G.Firmware.Diagnostics;
using V2G.Firmware.Diagnostics.Commands;
using V2G.Firmware.Diagnostics.Log;
using V2G.Firmware.Session;
using V2G.Firmware.Settings;
using V2G.Firmware.Uplink;
using V2G.Firmware.Uplink.StoreAndForward;
using V2G.Protocol.Trace;
using V2G.Sim.Plant.Board;
using V2G.Sim.Plant.Storage;
using V2G.UnitTests.Fakes;
using V2G.UnitTests.Slac;

namespace V2G.UnitTests.Diagnostics.Commands
{
    /// <summary>
    /// The whole command table on the simulator board: a <see cref="SimulatedCharger"/> (optionally with an
    /// uplink over a <see cref="FakeUplink"/>), its diagnostic log, config keys and a session trace, and the
    /// shell over a <see cref="FakeSerialPort"/>. Run as the simulator runs it: each control period the plant
    /// and the controller's tick, the uplink's tick and pump, then one shell poll.
    /// </summary>
    public sealed class CommandRig
    {
        public const string Pin = "4711";

        public readonly SimulatedCharger Sim;
        public readonly DiagnosticLog Log = new DiagnosticLog();
        public readonly ChargerConfig Config;
        public readonly MessageLog Trace = new MessageLog(64, 96);
        public readonly FakeShellHost Host = new FakeShellHost();
        public readonly FakeSerialPort Port = new FakeSerialPort();
        public readonly FakeUplink Client;
        public readonly UplinkService Uplink;
        public readonly DiagnosticShell Shell;

        public CommandRig() : this(false)
        {
        }

        public CommandRig(bool withUplink)
        {
            Sim = new SimulatedCharger(new ChargerSettings(), 60, 40, 50);
            UplinkSettings uplinkSettings = new UplinkSettings();
            Config = new ChargerConfig(Sim.Controller, uplinkSettings, Sim.Store, ChargerConfig.DefaultRecordId);
            if (withUplink)
            {
                Client = new FakeUplink();
                SimWallClock wall = new SimWallClock(Sim.Clock, new DateTime(2026, 11, 26, 5, 0, 0));
                Uplink = new UplinkService(uplinkSettings, Sim.Controller, Client, new OutageQueue(new SimulatedFlash(4096, 8)), Sim.Store, wall, new SeededEntropy(3));
            }

            ShellSettings settings = new ShellSettings(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16 });
            settings.SetPin(Pin);
            ShellServices services = new ShellServices();
            services.Controller = Sim.Controller;
            services.Log = Log;
            services.Config = Config;
            services.Uplink = Uplink;
            services.Trace = Trace;
            services.Host = Host;
            services.Entropy = new SeededEntropy(7);
            Shell = new DiagnosticShell(settings, Port, ShellCommands.All(), services);
            Run(100);
            Port.TakeOutput();
        }

        public ChargeController Controller => Sim.Controller;

        /// <summary>Runs <paramref name="ms"/> of control periods, the shell polled once a period.</summary>
        public void Run(long ms)
        {
            long periods = ms / Sim.Settings.TickPeriodMs;
            for (long i = 0; i < periods; i++)
            {
                Step();
            }
        }

        /// <summary>Sends a line (CR added), runs until the shell is idle again (at most <paramref name="maxMs"/>), returns what it wrote.</summary>
        public string Type(string line, long maxMs)
        {
            Port.Send(line + "\r");
            long periods = maxMs / Sim.Settings.TickPeriodMs;
            for (long i = 0; i < periods; i++)
            {
                Step();
                if (Port.Pending == 0 && !Shell.IsStreaming && Shell.PendingOutputBytes == 0)
                {
                    break;
                }
            }

            return Port.TakeOutput();
        }

        public string Type(string line)
        {
            return Type(line, 10000);
        }

        /// <summary>Logs in with the PIN.</summary>
        public CommandRig LoggedIn()
        {
            string reply = Type("login " + Pin);
            if (!Shell.Session.IsLoggedIn)
            {
                throw new Exception("login failed: " + reply);
            }

            return this;
        }

        /// <summary>Switches to machine mode.</summary>
        public CommandRig InMachineMode()
        {
            Type("mode machine");
            return this;
        }

        /// <summary>Plugs the simulated vehicle in and runs until energy transfer (at most 20 s).</summary>
        public void ChargeUntilEnergyTransfer()
        {
            Sim.Vehicle.PlugIn(Sim.Clock.NowMs);
            for (int i = 0; i < 1000 && Controller.State != ChargerState.EnergyTransfer; i++)
            {
                Step();
            }

            if (Controller.State != ChargerState.EnergyTransfer)
            {
                throw new Exception("no energy transfer: " + ChargerStateNames.Of(Controller.State));
            }
        }

        private void Step()
        {
            Sim.RunTick();
            if (Uplink != null)
            {
                Uplink.Tick(Sim.Clock.NowMs);
                Uplink.Pump(Sim.Clock.NowMs);
            }

            Shell.Poll(Sim.Clock.NowMs);
        }

        /// <summary>True if <paramref name="text"/> contains <paramref name="part"/>.</summary>
        public static bool Has(string text, string part)
        {
            return text.IndexOf(part) >= 0;
        }

        /// <summary>How many times <paramref name="part"/> occurs in <paramref name="text"/>.</summary>
        public static int CountOf(string text, string part)
        {
            int n = 0;
            int i = 0;
            while ((i = text.IndexOf(part, i)) >= 0)
            {
                n++;
                i += part.Length;
            }

            return n;
        }
    }
}
