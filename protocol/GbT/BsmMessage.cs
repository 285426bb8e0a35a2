namespace V2G.Protocol.GbT
{
    /// <summary>
    /// BSM, battery status (PF 0x13, 7 bytes, 250 ms, BMS → charger) [digest §4, S2]. The states are raw
    /// 2-bit values. Careful: the cell-voltage and SOC states use `10` for "too low" (<see cref="StateLow"/>),
    /// not for "not credible". The charger pauses while every state is normal and
    /// <see cref="ChargingAllowed"/> is 00, resumes on 01, and stops on any abnormal state [digest §4, S2 — B].
    /// </summary>
    public sealed class BsmMessage
    {
        public const int Length = 7;

        /// <summary>Cell voltage / SOC state `01`: too high.</summary>
        public const int StateHigh = 1;

        /// <summary>Cell voltage / SOC state `10`: too low.</summary>
        public const int StateLow = 2;

        /// <summary>b7.5 `00`: charging forbidden (pause).</summary>
        public const int Forbidden = TwoBit.Normal;

        /// <summary>b7.5 `01`: charging allowed.</summary>
        public const int Allowed = TwoBit.Yes;

        /// <summary>Number (1-based) of the cell with the highest voltage (b1 + 1).</summary>
        public int HighestCellNumber = 1;

        /// <summary>Highest battery temperature, °C (b2, −50 °C).</summary>
        public int HighestTemperatureC;

        /// <summary>Number (1-based) of the probe that measured it (b3 + 1).</summary>
        public int HighestTemperatureProbe = 1;

        /// <summary>Lowest battery temperature, °C (b4, −50 °C).</summary>
        public int LowestTemperatureC;

        /// <summary>Number (1-based) of the probe that measured it (b5 + 1).</summary>
        public int LowestTemperatureProbe = 1;

        /// <summary>b6.1 cell voltage: normal, <see cref="StateHigh"/>, <see cref="StateLow"/>.</summary>
        public int CellVoltageState;

        /// <summary>b6.3 SOC: normal, <see cref="StateHigh"/>, <see cref="StateLow"/>.</summary>
        public int SocState;

        /// <summary>b6.5 charge over-current (2-bit).</summary>
        public int OverCurrentState;

        /// <summary>b6.7 battery over-temperature (2-bit).</summary>
        public int OverTemperatureState;

        /// <summary>b7.1 insulation (2-bit).</summary>
        public int InsulationState;

        /// <summary>b7.3 output connector (2-bit).</summary>
        public int ConnectorState;

        /// <summary>b7.5 charging allowed: <see cref="Forbidden"/> (pause) or <see cref="Allowed"/>; <see cref="TwoBit.NotCredible"/> = keep the previous state.</summary>
        public int ChargingAllowed = Allowed;

        /// <summary>True if any of the six condition states is not normal.</summary>
        public bool AnyAbnormal => CellVoltageState != 0 || SocState != 0 || OverCurrentState != 0 || OverTemperatureState != 0 || InsulationState != 0 || ConnectorState != 0;

        public int Write(byte[] payload)
        {
            payload[0] = (byte)(HighestCellNumber - 1);
            payload[1] = (byte)GbtBytes.Unscale(HighestTemperatureC, 1, GbtBytes.TemperatureOffsetC, 0xFF);
            payload[2] = (byte)(HighestTemperatureProbe - 1);
            payload[3] = (byte)GbtBytes.Unscale(LowestTemperatureC, 1, GbtBytes.TemperatureOffsetC, 0xFF);
            payload[4] = (byte)(LowestTemperatureProbe - 1);
            payload[5] = (byte)((CellVoltageState & 3) | ((SocState & 3) << 2) | ((OverCurrentState & 3) << 4) | ((OverTemperatureState & 3) << 6));
            payload[6] = (byte)((InsulationState & 3) | ((ConnectorState & 3) << 2) | ((ChargingAllowed & 3) << 4) | (TwoBit.Fill << 6));
            return Length;
        }

        public bool Read(byte[] payload, int length)
        {
            if (!GbtMessageCheck.Fits(payload, length, Length))
            {
                return false;
            }

            HighestCellNumber = payload[0] + 1;
            HighestTemperatureC = payload[1] + GbtBytes.TemperatureOffsetC;
            HighestTemperatureProbe = payload[2] + 1;
            LowestTemperatureC = payload[3] + GbtBytes.TemperatureOffsetC;
            LowestTemperatureProbe = payload[4] + 1;
            CellVoltageState = GbtBytes.Get2Bits(payload, 5, 0);
            SocState = GbtBytes.Get2Bits(payload, 5, 1);
            OverCurrentState = GbtBytes.Get2Bits(payload, 5, 2);
            OverTemperatureState = GbtBytes.Get2Bits(payload, 5, 3);
            InsulationState = GbtBytes.Get2Bits(payload, 6, 0);
            ConnectorState = GbtBytes.Get2Bits(payload, 6, 1);
            ChargingAllowed = GbtBytes.Get2Bits(payload, 6, 2);
            return true;
        }
    }
}
