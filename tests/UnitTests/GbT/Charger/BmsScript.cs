using V2G.Hal.Buses;
using V2G.Protocol.GbT;
using V2G.Protocol.GbT.Discharge;
using V2G.Protocol.GbT.Transport;

namespace V2G.UnitTests.GbT.Charger
{
    /// <summary>
    /// A scripted BMS for the charger's tests: it answers the charger's frames as the digest's §6 table
    /// prescribes (BHM after CHM, BRM by TP on CRM(00h), BCP by TP after CRM(AAh), BRO after CML, BCL/BCS/BSM
    /// after CRO(AAh), BST on CST, BSD after CST), written with the codecs, on its own 250/500/50/10 ms
    /// deadlines. Its TP sender sends every packet a CTS allows at once. Switches make it misbehave
    /// (stop a message, never be ready, pause, abnormal state, stop first, discharge extension).
    /// </summary>
    public sealed class BmsScript
    {
        public const int Idle = 0;
        public const int Handshake = 1;
        public const int Recognition = 2;
        public const int Parameters = 3;
        public const int Ready = 4;
        public const int Charging = 5;
        public const int Stopping = 6;
        public const int Error = 7;

        private readonly TestCanEndpoint _can;
        private readonly byte[] _payload = new byte[64];
        private readonly byte[] _rx = new byte[8];
        private readonly byte[] _tpPayload = new byte[64];

        private readonly BhmMessage _bhm = new BhmMessage();
        private readonly BrmMessage _brm = new BrmMessage();
        private readonly BcpMessage _bcp = new BcpMessage();
        private readonly BroMessage _bro = new BroMessage();
        private readonly BclMessage _bcl = new BclMessage();
        private readonly BcsMessage _bcs = new BcsMessage();
        private readonly BsmMessage _bsm = new BsmMessage();
        private readonly BstMessage _bst = new BstMessage();
        private readonly BsdMessage _bsd = new BsdMessage();
        private readonly BdcMessage _bdc = new BdcMessage();
        private readonly CrmMessage _crm = new CrmMessage();
        private readonly CroMessage _cro = new CroMessage();
        private readonly CcsMessage _ccs = new CcsMessage();
        private readonly CemMessage _cem = new CemMessage();
        private readonly CstMessage _cst = new CstMessage();

        private long _bhmDueMs;
        private long _brmDueMs;
        private long _bcpDueMs;
        private long _broDueMs;
        private long _bclDueMs;
        private long _bcsDueMs;
        private long _bsmDueMs;
        private long _bstDueMs;
        private long _bsdDueMs;
        private long _bdcDueMs;
        private long _readySinceMs;
        private bool _ccsSeen;
        private bool _cstSeen;
        private bool _bmsStopped;
        private bool _bdcActive;

        // TP sender: one session at a time.
        private bool _tpBusy;
        private int _tpPf;
        private int _tpLength;
        private long _tpDeadlineMs;

        public BmsScript(TestCanEndpoint can)
        {
            _can = can;
            _brm.BatteryType = BrmMessage.BatteryNcm;
            _brm.RatedCapacityAh = 150;
            _brm.RatedVoltageV = 355.2;
        }

        /// <summary>Where the script is (the constants above).</summary>
        public int State;

        public double MaxChargeVoltageV = 403.2;
        public double BatteryVoltageV = 387.7;

        /// <summary>Charge current asked for, A (a magnitude; BCL carries it as negative).</summary>
        public double ChargeCurrentA = 150;

        /// <summary>When not NaN, BCL's current demand as sent (standard's sign: + = discharge accepted).</summary>
        public double BclDemandA = double.NaN;

        public double SocPercent = 79.6;
        public int NotReadyMs = 1000;
        public int BrmLength = BrmMessage.FullLength;

        public bool NeverReady;
        public bool SendBrm = true;
        public bool SendBcp = true;
        public bool SendBro = true;
        public bool SendBcl = true;
        public bool SendBcs = true;
        public bool SendBsm = true;
        public bool SendBst = true;
        public bool SendBsd = true;

        /// <summary>BSM "charging allowed": 1 allow, 0 forbid (pause).</summary>
        public int BsmAllow = BsmMessage.Allowed;

