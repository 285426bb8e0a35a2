using V2G.Hal.Timing;

namespace V2G.Sim.Plant.Plc
{
    /// <summary>
    /// A virtual powerline between a charger and a vehicle: the "medium + two modems" emulator of digest
    /// §5.1 (a design marked [U] there, after EVerest's evse_vs_ev plc_emu [V:E7]). Each side's host talks
    /// to its own <see cref="PlcModemModel"/> through V2G.Hal.Comms.IEthernetPort:
    /// <list type="bullet">
    /// <item>CM_SET_KEY.REQ to 00:B0:52:00:00:01 (or broadcast, as pyPLC sends it [V:P1]) is answered by the
    /// local modem with CM_SET_KEY.CNF Result 0x01 (pitfall 11 [V:P1, S1, T1]); the modem keeps NMK and
    /// NID, then optionally restarts (drops frames) for <see cref="PlcLinkSettings.ModemRestartMs"/>.</item>
    /// <item>VS_PL_LINK_STATUS.REQ is answered locally with link_status (offset 21) = 1 only once both
    /// modems hold the same NMK and NID and <see cref="PlcLinkSettings.JoinDelayMs"/> has passed since.</item>
    /// <item>VS_SW_VER.REQ is answered by the local modem, and, when broadcast on a formed network, by the
    /// remote one too (SmartEVSE counts the modems this way [V:S1]). VS_RS_DEV.REQ is confirmed and
    /// restarts the modem.</item>
    /// <item>Every CM_MNBC_SOUND.IND from the vehicle that reaches the charger's modem makes that modem
    /// deliver a CM_ATTEN_PROFILE.IND (PEV MAC, 58 groups) to the charger's host [V:E7].</item>
    /// <item>Before the modems form one network only HomePlug MMEs that are broadcast or SLAC MMEs cross
    /// the medium; afterwards everything does (unicast, IPv6).</item>
    /// <item>Frames crossing the medium meet <see cref="PlcLinkImpairments"/> (loss, duplication, delay,
    /// jitter) decided by a seeded generator, so runs repeat exactly.</item>
    /// </list>
    /// Time comes from the <see cref="IMonotonicClock"/>: a frame is visible to the receiving host once
    /// its arrival time has come. Frames are copied into preallocated slots; nothing is allocated after
    /// construction.
    /// </summary>
    public sealed class VirtualPlcLink
    {
        // Locally chosen modem MACs under Qualcomm's OUI; any MAC other than the hosts' and 00:B0:52:00:00:01 would do.
        private static readonly byte[] DefaultChargerModemMac = { 0x00, 0xB0, 0x52, 0x5E, 0x00, 0x01 };
        private static readonly byte[] DefaultVehicleModemMac = { 0x00, 0xB0, 0x52, 0x5E, 0x00, 0x02 };

        // A version text that says what it is: no real firmware string is imitated.
        private const string SimulatedFirmwareVersion = "V2G-SIM-PLC-MODEL-1";

        private readonly IMonotonicClock _clock;
        private readonly PlcRandom _impairmentRandom;
        private readonly PlcRandom _attenuationRandom;
        private readonly byte[] _scratch = new byte[PlcFrameLayout.MaxFrameLength];
        private readonly byte[] _versionBytes;
        private long _joinAtMs = -1;

        /// <summary>A link with the default modem MACs.</summary>
        public VirtualPlcLink(IMonotonicClock clock, byte[] chargerHostMac, byte[] vehicleHostMac, PlcLinkSettings settings, PlcLinkImpairments impairments)
            : this(clock, chargerHostMac, DefaultChargerModemMac, vehicleHostMac, DefaultVehicleModemMac, settings, impairments)
        {
        }

