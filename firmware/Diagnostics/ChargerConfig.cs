using System;
using V2G.Firmware.Grid;
using V2G.Firmware.Session;
using V2G.Firmware.Settings;
using V2G.Firmware.Storage;
using V2G.Firmware.Uplink;
using V2G.Hal.Storage;
using V2G.Protocol.Text;
using static V2G.Firmware.Storage.FlashRecordLayout;

namespace V2G.Firmware.Diagnostics
{
    /// <summary>
    /// The keys a technician reads and writes with <c>config get|set</c>: one table (name, unit, range,
    /// reboot needed), one validation with errors that say the allowed range and why, and the paths by
    /// which a change is put in force: the output ratings through <see cref="ChargeController.RequestOutputRatings"/>
    /// (at the next control tick), the droop through <see cref="ChargeController.ApplyDroopSettings"/>
    /// (validated and kept in the droop's own store record, in force at once), the uplink's reporting
    /// periods directly (the uplink reads them each time). The charger id and the heartbeat timeout are
    /// read once at boot: they are stored and take effect after a reboot.
    /// <para>
    /// The ratings, charger id and uplink keys are kept in a record of their own in the non-volatile
    /// store (<see cref="DefaultRecordId"/>), read back and applied at construction: construct it at boot
    /// after the controller and before the uplink service, passing the uplink's settings.
    /// </para>
    /// <para>Not thread-safe: the shell's one thread sets keys.</para>
    /// </summary>
    public sealed class ChargerConfig
    {
        /// <summary>The record id of the stored configuration when the board does not choose one ("CC").</summary>
        public const int DefaultRecordId = 0x4343;

        /// <summary>Longest charger id, characters.</summary>
        public const int MaxChargerIdLength = 32;

        private const int ChargerId = 0;
        private const int MaxChargePower = 1;
        private const int MaxDischargePower = 2;
        private const int MaxChargeCurrent = 3;
        private const int MaxDischargeCurrent = 4;
        private const int DroopPreset = 5;
        private const int DroopEnabled = 6;
        private const int DroopDeadbandOver = 7;
        private const int DroopDeadbandUnder = 8;
        private const int DroopOver = 9;
        private const int DroopUnder = 10;
        private const int DroopResponse = 11;
        private const int HeartbeatTimeout = 12;
        private const int TelemetryPeriod = 13;
        private const int IdlePeriod = 14;
        private const int BatteryReserve = 15;
        private const int BatteryMax = 16;

        // Record layout (little-endian): 0 u16 version, 2 i32 charge W, 6 i32 discharge W, 10 i32 charge mA,
        // 14 i32 discharge mA, 18 i32 heartbeat ms, 22 i32 telemetry ms, 26 i32 idle ms, 30 u8 id length,
        // 31..62 id (ASCII); version 1: 63 u32 CRC-32 of bytes 0..62; version 2 adds 63 u16 reserve SoC and
        // 65 u16 maximum SoC in hundredths of a per cent, then 67 u32 CRC-32 of bytes 0..66.
        private const ushort RecordVersion = 2;
        private const ushort RecordVersion1 = 1;
        private const int RecordIdLengthOffset = 30;
        private const int RecordIdOffset = 31;
        private const int RecordV1CrcOffset = RecordIdOffset + MaxChargerIdLength;
        private const int RecordV1SizeBytes = RecordV1CrcOffset + 4;
        private const int RecordReserveOffset = RecordIdOffset + MaxChargerIdLength;
        private const int RecordMaxSocOffset = RecordReserveOffset + 2;
        private const int RecordCrcOffset = RecordMaxSocOffset + 2;
        private const int RecordSizeBytes = RecordCrcOffset + 4;

        private readonly ChargeController _controller;
        private readonly ChargerSettings _settings;
        private readonly UplinkSettings _uplink;
        private readonly INonVolatileStore _store;
        private readonly int _recordId;
        private readonly ConfigKey[] _keys;
        private readonly double _ratedChargePowerW;
        private readonly double _ratedDischargePowerW;
        private readonly double _ratedChargeCurrentA;
        private readonly double _ratedDischargeCurrentA;
        private readonly byte[] _record;
        private readonly string _keyList;
        private string _chargerId;
        private double _chargeW;
        private double _dischargeW;
        private double _chargeA;
        private double _dischargeA;
        private int _heartbeatTimeoutMs;
        private double _reserveSocPercent;
        private double _maxSocPercent;
        private bool _rebootPending;
        private string _lastWarning;

