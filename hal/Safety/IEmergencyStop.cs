namespace V2G.Hal.Safety
{
    /// <summary>The emergency-stop chain input (mushroom button, door switch, external trip).</summary>
    public interface IEmergencyStop
    {
        /// <summary>True while the chain is open (stop requested).</summary>
        bool IsActive { get; }
    }
}
