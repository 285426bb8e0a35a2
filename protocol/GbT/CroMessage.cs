namespace V2G.Protocol.GbT
{
    /// <summary>
    /// CRO, charger output ready (PF 0x0A, 1 byte, 250 ms, charger → BMS): 00h not ready, AAh ready, FFh invalid [digest §4, S2].
    /// "Not ready" may last up to 60 s before it is an error [digest §6, S2].
    /// </summary>
    public sealed class CroMessage : ReadyStatusMessage
    {
    }
}