        /// <summary>
        /// The configuration of <paramref name="controller"/> and <paramref name="uplink"/> (may be null: the
        /// uplink keys then only are stored). The controller's settings at this moment are the charger's
        /// ratings: no key can set more. With a <paramref name="store"/> (may be null), the stored values are
        /// applied now.
        /// </summary>
        public ChargerConfig(ChargeController controller, UplinkSettings uplink, INonVolatileStore store, int recordId)
        {
            if (controller == null)
            {
                throw new ArgumentNullException("controller");
            }

            _controller = controller;
            _settings = controller.Settings;
            _uplink = uplink == null ? new UplinkSettings() : uplink;
            _ratedChargePowerW = _settings.MaxChargePowerW;
            _ratedDischargePowerW = _settings.MaxDischargePowerW;
            _ratedChargeCurrentA = _settings.MaxChargeCurrentA;
            _ratedDischargeCurrentA = _settings.MaxDischargeCurrentA;
            _chargerId = _uplink.ChargerId;
            _heartbeatTimeoutMs = _uplink.HeartbeatTimeoutMs;
            _recordId = recordId;
            if (store != null && store.MaxRecordLength >= RecordSizeBytes)
            {
                _store = store;
                _record = new byte[store.MaxRecordLength];
            }

            _keys = new ConfigKey[]
            {
                new ConfigKey("charger_id", ConfigValueKind.Text, "", 0, 0, true, "the charger's id on the uplink (1-32 of A-Z a-z 0-9 _ -)"),
                new ConfigKey("max_charge_power_W", ConfigValueKind.Number, "W", 0, _ratedChargePowerW, false, "largest charging power"),
                new ConfigKey("max_discharge_power_W", ConfigValueKind.Number, "W", 0, _ratedDischargePowerW, false, "largest discharging power"),
                new ConfigKey("max_charge_current_A", ConfigValueKind.Number, "A", 0, _ratedChargeCurrentA, false, "largest charging current"),
                new ConfigKey("max_discharge_current_A", ConfigValueKind.Number, "A", 0, _ratedDischargeCurrentA, false, "largest discharging current"),
                new ConfigKey("droop.preset", ConfigValueKind.Choice, "", 0, 0, false, "frequency-watt preset (its parameters replace the droop's)"),
                new ConfigKey("droop.enabled", ConfigValueKind.Boolean, "", 0, 1, false, "the frequency-watt droop acts"),
                new ConfigKey("droop.db_of_Hz", ConfigValueKind.Number, "Hz", 0, 1, false, "over-frequency deadband"),
                new ConfigKey("droop.db_uf_Hz", ConfigValueKind.Number, "Hz", 0, 1, false, "under-frequency deadband"),
                new ConfigKey("droop.k_of", ConfigValueKind.Number, "pu", 0.01, 0.2, false, "over-frequency droop (0.05 = 5 %)"),
                new ConfigKey("droop.k_uf", ConfigValueKind.Number, "pu", 0.01, 0.2, false, "under-frequency droop"),
                new ConfigKey("droop.response_s", ConfigValueKind.Number, "s", 0, 60, false, "open-loop response time (90 %)"),
                new ConfigKey("uplink.heartbeat_timeout_s", ConfigValueKind.Number, "s", 5, 3600, true, "aggregator silence before the safe setpoint"),
                new ConfigKey("uplink.telemetry_period_s", ConfigValueKind.Number, "s", 1, 60, false, "telemetry period while active"),
                new ConfigKey("uplink.idle_period_s", ConfigValueKind.Number, "s", 1, 3600, false, "telemetry period while idle"),
                new ConfigKey("battery.reserve_soc_pct", ConfigValueKind.Number, "%", 0, 100, false, "the owner's reserve: discharge stops at this SoC"),
                new ConfigKey("battery.max_soc_pct", ConfigValueKind.Number, "%", 0, 100, false, "charging for the aggregator stops at this SoC"),
            };
            _keys[DroopPreset].Choices = DroopPresets.Names();

            string list = string.Empty;
            for (int i = 0; i < _keys.Length; i++)
            {
                list = i == 0 ? _keys[i].Name : list + ", " + _keys[i].Name;
            }

            _keyList = list;
            _chargeW = _ratedChargePowerW;
            _dischargeW = _ratedDischargePowerW;
            _chargeA = _ratedChargeCurrentA;
            _dischargeA = _ratedDischargeCurrentA;
            _reserveSocPercent = _settings.BatteryGuard.ReserveSocPercent;
            _maxSocPercent = _settings.BatteryGuard.MaxSocPercent;

            LoadStored();
        }