        /// <summary>A link with the given modem MACs (each must differ from its host's).</summary>
        public VirtualPlcLink(
            IMonotonicClock clock,
            byte[] chargerHostMac,
            byte[] chargerModemMac,
            byte[] vehicleHostMac,
            byte[] vehicleModemMac,
            PlcLinkSettings settings,
            PlcLinkImpairments impairments)
        {
            if (clock == null)
            {
                throw new System.ArgumentNullException(nameof(clock));
            }

            _clock = clock;
            Settings = settings ?? new PlcLinkSettings();
            Impairments = impairments ?? PlcLinkImpairments.None();
            _impairmentRandom = new PlcRandom(Impairments.Seed);
            _attenuationRandom = new PlcRandom(Settings.AttenuationSeed);
            Charger = new PlcModemModel(this, "charger", chargerHostMac, chargerModemMac, Settings.ReceiveQueueFrames);
            Vehicle = new PlcModemModel(this, "vehicle", vehicleHostMac, vehicleModemMac, Settings.ReceiveQueueFrames);
            _versionBytes = new byte[SimulatedFirmwareVersion.Length];
            for (int i = 0; i < _versionBytes.Length; i++)
            {
                _versionBytes[i] = (byte)SimulatedFirmwareVersion[i];
            }
        }

        /// <summary>The charger's port (give it to the charger's SLAC and network stack).</summary>
        public PlcModemModel Charger { get; }

        /// <summary>The vehicle's port.</summary>
        public PlcModemModel Vehicle { get; }

        /// <summary>Modem behaviour; changes apply to the next frame.</summary>
        public PlcLinkSettings Settings { get; }

        /// <summary>Medium impairments; changes apply to the next frame (the seed only on <see cref="Reseed"/>).</summary>
        public PlcLinkImpairments Impairments { get; }

        /// <summary>Simulated time, ms.</summary>
        public long NowMs => _clock.NowMs;

        /// <summary>Whether both modems hold the same NMK and NID (the network may still be forming).</summary>
        public bool KeysMatch => Charger.SameKeyAs(Vehicle);

        /// <summary>When the two modems form (or formed) one network, ms; −1 while their keys differ.</summary>
        public long JoinAtMs => _joinAtMs;

        /// <summary>Whether the modems form one network now: same key, and the join delay has passed.</summary>
        public bool IsJoined => IsJoinedAt(_clock.NowMs);

        /// <summary>Frames delivered across the medium (each copy of a duplicate counts).</summary>
        public long FramesCarried { get; private set; }

        /// <summary>Frames lost on the medium.</summary>
        public long FramesLost { get; private set; }

        /// <summary>Frames that crossed the medium twice.</summary>
        public long FramesDuplicated { get; private set; }

        /// <summary>Frames the medium did not carry because the modems had not formed one network yet.</summary>
        public long FramesFiltered { get; private set; }

        /// <summary>Frames addressed to a modem that it does not answer (dropped).</summary>
        public long FramesUnhandledByModem { get; private set; }

        /// <summary>Answers the modems gave their own hosts (SET_KEY.CNF, vendor CNFs).</summary>
        public long LocalAnswers { get; private set; }

        /// <summary>CM_ATTEN_PROFILE.IND the charger's modem generated (one per sound it heard).</summary>
        public long AttenProfilesGenerated { get; private set; }

        /// <summary>Frames dropped because a receiving host's queue was full, both sides.</summary>
        public long FramesOverflowed => Charger.ReceiveOverflows + Vehicle.ReceiveOverflows;

        /// <summary>Restarts both random sequences from the current seeds (to repeat a run on the same link).</summary>
        public void Reseed()
        {
            _impairmentRandom.Reseed(Impairments.Seed);
            _attenuationRandom.Reseed(Settings.AttenuationSeed);
        }

        /// <summary>Whether the modems form one network at simulated time <paramref name="nowMs"/>.</summary>
        public bool IsJoinedAt(long nowMs)
        {
            return _joinAtMs >= 0 && nowMs >= _joinAtMs;
        }

