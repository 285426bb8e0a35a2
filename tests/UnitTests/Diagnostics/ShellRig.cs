using V2G.Firmware.Diagnostics;
using V2G.Firmware.Diagnostics.Log;
using V2G.UnitTests.Fakes;
using V2G.UnitTests.Slac;

namespace V2G.UnitTests.Diagnostics
{
    /// <summary>A shell over a <see cref="FakeSerialPort"/> with scripted commands, a log and a seeded entropy source; time is the rig's.</summary>
    public sealed class ShellRig
    {
        public const string Pin = "4711";

        public static readonly byte[] Secret = { 0x10, 0x22, 0x34, 0x46, 0x58, 0x6A, 0x7C, 0x8E, 0x90, 0xA2, 0xB4, 0xC6, 0xD8, 0xEA, 0xFC, 0x0E };

        public readonly FakeSerialPort Port = new FakeSerialPort();

        public readonly ShellSettings Settings;

        public readonly DiagnosticLog Log = new DiagnosticLog();

        public readonly DiagnosticShell Shell;

        public long NowMs = 1000;

        public ShellRig(IShellCommand[] commands)
        {
            Settings = new ShellSettings(Secret);
            Settings.SetPin(Pin);
            ShellServices services = new ShellServices();
            services.Log = Log;
            services.Entropy = new SeededEntropy(7);
            Shell = new DiagnosticShell(Settings, Port, commands, services);
        }

        /// <summary>A rig with the usual commands: "status" (fields), "list" (streams 100 items, completes "all"/"alarms"/"brief"), "crash" (throws), "set" (technician write).</summary>
        public static ShellRig Standard()
        {
            ScriptedCommand list = new ScriptedCommand("list", ShellRole.ReadOnly, new string[] { "all", "alarms", "brief" });
            list.Items = 100;
            ScriptedCommand crash = new ScriptedCommand("crash", ShellRole.ReadOnly, null);
            crash.Throws = true;
            ScriptedCommand set = new ScriptedCommand("set", ShellRole.ReadOnly, null);
            set.Writes = true;
            ScriptedCommand reboot = new ScriptedCommand("reboot", ShellRole.Technician, null);
            return new ShellRig(new IShellCommand[] { new ScriptedCommand("status", ShellRole.ReadOnly, null), list, crash, set, reboot });
        }

        /// <summary>Polls until the shell has nothing left to read, run or write (at most <paramref name="maxPolls"/>), 10 ms apart.</summary>
        public void Pump(int maxPolls)
        {
            for (int i = 0; i < maxPolls; i++)
            {
                Shell.Poll(NowMs);
                NowMs += 10;
                if (Port.Pending == 0 && Shell.PendingInputBytes == 0 && !Shell.IsStreaming && Shell.PendingOutputBytes == 0)
                {
                    return;
                }
            }
        }

        /// <summary>Sends <paramref name="input"/>, pumps, returns what the shell wrote meanwhile.</summary>
        public string Type(string input)
        {
            Port.Send(input);
            Pump(1000);
            return Port.TakeOutput();
        }

        /// <summary>Starts the shell (banner and prompt in human mode) and forgets that output.</summary>
        public ShellRig Started()
        {
            Pump(10);
            Port.TakeOutput();
            return this;
        }

        /// <summary>Switches to machine mode and forgets the reply.</summary>
        public ShellRig InMachineMode()
        {
            Started();
            Type("mode machine\r");
            return this;
        }
    }
}