        /// <summary>Number of keys.</summary>
        public int Count => _keys.Length;

        /// <summary>Key number <paramref name="index"/> (0..Count−1), in table order.</summary>
        public ConfigKey KeyAt(int index)
        {
            return _keys[index];
        }

        /// <summary>The key named <paramref name="name"/> (exact), or null.</summary>
        public ConfigKey Find(string name)
        {
            int i = IndexOf(name);
            return i < 0 ? null : _keys[i];
        }

        /// <summary>All key names separated by ", " (for "unknown key" errors and help).</summary>
        public string KeyList => _keyList;

        /// <summary>The key names (for tab completion).</summary>
        public string[] KeyNames()
        {
            string[] names = new string[_keys.Length];
            for (int i = 0; i < names.Length; i++)
            {
                names[i] = _keys[i].Name;
            }

            return names;
        }

        /// <summary>True once a key that needs a reboot has been changed since boot.</summary>
        public bool IsRebootPending => _rebootPending;

        /// <summary>
        /// After a successful <see cref="Set"/>: a remark for the technician ("stored; takes effect after a
        /// reboot", "in force, but not stored"), or null when there is nothing to add.
        /// </summary>
        public string LastWarning => _lastWarning;

        /// <summary>
        /// The value of <paramref name="key"/> as text (numbers invariant, without the unit), or null for an
        /// unknown key. Keys that need a reboot show the configured value (what the next boot uses).
        /// </summary>
        public string Get(string key)
        {
            int i = IndexOf(key);
            if (i < 0)
            {
                return null;
            }

            DroopSettings d = _controller.Droop.Settings;
            switch (i)
            {
                case ChargerId: return _chargerId;
                case MaxChargePower: return FormatNumber(_chargeW);
                case MaxDischargePower: return FormatNumber(_dischargeW);
                case MaxChargeCurrent: return FormatNumber(_chargeA);
                case MaxDischargeCurrent: return FormatNumber(_dischargeA);
                case DroopPreset: return d.PresetName;
                case DroopEnabled: return d.Enabled ? "true" : "false";
                case DroopDeadbandOver: return FormatNumber(d.DeadbandOverHz);
                case DroopDeadbandUnder: return FormatNumber(d.DeadbandUnderHz);
                case DroopOver: return FormatNumber(d.DroopOver);
                case DroopUnder: return FormatNumber(d.DroopUnder);
                case DroopResponse: return FormatNumber(d.ResponseTimeMs / 1000.0);
                case HeartbeatTimeout: return FormatNumber(_heartbeatTimeoutMs / 1000.0);
                case TelemetryPeriod: return FormatNumber(_uplink.TelemetryActivePeriodMs / 1000.0);
                case IdlePeriod: return FormatNumber(_uplink.TelemetryIdlePeriodMs / 1000.0);
                case BatteryReserve: return FormatNumber(_reserveSocPercent);
                default: return FormatNumber(_maxSocPercent);
            }
        }

