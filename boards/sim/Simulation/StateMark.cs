namespace V2G.Sim.Simulation
{
    /// <summary>A state the controller entered, and when.</summary>
    public readonly struct StateMark
    {
        public StateMark(double timeS, string state)
        {
            TimeS = timeS;
            State = state;
        }

        public double TimeS { get; }

        public string State { get; }
    }
}
