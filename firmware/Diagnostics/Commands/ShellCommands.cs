namespace V2G.Firmware.Diagnostics.Commands
{
    /// <summary>The shell's command table in help order (the shell adds help, login, logout and mode before it).</summary>
    public static class ShellCommands
    {
        /// <summary>A new instance of every command (commands keep their streaming position: one table per shell).</summary>
        public static IShellCommand[] All()
        {
            return new IShellCommand[]
            {
                new VersionCommand(),
                new StatusCommand(),
                new SessionCommand(),
                new BatteryCommand(),
                new MeterCommand(),
                new FaultsCommand(),
                new LogCommand(),
                new TraceCommand(),
                new UplinkStatusCommand(),
                new ConfigCommand(),
                new DroopCommand(),
                new MaintenanceCommand(),
                new ContactorCommand(),
                new InsulationCommand(),
                new RebootCommand(),
            };
        }
    }
}
