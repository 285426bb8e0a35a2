using V2G.Protocol.Text;

namespace V2G.Protocol.GbT
{
    /// <summary>
    /// Writes the key fields of any GB/T 27930 message as one line of text ("U=490.1 V I=-0.0 A
    /// mode=CC") for the session's decoded log and the trace tool. Currents keep the standard's sign
    /// (− = charge). Allocation-free: it decodes into preallocated message objects, so it is not
    /// reentrant — call it from one thread (the session loop).
    /// </summary>
    public static class GbtMessageDecoder
    {
        private static readonly ChmMessage Chm = new ChmMessage();
        private static readonly BhmMessage Bhm = new BhmMessage();
        private static readonly CrmMessage Crm = new CrmMessage();
        private static readonly BrmMessage Brm = new BrmMessage();
        private static readonly BcpMessage Bcp = new BcpMessage();
        private static readonly CtsMessage Cts = new CtsMessage();
        private static readonly CmlMessage Cml = new CmlMessage();
        private static readonly BroMessage Bro = new BroMessage();
        private static readonly CroMessage Cro = new CroMessage();
        private static readonly BclMessage Bcl = new BclMessage();
        private static readonly BcsMessage Bcs = new BcsMessage();
        private static readonly CcsMessage Ccs = new CcsMessage();
        private static readonly BsmMessage Bsm = new BsmMessage();
        private static readonly BmvMessage Bmv = new BmvMessage();
        private static readonly BmtMessage Bmt = new BmtMessage();
        private static readonly BspMessage Bsp = new BspMessage();
        private static readonly BstMessage Bst = new BstMessage();
        private static readonly CstMessage Cst = new CstMessage();
        private static readonly BsdMessage Bsd = new BsdMessage();
        private static readonly CsdMessage Csd = new CsdMessage();
        private static readonly BemMessage Bem = new BemMessage();
        private static readonly CemMessage Cem = new CemMessage();

        /// <summary>
        /// Appends the decoded fields of message <paramref name="pf"/> to <paramref name="details"/>.
        /// False (and "undecodable"/"unknown PF" appended) if the PF is not a GB/T message or its Read
        /// refuses the payload; never throws.
        /// </summary>
        public static bool Describe(int pf, byte[] payload, int length, TextBuffer details)
        {
            if (details == null)
            {
                return false;
            }

            if (!GbtPf.IsKnown(pf) || pf == GbtPf.TpCm || pf == GbtPf.TpDt)
            {
                details.Append("unknown PF 0x").Append(HexDigit(pf >> 4)).Append(HexDigit(pf));
                return false;
            }

            if (!Decode(pf, payload, length, details))
            {
                details.Append("undecodable, ").Append(payload == null ? 0 : length).Append(" B");
                return false;
            }

            return true;
        }

