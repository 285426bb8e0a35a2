namespace V2G.Hal.Connector
{
    /// <summary>
    /// The electronic lock of the charging connector: it holds the plug in the inlet while the output
    /// may be live. The lock reports its own position.
    /// </summary>
    public interface IConnectorLock
    {
        void Lock();

        void Unlock();

        /// <summary>True while the lock's feedback reads locked.</summary>
        bool IsLocked { get; }
    }
}