        internal void KeysChanged(long nowMs)
        {
            if (!Charger.SameKeyAs(Vehicle))
            {
                _joinAtMs = -1;
                return;
            }

            // The modem that just took the key restarts and joins the other's network [V:P2 checkpoint 180].
            _joinAtMs = nowMs + Settings.JoinDelayMs;
        }

        internal void FromHost(PlcModemModel from, byte[] frame, int length)
        {
            long now = _clock.NowMs;
            if (from.IsRestartingAt(now))
            {
                from.FramesDroppedRestarting++;
                return;
            }

            PlcModemModel to = from == Charger ? Vehicle : Charger;
            bool homePlug = PlcFrameLayout.IsHomePlug(frame, length);
            int mmType = homePlug ? PlcFrameLayout.MmTypeOf(frame) : -1;
            bool broadcast = PlcFrameLayout.IsBroadcast(frame, PlcFrameLayout.OffsetDestination);
            bool toOwnModem = IsAddressedTo(frame, PlcFrameLayout.LocalModemMac) || IsAddressedTo(frame, from.ModemMacAddress);

            if (homePlug && (toOwnModem || broadcast) && IsModemRequest(frame, length, mmType))
            {
                Answer(from, from, frame, length, mmType, now, now + Settings.ModemResponseDelayMs);
                if (broadcast && mmType == PlcFrameLayout.VsSwVerReq && IsJoinedAt(now))
                {
                    // Every modem of the network answers a broadcast VS_SW_VER.REQ, the remote one over the medium.
                    AnswerAcrossMedium(to, from, frame, length, mmType, now);
                }

                return;
            }

            if (toOwnModem)
            {
                FramesUnhandledByModem++;
                return;
            }

            if (IsAddressedTo(frame, to.ModemMacAddress))
            {
                if (homePlug && IsModemRequest(frame, length, mmType) && mmType == PlcFrameLayout.VsSwVerReq && IsJoinedAt(now))
                {
                    AnswerAcrossMedium(to, from, frame, length, mmType, now);
                }
                else
                {
                    FramesUnhandledByModem++;
                }

                return;
            }

            bool slacOrBroadcastMme = homePlug && (broadcast || IsSlacMmType(mmType));
            if (!IsJoinedAt(now) && !slacOrBroadcastMme)
            {
                FramesFiltered++;
                return;
            }

            bool sound = homePlug && mmType == PlcFrameLayout.CmMnbcSoundInd && from == Vehicle;
            Carry(from, to, frame, length, now, sound);
        }

        private void Carry(PlcModemModel from, PlcModemModel to, byte[] frame, int length, long now, bool sound)
        {
            if (_impairmentRandom.Chance(Impairments.LossProbability))
            {
                FramesLost++;
                return;
            }

            int copies = 1;
            if (_impairmentRandom.Chance(Impairments.DuplicateProbability))
            {
                copies = 2;
                FramesDuplicated++;
            }

            for (int copy = 0; copy < copies; copy++)
            {
                long dueMs = now + MediumDelayMs();
                if (to.IsRestartingAt(dueMs))
                {
                    to.FramesDroppedRestarting++;
                    continue;
                }

                if (to.Queue.Enqueue(frame, length, PlcFrameLayout.MinFrameLength, dueMs))
                {
                    FramesCarried++;
                }

                if (sound)
                {
                    // The modem measured the sound whether or not its host had room for the sound itself.
                    DeliverAttenProfile(to, frame, dueMs);
                }
            }
        }

        private void AnswerAcrossMedium(PlcModemModel answering, PlcModemModel asking, byte[] request, int length, int mmType, long now)
        {
            if (_impairmentRandom.Chance(Impairments.LossProbability))
            {
                FramesLost++;
                return;
            }

            // Two hops (request out, answer back) of the medium's delay.
            long dueMs = now + MediumDelayMs() + MediumDelayMs() + Settings.ModemResponseDelayMs;
            if (answering.IsRestartingAt(now) || asking.IsRestartingAt(dueMs))
            {
                asking.FramesDroppedRestarting++;
                return;
            }

            FramesCarried += 2;
            Answer(answering, asking, request, length, mmType, now, dueMs);
        }

