using V2G.Protocol.GbT.Discharge;
using V2G.Protocol.Session;

namespace V2G.Protocol.GbT.Charger
{
    /// <summary>
    /// The charger's side of our discharge extension (<see cref="DischargeExtension"/>; GB/T 27930-2015
    /// and 2023-A define no discharge procedure [digest §8]): it writes CDC, reads BDC, decides the
    /// agreement at BRO(AAh) and applies its rules to the limits and to BCL's demand. Kept apart from
    /// the session so a standard discharge profile (GB/T 27930.2-2024 Annex A.2) can replace it.
    /// Rules: discharge is allowed only if the extension is enabled, a version-1 BDC arrived before
    /// BRO(AAh), and its current and power are both above 0; the limits are then the smaller of CDC and
    /// BDC, and the voltage floor the larger of their minimum voltages. Without BDC the session is
    /// charge-only: no error, no timeout.
    /// </summary>
    public sealed class DischargeAgreement
    {
        private readonly DischargeExtensionSettings _settings;
        private readonly CdcMessage _cdc = new CdcMessage();
        private readonly BdcMessage _bdc = new BdcMessage();
        private bool _bdcReceived;
        private bool _decided;
        private bool _agreed;

        public DischargeAgreement(DischargeExtensionSettings settings)
        {
            _settings = settings ?? new DischargeExtensionSettings();
        }

        /// <summary>True if the charger offers discharge (sends CDC).</summary>
        public bool Enabled => _settings.Enabled;

        /// <summary>True once a BDC was taken (before BRO(AAh)).</summary>
        public bool BdcReceived => _bdcReceived;

        /// <summary>True once BRO(AAh) closed the negotiation.</summary>
        public bool IsDecided => _decided;

        /// <summary>True if this session may discharge (decided at BRO(AAh)).</summary>
        public bool IsAgreed => _agreed;

        /// <summary>The CDC last written (what the charger offered).</summary>
        public CdcMessage Cdc => _cdc;

        /// <summary>The BDC last taken.</summary>
        public BdcMessage Bdc => _bdc;

        /// <summary>Agreed discharge current, A (a magnitude; 0 without agreement).</summary>
        public double MaxDischargeCurrentA => _agreed ? Min(_cdc.MaxDischargeCurrentA, _bdc.MaxDischargeCurrentA) : 0;

        /// <summary>Agreed discharge power, W (a magnitude; 0 without agreement).</summary>
        public double MaxDischargePowerW => _agreed ? Min(_cdc.MaxDischargePowerKw, _bdc.MaxDischargePowerKw) * 1000.0 : 0;

        /// <summary>The voltage below which the charger never discharges, V: max(CDC minimum, BDC minimum pack voltage); 0 without agreement.</summary>
        public double MinDischargeVoltageV => _agreed ? Max(_cdc.MinDischargeVoltageV, _bdc.MinPackVoltageV) : 0;

        /// <summary>
        /// True while CDC is due: enabled, and neither BDC nor BRO(AAh) has ended the offer (the session
        /// starts sending it with the first CML).
        /// </summary>
        public bool WantsCdc => _settings.Enabled && !_bdcReceived && !_decided;

        /// <summary>A new session or a re-handshake: forget the previous negotiation.</summary>
        public void Reset()
        {
            _bdcReceived = false;
            _decided = false;
            _agreed = false;
        }

        /// <summary>
        /// Writes CDC from the settings, capped by the charger's own limits in force
        /// (<paramref name="chargerLimits"/>, magnitudes in the firmware's units); returns 8.
        /// </summary>
        public int WriteCdc(byte[] payload, ref ChargerLimits chargerLimits)
        {
            _cdc.Version = DischargeExtension.Version;

            // CDC carries the current in the standard's sign, where + is discharge: a magnitude as it is.
            _cdc.MaxDischargeCurrentA = Min(_settings.MaxDischargeCurrentA, chargerLimits.MaxDischargeCurrentA);
            _cdc.MaxDischargePowerKw = Min(_settings.MaxDischargePowerKw, chargerLimits.MaxDischargePowerW / 1000.0);
            _cdc.MinDischargeVoltageV = Max(_settings.MinDischargeVoltageV, chargerLimits.MinVoltageV);
            if (_cdc.MaxDischargeCurrentA < 0)
            {
                _cdc.MaxDischargeCurrentA = 0;
            }

            if (_cdc.MaxDischargePowerKw < 0)
            {
                _cdc.MaxDischargePowerKw = 0;
            }

            return _cdc.Write(payload);
        }

        /// <summary>
        /// Takes a BDC payload. Returns false (and changes nothing) if the extension is off, the
        /// negotiation is already decided, or the payload is not a BDC.
        /// </summary>
        public bool OnBdc(byte[] payload, int length)
        {
            if (!_settings.Enabled || _decided)
            {
                return false;
            }

            if (!_bdc.Read(payload, length))
            {
                return false;
            }

            _bdcReceived = true;
            return true;
        }

        /// <summary>BRO(AAh): the negotiation ends; returns whether discharge is agreed.</summary>
        public bool Decide()
        {
            if (!_decided)
            {
                _decided = true;
                _agreed = _settings.Enabled
                    && _bdcReceived
                    && _bdc.Version == DischargeExtension.Version
                    && _bdc.MaxDischargeCurrentA > 0
                    && _bdc.MaxDischargePowerKw > 0
                    && _cdc.MaxDischargeCurrentA > 0
                    && _cdc.MaxDischargePowerKw > 0;
            }

            return _agreed;
        }

        /// <summary>
        /// Writes the agreed discharge limits (or none) into the vehicle's limits. The voltage floor
        /// (<see cref="MinDischargeVoltageV"/>) is not a limit of charging, so it is not put into
        /// <see cref="EvLimits.MinVoltageV"/> (that would refuse pre-charge of a battery below it): the
        /// session enforces it while power flows.
        /// </summary>
        public void ApplyTo(ref EvLimits limits)
        {
            limits.MaxDischargeCurrentA = MaxDischargeCurrentA;
            limits.MaxDischargePowerW = MaxDischargePowerW;
        }

        /// <summary>
        /// BCL's current demand (standard's sign: − = charge demand, + = the BMS accepts discharge up to
        /// that current) as the firmware's signed request cap (+ into the vehicle). A discharge demand
        /// without agreement is treated as 0 A and <paramref name="refused"/> says so (the caller logs it).
        /// </summary>
        public double DemandToFirmwareA(double gbtDemandA, out bool refused)
        {
            refused = false;
            if (gbtDemandA > 0 && !_agreed)
            {
                refused = true;
                return 0;
            }

            return GbtCurrentSign.ToFirmwareA(gbtDemandA);
        }

        private static double Min(double a, double b)
        {
            return a < b ? a : b;
        }

        private static double Max(double a, double b)
        {
            return a > b ? a : b;
        }
    }
}
