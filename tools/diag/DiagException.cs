using System;

namespace V2G.Diag
{
    /// <summary>Ends a run of v2g-diag with a message on stderr and the exit code that says what went wrong.</summary>
    public sealed class DiagException : Exception
    {
        public DiagException(int exitCode, string message)
            : base(message)
        {
            ExitCode = exitCode;
        }

        /// <summary>One of <see cref="ExitCodes"/>.</summary>
        public int ExitCode { get; }
    }
}
