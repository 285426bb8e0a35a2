namespace V2G.Sim.Simulation
{
    /// <summary>The diagnostics shell on a socat pseudo-terminal pair (--shell-pty).</summary>
    public sealed class ShellPtyOptions
    {
        /// <summary>Where the pair's links ttyDevice and ttyTech go; null = a fresh temporary folder.</summary>
        public string Directory { get; set; }

        /// <summary>The technician PIN (4–12 digits).</summary>
        public string Pin { get; set; } = SimOptions.DefaultShellPin;
    }
}