        /// <summary>BSM's insulation state (1 = fault: an abnormal state).</summary>
        public int BsmInsulation = TwoBit.Normal;

        /// <summary>Answer CDC with BDC.</summary>
        public bool BdcEnabled;
        public double BdcCurrentA = 80;
        public double BdcPowerKw = 30;
        public double BdcMinPackV = 320;
        public int BdcVersion = DischargeExtension.Version;

        public int CemCount;
        public int CstCount;
        public int CsdCount;
        public int CcsCount;
        public int CdcCount;
        public int CrmNotRecognisedCount;
        public int RtsSent;
        public int TpCompleted;
        public int ExtensionFramesSeen;

        /// <summary>The last CEM's 4 bytes as hex ("FCF0C4FC").</summary>
        public string LastCemHex = "";

        /// <summary>The last CST received.</summary>
        public CstMessage LastCst => _cst;

        /// <summary>The last CCS received.</summary>
        public CcsMessage LastCcs => _ccs;

        /// <summary>The BMS stops first: BST (SOC target reached) every 10 ms until CST.</summary>
        public void StopNow(long nowMs)
        {
            _bmsStopped = true;
            State = Stopping;
            _bstDueMs = nowMs;
            _bsdDueMs = long.MaxValue;
        }

        /// <summary>Power lost (auxiliary power off): everything stops.</summary>
        public void Sleep()
        {
            State = Idle;
            _tpBusy = false;
            _ccsSeen = false;
            _cstSeen = false;
            _bmsStopped = false;
            _bdcActive = false;
        }

        public void Poll(long nowMs)
        {
            CanFrame frame;
            while (_can.TryReceive(out frame))
            {
                Handle(ref frame, nowMs);
            }

            if (_tpBusy && nowMs > _tpDeadlineMs)
            {
                _tpBusy = false;
            }

            switch (State)
            {
                case Handshake:
                    if (nowMs >= _bhmDueMs)
                    {
                        _bhm.MaxChargeVoltageV = MaxChargeVoltageV;
                        SendSingle(GbtPf.Bhm, _bhm.Write(_payload));
                        _bhmDueMs += 250;
                    }

                    break;
                case Recognition:
                    if (SendBrm && nowMs >= _brmDueMs && !_tpBusy)
                    {
                        _brm.Length = BrmLength;
                        StartTp(GbtPf.Brm, _brm.Write(_payload), nowMs);
                        _brmDueMs = nowMs + 250;
                    }

                    break;
                case Parameters:
                    if (SendBcp && nowMs >= _bcpDueMs && !_tpBusy)
                    {
                        _bcp.MaxCellVoltageV = 4.2;
                        _bcp.MaxChargeCurrentA = -200;
                        _bcp.NominalEnergyKWh = 53.3;
                        _bcp.MaxTotalVoltageV = MaxChargeVoltageV;
                        _bcp.MaxTemperatureC = 55;
                        _bcp.SocPercent = SocPercent;
                        _bcp.PresentVoltageV = BatteryVoltageV;
                        StartTp(GbtPf.Bcp, _bcp.Write(_payload), nowMs);
                        _bcpDueMs = nowMs + 500;
                    }

                    break;
                case Ready:
                    if (SendBro && nowMs >= _broDueMs)
                    {
                        bool ready = !NeverReady && nowMs - _readySinceMs >= NotReadyMs;
                        _bro.Status = ready ? BroMessage.Ready : BroMessage.NotReady;
                        SendSingle(GbtPf.Bro, _bro.Write(_payload));
                        _broDueMs += 250;
                    }

                    break;
                case Charging:
                    PollCharging(nowMs);
                    break;
                case Stopping:
                    if (SendBst && (_bmsStopped || _cstSeen) && nowMs >= _bstDueMs && !(_cstSeen && nowMs >= _bsdDueMs))
                    {
                        _bst.Clear();
                        _bst.Set(_bmsStopped ? BstMessage.SocTargetReached : BstMessage.ChargerStopped, TwoBit.Yes);
                        SendSingle(GbtPf.Bst, _bst.Write(_payload));
                        _bstDueMs = nowMs + 10;
                    }

                    if (SendBsd && _cstSeen && nowMs >= _bsdDueMs)
                    {
                        _bsd.EndSocPercent = (int)SocPercent;
                        _bsd.MinCellVoltageV = 4.05;
                        _bsd.MaxCellVoltageV = 4.09;
                        _bsd.MinTemperatureC = 27;
                        _bsd.MaxTemperatureC = 30;
                        SendSingle(GbtPf.Bsd, _bsd.Write(_payload));
                        _bsdDueMs = nowMs + 250;
                    }

                    break;
            }

            if (_bdcActive && nowMs >= _bdcDueMs)
            {
                _bdc.Version = BdcVersion;
                _bdc.MaxDischargeCurrentA = BdcCurrentA;
                _bdc.MaxDischargePowerKw = BdcPowerKw;
                _bdc.MinPackVoltageV = BdcMinPackV;
                int length = _bdc.Write(_payload);
                CanFrame bdc = Frame(DischargeExtension.BdcCanId, length);
                _can.TrySend(ref bdc);
                _bdcDueMs = nowMs + 250;
            }
        }

