using V2G.Firmware.Diagnostics;

namespace V2G.UnitTests.Diagnostics.Commands
{
    /// <summary>A board for the commands' tests: fixed names, the uptime the test sets, reboots counted.</summary>
    public sealed class FakeShellHost : IShellHost
    {
        public string FirmwareVersion => "0.8.0-test";

        public string BoardName => "test-board";

        public long UptimeMs { get; set; }

        public int Reboots { get; private set; }

        public void Reboot()
        {
            Reboots++;
        }
    }
}