        private long MediumDelayMs()
        {
            int jitter = Impairments.JitterMs > 0 ? _impairmentRandom.NextInt(Impairments.JitterMs + 1) : 0;
            return Impairments.DelayMs + jitter;
        }

        /// <summary>The answer of <paramref name="modem"/> to a management request from the host behind <paramref name="asking"/>.</summary>
        private void Answer(PlcModemModel modem, PlcModemModel asking, byte[] request, int length, int mmType, long now, long dueMs)
        {
            byte[] f = _scratch;
            PlcFrameLayout.Zero(f, PlcFrameLayout.MinFrameLength + _versionBytes.Length);
            int answerLength;
            bool restartAfter = false;

            if (mmType == PlcFrameLayout.CmSetKeyReq)
            {
                bool accepted = length >= PlcFrameLayout.SetKeyReqLength && request[PlcFrameLayout.SetKeyReqKeyType] == PlcFrameLayout.KeyTypeNmk;
                PlcFrameLayout.WriteHeader(f, request, PlcFrameLayout.OffsetSource, modem.ModemMacAddress, PlcFrameLayout.MmvAv11, PlcFrameLayout.CmSetKeyCnf);
                f[PlcFrameLayout.SetKeyCnfResult] = (byte)(accepted ? PlcFrameLayout.SetKeyResultAccepted : PlcFrameLayout.SetKeyResultRefused);

                // The modem's nonce is 0; YourNonce echoes the host's MyNonce; PID, PRN, PMN, CCo capability are echoed.
                PlcFrameLayout.Copy(request, PlcFrameLayout.SetKeyReqMyNonce, f, PlcFrameLayout.SetKeyCnfYourNonce, 4);
                PlcFrameLayout.Copy(request, PlcFrameLayout.SetKeyReqPid, f, PlcFrameLayout.SetKeyCnfPid, 5);
                answerLength = PlcFrameLayout.SetKeyCnfLength;
                if (accepted)
                {
                    modem.StoreKey(request, now);
                    KeysChanged(now);
                    restartAfter = true;
                }
            }
            else if (mmType == PlcFrameLayout.VsPlLinkStatusReq)
            {
                PlcFrameLayout.WriteHeader(f, request, PlcFrameLayout.OffsetSource, modem.ModemMacAddress, PlcFrameLayout.MmvAv10, PlcFrameLayout.VsPlLinkStatusCnf);
                f[PlcFrameLayout.LinkStatusCnfStatus] = (byte)(IsJoinedAt(now) ? 1 : 0);
                answerLength = PlcFrameLayout.LinkStatusCnfLength;
            }
            else if (mmType == PlcFrameLayout.VsSwVerReq)
            {
                PlcFrameLayout.WriteHeader(f, request, PlcFrameLayout.OffsetSource, modem.ModemMacAddress, PlcFrameLayout.MmvAv10, PlcFrameLayout.VsSwVerCnf);

                // Status 0 (success); device code 0: this model imitates no particular chip's code.
                f[PlcFrameLayout.SwVerCnfVersionLength] = (byte)_versionBytes.Length;
                PlcFrameLayout.Copy(_versionBytes, 0, f, PlcFrameLayout.SwVerCnfVersion, _versionBytes.Length);
                answerLength = PlcFrameLayout.SwVerCnfVersion + _versionBytes.Length;
            }
            else
            {
                PlcFrameLayout.WriteHeader(f, request, PlcFrameLayout.OffsetSource, modem.ModemMacAddress, PlcFrameLayout.MmvAv10, PlcFrameLayout.VsRsDevCnf);
                answerLength = PlcFrameLayout.RsDevCnfLength;
                restartAfter = true;
            }

            asking.Queue.Enqueue(f, answerLength, PlcFrameLayout.MinFrameLength, dueMs);
            LocalAnswers++;
            if (restartAfter && Settings.ModemRestartMs > 0)
            {
                modem.BeginRestart(dueMs + Settings.ModemRestartMs);
            }
        }