        private void PollCharging(long nowMs)
        {
            if (SendBcl && nowMs >= _bclDueMs)
            {
                _bcl.VoltageDemandV = MaxChargeVoltageV;
                _bcl.CurrentDemandA = double.IsNaN(BclDemandA) ? -ChargeCurrentA : BclDemandA;
                _bcl.Mode = BclMessage.ModeConstantCurrent;
                SendSingle(GbtPf.Bcl, _bcl.Write(_payload));
                _bclDueMs += 50;
                if (_bclDueMs <= nowMs)
                {
                    _bclDueMs = nowMs + 50;
                }
            }

            if (SendBcs && nowMs >= _bcsDueMs && !_tpBusy)
            {
                _bcs.MeasuredVoltageV = BatteryVoltageV;
                _bcs.MeasuredCurrentA = _ccs.OutputCurrentA;
                _bcs.HighestCellVoltageV = 4.04;
                _bcs.HighestCellGroup = 1;
                _bcs.SocPercent = (int)SocPercent;
                _bcs.RemainingTimeMin = 600;
                StartTp(GbtPf.Bcs, _bcs.Write(_payload), nowMs);
                _bcsDueMs = nowMs + 250;
            }

            if (SendBsm && _ccsSeen && nowMs >= _bsmDueMs)
            {
                _bsm.HighestTemperatureC = 30;
                _bsm.LowestTemperatureC = 27;
                _bsm.InsulationState = BsmInsulation;
                _bsm.ChargingAllowed = BsmAllow;
                SendSingle(GbtPf.Bsm, _bsm.Write(_payload));
                _bsmDueMs = nowMs + 250;
            }
        }

