namespace V2G.Protocol.Iso15118.Secc
{
    /// <summary>
    /// The control mode the vehicle selected in ServiceSelection (parameter set of the energy transfer
    /// service). The numbers are the ServiceDetail "ControlMode" parameter values of ISO 15118-20.
    /// </summary>
    public enum SeccControlMode
    {
        /// <summary>Nothing selected yet.</summary>
        None = 0,

        /// <summary>The vehicle sends its target current (EVTargetCurrent; negative = discharge).</summary>
        Scheduled = 1,

        /// <summary>The charger chooses the operating point inside the exchanged limits.</summary>
        Dynamic = 2,
    }
}