        private static bool Decode(int pf, byte[] payload, int length, TextBuffer d)
        {
            switch (pf)
            {
                case GbtPf.Chm:
                    if (!Chm.Read(payload, length)) return false;
                    AppendVersion(d, Chm.VersionMajor, Chm.VersionMinor);
                    return true;
                case GbtPf.Bhm:
                    if (!Bhm.Read(payload, length)) return false;
                    d.Append("Umax=").Append(Bhm.MaxChargeVoltageV, 1).Append(" V");
                    return true;
                case GbtPf.Crm:
                    if (!Crm.Read(payload, length)) return false;
                    d.Append(Crm.IsRecognised ? "recognised" : Crm.Recognition == CrmMessage.NotRecognised ? "not recognised" : "result=?")
                        .Append(" no=").Append((long)Crm.ChargerNumber);
                    return true;
                case GbtPf.Brm:
                    if (!Brm.Read(payload, length)) return false;
                    AppendVersion(d, Brm.VersionMajor, Brm.VersionMinor);
                    d.Append(' ').Append(BrmMessage.BatteryTypeName(Brm.BatteryType))
                        .Append(' ').Append(Brm.RatedCapacityAh, 1).Append(" Ah ")
                        .Append(Brm.RatedVoltageV, 1).Append(" V len=").Append(Brm.Length);
                    if (Brm.HasVin)
                    {
                        d.Append(" VIN=");
                        for (int i = 0; i < BrmMessage.VinLength; i++)
                        {
                            d.Append((char)Brm.Vin[i]);
                        }
                    }

                    return true;
                case GbtPf.Bcp:
                    if (!Bcp.Read(payload, length)) return false;
                    d.Append("Ucell max=").Append(Bcp.MaxCellVoltageV, 2).Append(" V Imax=").Append(Bcp.MaxChargeCurrentA, 1)
                        .Append(" A E=").Append(Bcp.NominalEnergyKWh, 1).Append(" kWh Umax=").Append(Bcp.MaxTotalVoltageV, 1)
                        .Append(" V Tmax=").Append(Bcp.MaxTemperatureC).Append(" C SOC=").Append(Bcp.SocPercent, 1)
                        .Append(" % U=").Append(Bcp.PresentVoltageV, 1).Append(" V");
                    return true;
                case GbtPf.Cts:
                    if (!Cts.Read(payload, length)) return false;
                    if (!Cts.IsValid)
                    {
                        d.Append("no time");
                        return true;
                    }

                    d.Append(Cts.Year).Append('-');
                    Two(d, Cts.Month).Append('-');
                    Two(d, Cts.Day).Append(' ');
                    Two(d, Cts.Hour).Append(':');
                    Two(d, Cts.Minute).Append(':');
                    Two(d, Cts.Second);
                    return true;
                case GbtPf.Cml:
                    if (!Cml.Read(payload, length)) return false;
                    d.Append("U=").Append(Cml.MinOutputVoltageV, 1).Append("..").Append(Cml.MaxOutputVoltageV, 1)
                        .Append(" V Imax=").Append(Cml.MaxOutputCurrentA, 1).Append(" A Imin=").Append(Cml.MinOutputCurrentA, 1).Append(" A");
                    return true;
                case GbtPf.Bro:
                    if (!Bro.Read(payload, length)) return false;
                    AppendReady(d, Bro.Status);
                    return true;
                case GbtPf.Cro:
                    if (!Cro.Read(payload, length)) return false;
                    AppendReady(d, Cro.Status);
                    return true;
                case GbtPf.Bcl:
                    if (!Bcl.Read(payload, length)) return false;
                    d.Append("U=").Append(Bcl.VoltageDemandV, 1).Append(" V I=").Append(Bcl.CurrentDemandA, 1)
                        .Append(" A mode=").Append(BclMessage.ModeName(Bcl.Mode));
                    return true;
                case GbtPf.Bcs:
                    if (!Bcs.Read(payload, length)) return false;
                    d.Append("U=").Append(Bcs.MeasuredVoltageV, 1).Append(" V I=").Append(Bcs.MeasuredCurrentA, 1)
                        .Append(" A cell max=").Append(Bcs.HighestCellVoltageV, 2).Append(" V group ").Append(Bcs.HighestCellGroup)
                        .Append(" SOC=").Append(Bcs.SocPercent).Append(" % remaining=").Append(Bcs.RemainingTimeMin).Append(" min");
                    return true;
                case GbtPf.Ccs:
                    if (!Ccs.Read(payload, length)) return false;
                    d.Append("U=").Append(Ccs.OutputVoltageV, 1).Append(" V I=").Append(Ccs.OutputCurrentA, 1)
                        .Append(" A t=").Append(Ccs.CumulativeTimeMin).Append(" min ")
                        .Append(Ccs.ChargingPermitted == CcsMessage.Permitted ? "permitted" : Ccs.ChargingPermitted == CcsMessage.Paused ? "paused" : TwoBit.NameOf(Ccs.ChargingPermitted));
                    return true;
                case GbtPf.Bsm:
                    if (!Bsm.Read(payload, length)) return false;
                    d.Append("cell#").Append(Bsm.HighestCellNumber).Append(" Tmax=").Append(Bsm.HighestTemperatureC)
                        .Append(" C Tmin=").Append(Bsm.LowestTemperatureC).Append(" C ")
                        .Append(Bsm.AnyAbnormal ? "ABNORMAL " : "normal ")
                        .Append(Bsm.ChargingAllowed == BsmMessage.Allowed ? "allowed" : Bsm.ChargingAllowed == BsmMessage.Forbidden ? "forbidden" : TwoBit.NameOf(Bsm.ChargingAllowed));
                    return true;
                case GbtPf.Bmv:
                    if (!Bmv.Read(payload, length)) return false;
                    d.Append(Bmv.CellCount).Append(" cells, #1=").Append(Bmv.CellVoltageV[0], 2).Append(" V");
                    return true;
                case GbtPf.Bmt:
                    if (!Bmt.Read(payload, length)) return false;
                    d.Append(Bmt.ProbeCount).Append(" probes, #1=").Append(Bmt.TemperatureC[0]).Append(" C");
                    return true;
                case GbtPf.Bsp:
                    if (!Bsp.Read(payload, length)) return false;
                    d.Append(Bsp.Length).Append(" B");
                    return true;
                case GbtPf.Bst:
                    if (!Bst.Read(payload, length)) return false;
                    for (int f = 0; f < TwoBitFieldBlock.FieldCount; f++)
                    {
                        AppendField(d, Bst.Get(f), BstMessage.FieldName(f));
                    }

                    return true;
                case GbtPf.Cst:
                    if (!Cst.Read(payload, length)) return false;
                    for (int f = 0; f < TwoBitFieldBlock.FieldCount; f++)
                    {
                        AppendField(d, Cst.Get(f), CstMessage.FieldName(f));
                    }

                    return true;
                case GbtPf.Bsd:
                    if (!Bsd.Read(payload, length)) return false;
                    d.Append("SOC=").Append(Bsd.EndSocPercent).Append(" % cell ").Append(Bsd.MinCellVoltageV, 2).Append("..")
                        .Append(Bsd.MaxCellVoltageV, 2).Append(" V T ").Append(Bsd.MinTemperatureC).Append("..").Append(Bsd.MaxTemperatureC).Append(" C");
                    return true;
                case GbtPf.Csd:
                    if (!Csd.Read(payload, length)) return false;
                    d.Append("t=").Append(Csd.ChargeTimeMin).Append(" min E=").Append(Csd.EnergyKWh, 1).Append(" kWh no=").Append((long)Csd.ChargerNumber);
                    return true;
                case GbtPf.Bem:
                    if (!Bem.Read(payload, length)) return false;
                    for (int f = 0; f < TwoBitFieldBlock.FieldCount; f++)
                    {
                        if (BemMessage.IsField(f))
                        {
                            AppendField(d, Bem.Get(f), BemMessage.FieldName(f));
                        }
                    }

                    if (!Bem.AnyTimeout)
                    {
                        d.Append("all normal");
                    }

                    return true;
                case GbtPf.Cem:
                    if (!Cem.Read(payload, length)) return false;
                    for (int f = 0; f < TwoBitFieldBlock.FieldCount; f++)
                    {
                        if (CemMessage.IsField(f))
                        {
                            AppendField(d, Cem.Get(f), CemMessage.FieldName(f));
                        }
                    }

                    if (!Cem.AnyTimeout)
                    {
                        d.Append("all normal");
                    }

                    return true;
                default:
                    return false;
            }
        }

        /// <summary>Appends "name " for a field that is set (01) and "name? " for one not credible (10); normal and fill stay silent.</summary>
        private static void AppendField(TextBuffer d, int state, string name)
        {
            if (state == TwoBit.Yes)
            {
                d.Append(name).Append(' ');
            }
            else if (state == TwoBit.NotCredible)
            {
                d.Append(name).Append("? ");
            }
        }

        private static void AppendVersion(TextBuffer d, int major, int minor)
        {
            d.Append('V').Append(major).Append('.').Append(minor);
        }

        private static void AppendReady(TextBuffer d, int status)
        {
            d.Append(status == 0xAA ? "ready" : status == 0x00 ? "not ready" : status == 0xFF ? "invalid" : "?");
        }

        private static TextBuffer Two(TextBuffer d, int value)
        {
            if (value < 10)
            {
                d.Append('0');
            }

            return d.Append(value);
        }

        private static char HexDigit(int nibble)
        {
            nibble &= 0xF;
            return (char)(nibble < 10 ? '0' + nibble : 'A' + nibble - 10);
        }
    }
}
