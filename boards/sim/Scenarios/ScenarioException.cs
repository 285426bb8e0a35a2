using System;

namespace V2G.Sim.Scenarios
{
    /// <summary>A scenario that cannot be run, with the place and reason in the message.</summary>
    public sealed class ScenarioException : Exception
    {
        public ScenarioException(string message) : base(message)
        {
        }
    }
}
