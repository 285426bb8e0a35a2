namespace V2G.Hal.Safety
{
    /// <summary>
    /// The insulation monitoring device (IMD) between DC+/DC− and protective earth. A test is
    /// run at a given voltage during cable check; during energy transfer it monitors continuously.
    /// </summary>
    public interface IInsulationMonitor
    {
        /// <summary>Starts a measurement; the converter must hold <paramref name="testVoltageV"/> on the output.</summary>
        void StartTest(double testVoltageV);

        /// <summary>Stops testing or monitoring.</summary>
        void Stop();

        /// <summary>True once a measurement since <see cref="StartTest"/> is available.</summary>
        bool HasResult { get; }

        /// <summary>Latest measured insulation resistance, Ω (the lower of DC+ and DC− to PE).</summary>
        double ResistanceOhm { get; }

        /// <summary>True if the monitor itself has failed its self-test.</summary>
        bool DeviceFault { get; }
    }
}
