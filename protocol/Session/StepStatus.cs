namespace V2G.Protocol.Session
{
    /// <summary>The answer to a step a protocol asks of the controller; protocols repeat the request while it is Ongoing.</summary>
    public enum StepStatus
    {
        /// <summary>Started or still running: ask again (ISO 15118-20 EVSEProcessing Ongoing).</summary>
        Ongoing = 0,

        /// <summary>Done and its result good.</summary>
        Finished = 1,

        /// <summary>Refused (a precondition failed) or failed; the session goes on to stop.</summary>
        Failed = 2,
    }
}