        /// <summary>
        /// Sets <paramref name="key"/> from its text; returns null if the value is in force (or stored, for a
        /// key that needs a reboot; see <see cref="LastWarning"/>), otherwise a clear error naming the
        /// allowed values ("max_charge_power_W must be 0..30000 W (the charger's rating)", an unknown key
        /// lists the keys). A refused value changes nothing.
        /// </summary>
        public string Set(string key, string valueText)
        {
            _lastWarning = null;
            int i = IndexOf(key);
            if (i < 0)
            {
                return "unknown key '" + (key == null ? "" : key) + "' (keys: " + _keyList + ")";
            }

            ConfigKey k = _keys[i];
            if (valueText == null || valueText.Length == 0)
            {
                return k.Name + " needs a value";
            }

            double number = 0;
            bool flag = false;
            switch (k.Kind)
            {
                case ConfigValueKind.Number:
                    if (!TryParseNumber(valueText, out number))
                    {
                        return k.Name + " needs a number in " + (k.Unit.Length == 0 ? "per unit" : k.Unit) + ", not '" + valueText + "'";
                    }

                    if (!(number >= k.Min && number <= k.Max))
                    {
                        return k.Name + " must be " + FormatNumber(k.Min) + ".." + FormatNumber(k.Max) + (k.Unit.Length == 0 ? "" : " " + k.Unit) + RangeReason(i);
                    }

                    break;

                case ConfigValueKind.Boolean:
                    if (!TryParseBoolean(valueText, out flag))
                    {
                        return k.Name + " must be true or false, not '" + valueText + "'";
                    }

                    break;

                case ConfigValueKind.Choice:
                    if (!IsChoice(k, valueText))
                    {
                        return k.Name + " must be one of " + JoinChoices(k) + ", not '" + valueText + "'";
                    }

                    break;

                default:
                    if (!IsValidChargerId(valueText))
                    {
                        return k.Name + " must be 1-32 characters of A-Z a-z 0-9 _ -";
                    }

                    break;
            }

            switch (i)
            {
                case ChargerId:
                    _chargerId = valueText;
                    _rebootPending = true;
                    return Store("stored; takes effect after a reboot");
                case MaxChargePower:
                    _chargeW = number;
                    return RequestRatings();
                case MaxDischargePower:
                    _dischargeW = number;
                    return RequestRatings();
                case MaxChargeCurrent:
                    _chargeA = number;
                    return RequestRatings();
                case MaxDischargeCurrent:
                    _dischargeA = number;
                    return RequestRatings();
                case HeartbeatTimeout:
                    _heartbeatTimeoutMs = (int)(number * 1000 + 0.5);
                    _rebootPending = true;
                    return Store("stored; takes effect after a reboot");
                case TelemetryPeriod:
                    _uplink.TelemetryActivePeriodMs = (int)(number * 1000 + 0.5);
                    return Store(null);
                case IdlePeriod:
                    _uplink.TelemetryIdlePeriodMs = (int)(number * 1000 + 0.5);
                    return Store(null);
                case BatteryReserve:
                case BatteryMax:
                    return SetBatteryWindow(i == BatteryReserve ? number : _reserveSocPercent, i == BatteryMax ? number : _maxSocPercent);
            }

            return SetDroop(i, valueText, number, flag);
        }

        /// <summary>The owner's SoC window: the reserve must stay below the maximum; in force from the controller's next tick.</summary>
        private string SetBatteryWindow(double reserve, double max)
        {
            if (reserve >= max)
            {
                return "battery.reserve_soc_pct (" + FormatNumber(reserve) + " %) must be below battery.max_soc_pct (" + FormatNumber(max) + " %)";
            }

            _reserveSocPercent = reserve;
            _maxSocPercent = max;
            _controller.RequestBatteryWindow(reserve, max);
            return Store(null);
        }

        /// <summary>The droop keys: a copy of the settings in force, changed, and applied (validated and stored) by the controller.</summary>
        private string SetDroop(int i, string valueText, double number, bool flag)
        {
            DroopSettings now = _controller.Droop.Settings;
            DroopSettings next;
            if (i == DroopPreset)
            {
                next = DroopPresets.ByName(valueText, now.NominalHz);
                next.Enabled = now.Enabled;
                next.RatedPowerW = now.RatedPowerW;
            }
            else
            {
                next = now.Copy();
                switch (i)
                {
                    case DroopEnabled: next.Enabled = flag; break;
                    case DroopDeadbandOver: next.DeadbandOverHz = number; break;
                    case DroopDeadbandUnder: next.DeadbandUnderHz = number; break;
                    case DroopOver: next.DroopOver = number; break;
                    case DroopUnder: next.DroopUnder = number; break;
                    default: next.ResponseTimeMs = (int)(number * 1000 + 0.5); break;
                }

                // A parameter changed by hand is no longer the preset (enabling or not keeps the name).
                if (i != DroopEnabled)
                {
                    next.PresetName = "custom";
                }
            }

            string problem = _controller.ApplyDroopSettings(next);
            if (problem == "in force, but not stored")
            {
                _lastWarning = problem;
                return null;
            }

            return problem == null ? null : _keys[i].Name + " refused: " + problem;
        }

        /// <summary>Hands the four configured ratings to the controller (in force at its next tick) and stores them.</summary>
        private string RequestRatings()
        {
            _controller.RequestOutputRatings(_chargeW, _dischargeW, _chargeA, _dischargeA);
            return Store(null);
        }

