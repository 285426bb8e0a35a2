namespace V2G.Protocol.GbT.Charger
{
    /// <summary>
    /// The one place where a current crosses between the standard's sign and the firmware's. GB/T 27930
    /// counts + as discharge (out of the battery) and − as charge [digest §2, §4, S2, S10]; the firmware
    /// (<see cref="V2G.Protocol.Session.EvStatus"/>, <see cref="V2G.Protocol.Session.ChargerPresentValues"/>)
    /// counts + into the vehicle. So firmwareA = −gbtA, both ways.
    /// </summary>
    public static class GbtCurrentSign
    {
        /// <summary>A current of a GB/T field (+ discharge) in the firmware's sign (+ into the vehicle).</summary>
        public static double ToFirmwareA(double gbtA)
        {
            return -gbtA;
        }

        /// <summary>A firmware current (+ into the vehicle) in the standard's sign (+ discharge), for CCS.</summary>
        public static double ToStandardA(double firmwareA)
        {
            return -firmwareA;
        }
    }
}
