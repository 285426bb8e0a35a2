namespace V2G.Firmware.Diagnostics
{
    /// <summary>What the shell needs from the board it runs on.</summary>
    public interface IShellHost
    {
        /// <summary>The firmware's version, e.g. "0.8.0+abc1234".</summary>
        string FirmwareVersion { get; }

        /// <summary>The board's name, e.g. "sim", "esp32-v2g-r2".</summary>
        string BoardName { get; }

        /// <summary>Time since the board started, ms.</summary>
        long UptimeMs { get; }

        /// <summary>Restarts the board (on the simulator: ends the run with a note). May not return.</summary>
        void Reboot();
    }
}