        /// <summary>Stores the record; a failed write leaves the value in force with a warning (null = no error).</summary>
        private string Store(string remark)
        {
            _lastWarning = remark;
            if (_store == null)
            {
                return null;
            }

            int length = Encode(_record);
            if (!_store.Write(_recordId, _record, 0, length))
            {
                _lastWarning = remark == null ? "in force, but not stored" : remark + ", but not stored (store write failed)";
            }

            return null;
        }

        /// <summary>Reads the stored record, if any, and puts its values in force (charger id and heartbeat into the uplink's settings before it starts).</summary>
        private void LoadStored()
        {
            if (_store == null)
            {
                return;
            }

            int length = _store.Read(_recordId, _record, 0);
            bool version2 = length == RecordSizeBytes && ReadUInt16(_record, 0) == RecordVersion
                && ReadUInt32(_record, RecordCrcOffset) == Crc32.Compute(_record, 0, RecordCrcOffset);
            bool version1 = length == RecordV1SizeBytes && ReadUInt16(_record, 0) == RecordVersion1
                && ReadUInt32(_record, RecordV1CrcOffset) == Crc32.Compute(_record, 0, RecordV1CrcOffset);
            if (!version1 && !version2)
            {
                return;
            }

            if (version2)
            {
                // A record from version 1 firmware has no window: the settings' defaults stay.
                double reserve = ReadUInt16(_record, RecordReserveOffset) / 100.0;
                double max = ReadUInt16(_record, RecordMaxSocOffset) / 100.0;
                if (InRange(BatteryReserve, reserve) && InRange(BatteryMax, max) && reserve < max)
                {
                    _reserveSocPercent = reserve;
                    _maxSocPercent = max;
                    _controller.RequestBatteryWindow(reserve, max);
                }
            }

            double chargeW = ReadInt32(_record, 2);
            double dischargeW = ReadInt32(_record, 6);
            double chargeA = ReadInt32(_record, 10) / 1000.0;
            double dischargeA = ReadInt32(_record, 14) / 1000.0;
            int heartbeatMs = ReadInt32(_record, 18);
            int telemetryMs = ReadInt32(_record, 22);
            int idleMs = ReadInt32(_record, 26);
            int idLength = _record[RecordIdLengthOffset];
            char[] id = new char[idLength <= MaxChargerIdLength ? idLength : 0];
            for (int i = 0; i < id.Length; i++)
            {
                id[i] = (char)_record[RecordIdOffset + i];
            }

            // Each value is judged again against today's table: a record from another rating or firmware
            // never puts an out-of-range value in force.
            if (InRange(MaxChargePower, chargeW) && InRange(MaxDischargePower, dischargeW) && InRange(MaxChargeCurrent, chargeA) && InRange(MaxDischargeCurrent, dischargeA))
            {
                _chargeW = chargeW;
                _dischargeW = dischargeW;
                _chargeA = chargeA;
                _dischargeA = dischargeA;
                _controller.RequestOutputRatings(chargeW, dischargeW, chargeA, dischargeA);
            }

            if (InRange(HeartbeatTimeout, heartbeatMs / 1000.0))
            {
                _heartbeatTimeoutMs = heartbeatMs;
                _uplink.HeartbeatTimeoutMs = heartbeatMs;
            }

            if (InRange(TelemetryPeriod, telemetryMs / 1000.0))
            {
                _uplink.TelemetryActivePeriodMs = telemetryMs;
            }

            if (InRange(IdlePeriod, idleMs / 1000.0))
            {
                _uplink.TelemetryIdlePeriodMs = idleMs;
            }

            string chargerId = new string(id);
            if (IsValidChargerId(chargerId))
            {
                _chargerId = chargerId;
                _uplink.ChargerId = chargerId;
            }
        }

        private int Encode(byte[] b)
        {
            WriteUInt16(b, 0, RecordVersion);
            WriteInt32(b, 2, (int)(_chargeW + 0.5));
            WriteInt32(b, 6, (int)(_dischargeW + 0.5));
            WriteInt32(b, 10, (int)(_chargeA * 1000 + 0.5));
            WriteInt32(b, 14, (int)(_dischargeA * 1000 + 0.5));
            WriteInt32(b, 18, _heartbeatTimeoutMs);
            WriteInt32(b, 22, _uplink.TelemetryActivePeriodMs);
            WriteInt32(b, 26, _uplink.TelemetryIdlePeriodMs);
            int n = _chargerId.Length <= MaxChargerIdLength ? _chargerId.Length : MaxChargerIdLength;
            b[RecordIdLengthOffset] = (byte)n;
            for (int i = 0; i < MaxChargerIdLength; i++)
            {
                b[RecordIdOffset + i] = i < n ? (byte)_chargerId[i] : (byte)0;
            }

            WriteUInt16(b, RecordReserveOffset, (ushort)(_reserveSocPercent * 100 + 0.5));
            WriteUInt16(b, RecordMaxSocOffset, (ushort)(_maxSocPercent * 100 + 0.5));
            WriteUInt32(b, RecordCrcOffset, Crc32.Compute(b, 0, RecordCrcOffset));
            return RecordSizeBytes;
        }

