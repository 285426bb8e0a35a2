namespace V2G.Firmware.Diagnostics
{
    /// <summary>
    /// What a shell session may do. Read-only by default: anyone at the UART can look, only a technician
    /// who logged in (PIN or challenge-response) can change anything.
    /// </summary>
    public enum ShellRole
    {
        /// <summary>Reads only: status, faults, log, config get, trace.</summary>
        ReadOnly = 0,

        /// <summary>Logged in: writes (config set, maintenance, tests, reboot) as well.</summary>
        Technician = 1,
    }
}
