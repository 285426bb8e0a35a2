using System;

namespace V2G.Fuzz
{
    /// <summary>A bug of the fuzzer itself (making an input), kept apart from what the charger throws.</summary>
    public sealed class FuzzerException : Exception
    {
        public FuzzerException(string message, Exception inner)
            : base(message, inner)
        {
        }
    }
}