        private bool InRange(int key, double value)
        {
            return value >= _keys[key].Min && value <= _keys[key].Max;
        }

        private int IndexOf(string name)
        {
            for (int i = 0; i < _keys.Length; i++)
            {
                if (_keys[i].Name == name)
                {
                    return i;
                }
            }

            return -1;
        }

        private static string RangeReason(int key)
        {
            switch (key)
            {
                case MaxChargePower:
                case MaxDischargePower:
                case MaxChargeCurrent:
                case MaxDischargeCurrent:
                    return " (the charger's rating)";
                default:
                    return string.Empty;
            }
        }

        private static bool IsChoice(ConfigKey key, string value)
        {
            for (int i = 0; i < key.Choices.Length; i++)
            {
                if (key.Choices[i] == value)
                {
                    return true;
                }
            }

            return false;
        }

        private static string JoinChoices(ConfigKey key)
        {
            string list = string.Empty;
            for (int i = 0; i < key.Choices.Length; i++)
            {
                list = i == 0 ? key.Choices[i] : list + ", " + key.Choices[i];
            }

            return list;
        }

        /// <summary>1–32 of [A-Za-z0-9_-], the uplink's rule for a topic level and client id.</summary>
        private static bool IsValidChargerId(string id)
        {
            if (id == null || id.Length < 1 || id.Length > MaxChargerIdLength)
            {
                return false;
            }

            for (int i = 0; i < id.Length; i++)
            {
                char c = id[i];
                bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
                if (!ok)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>true/false, on/off, 1/0.</summary>
        private static bool TryParseBoolean(string text, out bool value)
        {
            value = text == "true" || text == "on" || text == "1";
            return value || text == "false" || text == "off" || text == "0";
        }

        /// <summary>
        /// A plain decimal: optional sign, digits, optional fraction ("22000", "-0.5", "0.036"); nothing
        /// else (no exponent, no thousands separator, no culture), so "1,5" is refused, never misread.
        /// </summary>
        public static bool TryParseNumber(string text, out double value)
        {
            value = 0;
            if (text == null || text.Length == 0 || text.Length > 24)
            {
                return false;
            }

            int i = 0;
            bool negative = false;
            if (text[0] == '-' || text[0] == '+')
            {
                negative = text[0] == '-';
                i = 1;
            }

            double result = 0;
            int digits = 0;
            while (i < text.Length && text[i] >= '0' && text[i] <= '9')
            {
                result = result * 10 + (text[i] - '0');
                digits++;
                i++;
            }

            if (i < text.Length && text[i] == '.')
            {
                i++;
                double scale = 0.1;
                while (i < text.Length && text[i] >= '0' && text[i] <= '9')
                {
                    result += (text[i] - '0') * scale;
                    scale /= 10;
                    digits++;
                    i++;
                }
            }

            if (digits == 0 || i != text.Length)
            {
                return false;
            }

            value = negative ? -result : result;
            return true;
        }

        /// <summary>A number as the shell shows it: invariant, up to 6 decimals, trailing zeros dropped.</summary>
        public static string FormatNumber(double value)
        {
            TextBuffer text = new TextBuffer(32);
            text.Append(value, 6);
            string s = text.ToString();
            int end = s.Length;
            if (s.IndexOf('.') >= 0)
            {
                while (end > 0 && s[end - 1] == '0')
                {
                    end--;
                }

                if (end > 0 && s[end - 1] == '.')
                {
                    end--;
                }
            }

            return end == s.Length ? s : s.Substring(0, end);
        }

        private static void WriteInt32(byte[] b, int o, int v)
        {
            WriteUInt32(b, o, (uint)v);
        }

        private static int ReadInt32(byte[] b, int o)
        {
            return (int)ReadUInt32(b, o);
        }
    }
}
