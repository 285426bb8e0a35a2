using System;

namespace V2G.Aggregator
{
    /// <summary>The broker could not be reached, refused something, or did not acknowledge.</summary>
    public sealed class BrokerException : Exception
    {
        public BrokerException(string message)
            : base(message)
        {
        }
    }
}
