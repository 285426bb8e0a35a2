namespace V2G.Protocol.Iso15118.Transport
{
    /// <summary>What one <see cref="V2gtpReader.Poll"/> found.</summary>
    public enum V2gtpReadStatus
    {
        /// <summary>No whole message yet; what arrived is kept. Poll again later.</summary>
        Waiting = 0,

        /// <summary>A whole, valid message is in the reader's buffer until the next Poll.</summary>
        Message = 1,

        /// <summary>The header was refused (<see cref="V2gtpReader.Error"/>): close the connection.</summary>
        Error = 2,

        /// <summary>The stream closed (a partial message, if any, is dropped).</summary>
        Closed = 3,
    }
}