        private void Handle(ref CanFrame frame, long nowMs)
        {
            if (GbtCanId.SourceOf(frame.Id) != GbtAddress.Charger || GbtCanId.DestinationOf(frame.Id) != GbtAddress.Bms)
            {
                return;
            }

            int pf = GbtCanId.PfOf(frame.Id);
            for (int i = 0; i < 8; i++)
            {
                _rx[i] = i < frame.Length ? frame.GetByte(i) : (byte)0xFF;
            }

            switch (pf)
            {
                case GbtPf.Chm:
                    if (State == Idle)
                    {
                        State = Handshake;
                        _bhmDueMs = nowMs;
                    }

                    break;
                case GbtPf.Crm:
                    _crm.Read(_rx, frame.Length);
                    if (!_crm.IsRecognised)
                    {
                        CrmNotRecognisedCount++;
                        if (State != Recognition)
                        {
                            State = Recognition;
                            _brmDueMs = nowMs;
                            _ccsSeen = false;
                            _cstSeen = false;
                            _bmsStopped = false;
                        }
                    }
                    else if (State == Recognition)
                    {
                        State = Parameters;
                        _bcpDueMs = nowMs;
                    }

                    break;
                case GbtPf.Cml:
                    if (State == Parameters)
                    {
                        State = Ready;
                        _readySinceMs = nowMs;
                        _broDueMs = nowMs;
                    }

                    break;
                case GbtPf.Cro:
                    _cro.Read(_rx, frame.Length);
                    if (State == Ready && _cro.IsReady)
                    {
                        State = Charging;
                        _bdcActive = false;
                        _bclDueMs = nowMs;
                        _bcsDueMs = nowMs;
                    }

                    break;
                case GbtPf.Ccs:
                    CcsCount++;
                    _ccs.Read(_rx, frame.Length);
                    if (State == Charging && !_ccsSeen)
                    {
                        _ccsSeen = true;
                        _bsmDueMs = nowMs;
                    }

                    break;
                case GbtPf.Cst:
                    CstCount++;
                    _cst.Read(_rx, frame.Length);
                    if (!_cstSeen)
                    {
                        _cstSeen = true;
                        State = Stopping;
                        _bstDueMs = nowMs;
                        _bsdDueMs = nowMs + 100;
                    }

                    break;
                case GbtPf.Csd:
                    CsdCount++;
                    break;
                case GbtPf.Cem:
                    CemCount++;
                    _cem.Read(_rx, frame.Length);
                    LastCemHex = Hex4(_rx);
                    State = Error;
                    _tpBusy = false;
                    break;
                case DischargeExtension.Pf:
                    ExtensionFramesSeen++;
                    if (DischargeExtension.IdOf(_rx, frame.Length) == DischargeExtension.CdcId)
                    {
                        CdcCount++;
                        if (BdcEnabled && !_bdcActive && State == Ready)
                        {
                            _bdcActive = true;
                            _bdcDueMs = nowMs;
                        }
                    }

                    break;
                case GbtPf.TpCm:
                    HandleTp(ref frame, nowMs);
                    break;
            }
        }

        private void HandleTp(ref CanFrame frame, long nowMs)
        {
            if (!_tpBusy || J1939Tp.PgnOf(ref frame) != J1939Tp.PgnOf(_tpPf))
            {
                return;
            }

            int control = frame.GetByte(0);
            if (control == J1939Tp.ControlCts)
            {
                int count = frame.GetByte(1);
                int next = frame.GetByte(2);
                for (int i = 0; i < count; i++)
                {
                    CanFrame dt = J1939Tp.DataFrame(GbtAddress.Bms, GbtAddress.Charger, next + i, _tpPayload, _tpLength);
                    _can.TrySend(ref dt);
                }

                _tpDeadlineMs = nowMs + J1939Tp.T3Ms;
            }
            else if (control == J1939Tp.ControlEndOfMsgAck)
            {
                _tpBusy = false;
                TpCompleted++;
            }
            else if (control == J1939Tp.ControlAbort)
            {
                _tpBusy = false;
            }
        }

        private void StartTp(int pf, int length, long nowMs)
        {
            for (int i = 0; i < length; i++)
            {
                _tpPayload[i] = _payload[i];
            }

            _tpBusy = true;
            _tpPf = pf;
            _tpLength = length;
            _tpDeadlineMs = nowMs + J1939Tp.T3Ms;
            CanFrame rts = J1939Tp.ConnectionFrame(GbtAddress.Bms, GbtAddress.Charger, J1939Tp.ControlRts, length, length >> 8, J1939Tp.PacketsFor(length), J1939Tp.NoLimit, J1939Tp.PgnOf(pf));
            RtsSent++;
            _can.TrySend(ref rts);
        }

        private void SendSingle(int pf, int length)
        {
            CanFrame frame = Frame(GbtCanId.Make(pf, GbtAddress.Charger, GbtAddress.Bms), length);
            _can.TrySend(ref frame);
        }

        private CanFrame Frame(uint id, int length)
        {
            CanFrame frame = default(CanFrame);
            frame.Id = id;
            frame.IsExtended = true;
            frame.Length = length;
            for (int i = 0; i < length; i++)
            {
                frame.SetByte(i, _payload[i]);
            }

            return frame;
        }

        private static string Hex4(byte[] b)
        {
            const string digits = "0123456789ABCDEF";
            string s = "";
            for (int i = 0; i < 4; i++)
            {
                s += digits[b[i] >> 4].ToString() + digits[b[i] & 0xF].ToString();
            }

            return s;
        }
    }
}
