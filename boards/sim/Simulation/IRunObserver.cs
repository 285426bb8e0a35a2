namespace V2G.Sim.Simulation
{
    /// <summary>Receives progress from a run (the console status line; nothing in tests).</summary>
    public interface IRunObserver
    {
        void StateEntered(double timeS, string state);

        void FaultRaised(double timeS, string name, double value);

        void Note(double timeS, string text);

        /// <summary>Called about every simulated 100 ms with the latest values.</summary>
        void Progress(in Sample sample);
    }
}
