namespace V2G.Protocol.Session
{
    /// <summary>Which protocol drives a session; decides the order of the steps it may ask for.</summary>
    public enum SessionProtocol
    {
        /// <summary>No protocol yet (no vehicle).</summary>
        None = 0,

        /// <summary>ISO 15118-20: authorization before parameter exchange, cable check after it.</summary>
        Iso15118_20 = 1,

        /// <summary>GB/T 27930: no authorization, insulation check before parameter exchange, precharge inside CRO.</summary>
        GbT27930 = 2,

        /// <summary>The simulator's plain vehicle model, in ISO 15118-20's order.</summary>
        SimulatedVehicle = 3,
    }
}
