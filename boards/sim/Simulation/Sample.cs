namespace V2G.Sim.Simulation
{
    /// <summary>One row of the recorded time series.</summary>
    public struct Sample
    {
        public double TimeS;
        public string State;
        public double PowerW;
        public double SetpointW;
        public double VoltageV;
        public double CurrentA;
        public double SocPercent;
        public double GridFrequencyHz;
        public double StageTemperatureC;
        public double MeterImportWh;
        public double MeterExportWh;
    }
}
