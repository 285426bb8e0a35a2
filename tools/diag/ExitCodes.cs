namespace V2G.Diag
{
    /// <summary>What v2g-diag returns to a script.</summary>
    public static class ExitCodes
    {
        /// <summary>Done: the command ran and its data was printed (or the interactive session ended).</summary>
        public const int Ok = 0;

        /// <summary>The shell refused or failed the command (its error on stderr), or the login was refused.</summary>
        public const int CommandError = 1;

        /// <summary>A wrong command line, or the port could not be opened or was lost.</summary>
        public const int Usage = 2;

        /// <summary>No valid reply in time, or a reply whose checksum or sequence id did not match.</summary>
        public const int NoValidReply = 3;
    }
}
