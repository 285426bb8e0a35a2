namespace V2G.Protocol.GbT
{
    /// <summary>
    /// BRO, BMS ready to charge (PF 0x09, 1 byte, 250 ms, BMS → charger): 00h not ready, AAh ready, FFh invalid [digest §4, S2].
    /// "Not ready" may last up to 60 s before it is an error [digest §6, S2].
    /// </summary>
    public sealed class BroMessage : ReadyStatusMessage
    {
    }
}
