namespace V2G.Protocol.GbT.Charger
{
    /// <summary>
    /// Which edition's rules the charger follows. Both use the 2015 message set and identifiers
    /// (2023 Category A keeps them for backward compatibility, protocol version still V1.1)
    /// [digest §1, §8, S9, S16]. Names for logs: <see cref="GbtProfileNames"/>.
    /// </summary>
    public enum GbtProfile
    {
        /// <summary>GB/T 27930-2015, the protocol every GB/T DC car in the field speaks [digest §1, S1, S9, S10].</summary>
        Gbt2015 = 0,

        /// <summary>
        /// GB/T 27930-2023 Category A: the 2015 messages plus the reported deltas (CCS 7 bytes, a 5 s BSM
        /// timeout without re-handshake, first CHM within 1 s of the auxiliary power) [digest §8, S16, S21; C].
        /// </summary>
        Gbt2023A = 1,
    }
}