        private void DeliverAttenProfile(PlcModemModel chargerModem, byte[] sound, long dueMs)
        {
            byte[] f = _scratch;
            PlcFrameLayout.Zero(f, PlcFrameLayout.AttenProfileLength);
            PlcFrameLayout.WriteHeader(f, chargerModem.MacAddress, 0, chargerModem.ModemMacAddress, PlcFrameLayout.MmvAv11, PlcFrameLayout.CmAttenProfileInd);
            PlcFrameLayout.Copy(sound, PlcFrameLayout.OffsetSource, f, PlcFrameLayout.AttenProfilePevMac, PlcFrameLayout.MacLength);
            f[PlcFrameLayout.AttenProfileNumGroups] = PlcFrameLayout.AagGroups;
            for (int g = 0; g < PlcFrameLayout.AagGroups; g++)
            {
                f[PlcFrameLayout.AttenProfileAag + g] = AttenuationOfGroupDb(g);
            }

            if (chargerModem.Queue.Enqueue(f, PlcFrameLayout.AttenProfileLength, PlcFrameLayout.MinFrameLength, dueMs))
            {
                AttenProfilesGenerated++;
            }
        }

        private byte AttenuationOfGroupDb(int group)
        {
            PlcAttenuationProfile profile = Settings.AttenuationProfile;
            if (profile == PlcAttenuationProfile.Zero)
            {
                return 0;
            }

            double db = profile == PlcAttenuationProfile.TooHigh ? Settings.TooHighAttenuationDb : Settings.AttenuationMeanDb;
            if (profile == PlcAttenuationProfile.Sloped)
            {
                db += Settings.AttenuationSlopeDb * (group / (double)(PlcFrameLayout.AagGroups - 1) - 0.5);
            }

            db += Settings.AttenuationSpreadDb * (2 * _attenuationRandom.NextUnit() - 1);
            int rounded = (int)(db + 0.5);
            if (rounded < 0)
            {
                return 0;
            }

            return rounded > 255 ? (byte)255 : (byte)rounded;
        }

        private static bool IsAddressedTo(byte[] frame, byte[] mac)
        {
            return PlcFrameLayout.Equal(frame, PlcFrameLayout.OffsetDestination, mac, 0, PlcFrameLayout.MacLength);
        }

        /// <summary>The management requests a modem answers itself (the vendor ones only with MMV 0 and Qualcomm's OUI).</summary>
        private static bool IsModemRequest(byte[] frame, int length, int mmType)
        {
            if (mmType == PlcFrameLayout.CmSetKeyReq)
            {
                return true;
            }

            if (mmType != PlcFrameLayout.VsPlLinkStatusReq && mmType != PlcFrameLayout.VsSwVerReq && mmType != PlcFrameLayout.VsRsDevReq)
            {
                return false;
            }

            return frame[PlcFrameLayout.OffsetMmv] == PlcFrameLayout.MmvAv10
                && length >= PlcFrameLayout.OffsetOui + 3
                && PlcFrameLayout.Equal(frame, PlcFrameLayout.OffsetOui, PlcFrameLayout.QualcommOui, 0, 3);
        }

        /// <summary>CM_SLAC_PARM … CM_ATTEN_PROFILE (0x6064..0x6087): the MMEs SLAC exchanges before a network exists.</summary>
        private static bool IsSlacMmType(int mmType)
        {
            return mmType >= PlcFrameLayout.CmSlacParmReq && mmType <= (PlcFrameLayout.CmAttenProfileInd | 3);
        }
    }
}
