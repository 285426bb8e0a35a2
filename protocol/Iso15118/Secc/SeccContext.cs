using V2G.Hal.Metering;
using V2G.Hal.Timing;
using V2G.Protocol.Session;
using V2G.Protocol.Text;
using V2G.Protocol.Trace;
using V2G.Protocol.Iso15118.Generated.Iso20;

namespace V2G.Protocol.Iso15118.Secc
{
    /// <summary>
    /// What the state handlers in States/ share: the settings, the controller's port, the session's
    /// data (SessionID, selected service and control mode, the vehicle's limits) and the outputs of a
    /// handler besides its response (next state, a pending answer, the layer of a failure, details
    /// for the log). One instance per <see cref="SeccSession"/>, reused for every message.
    /// </summary>
    public sealed class SeccContext
    {
        /// <summary>Length of an ISO 15118-20 SessionID, bytes.</summary>
        public const int SessionIdLength = 8;

        private static readonly System.DateTime UnixEpoch = new System.DateTime(1970, 1, 1, 0, 0, 0);

        private readonly System.Random _random;
        private readonly TextBuffer _discardedDetails;

        public SeccContext(SeccSettings settings, IEvSessionPort port, int detailCapacity)
        {
            if (settings == null || port == null)
            {
                throw new System.ArgumentNullException();
            }

            Settings = settings;
            Port = port;
            ResponseDetails = new TextBuffer(detailCapacity);
            _discardedDetails = new TextBuffer(detailCapacity);
            RequestDetails = _discardedDetails;
            _random = new System.Random();
            EvLimits.BatteryCapacityWh = 0;
            SocPercent = double.NaN;
            EnergyNeeds.Clear();
        }

        public SeccSettings Settings { get; }

        /// <summary>The controller: every step goes through it.</summary>
        public IEvSessionPort Port { get; }

        /// <summary>The energy meter for MeterInfo (optional).</summary>
        public IEnergyMeter Meter;

        /// <summary>Calendar time for header time stamps (optional; without it the request's time stamp is echoed).</summary>
        public IWallClock WallClock;

        // ------------------------------------------------------------------ the session's data

        /// <summary>Where the session is.</summary>
        public SeccState State;

        /// <summary>The session's ID (valid when <see cref="HasSession"/>).</summary>
        public readonly byte[] SessionId = new byte[SessionIdLength];

        /// <summary>A session was set up (new or joined) and not ended.</summary>
        public bool HasSession;

        /// <summary>The session was paused (SessionStop Pause): a SessionSetup with its ID joins it.</summary>
        public bool IsPaused;

        /// <summary>DC_BPT (ServiceID 6) was selected: discharge limits count.</summary>
        public bool BidirectionalSelected;

        /// <summary>The control mode selected with the energy transfer service.</summary>
        public SeccControlMode ControlMode;

        /// <summary>PowerDelivery Start was answered OK: stopping needs StopEnergyTransfer.</summary>
        public bool EnergyTransferStarted;

        /// <summary>The vehicle's limits as last given to the port (discharge limits as magnitudes).</summary>
        public EvLimits EvLimits;

        /// <summary>The vehicle's last reported state of charge, % (NaN until reported).</summary>
        public double SocPercent;

        /// <summary>The vehicle's SoC window, departure and energy requests as last told (unknown values NaN); see <see cref="SeccEnergyNeeds"/>.</summary>
        public EvEnergyNeeds EnergyNeeds;

        // ------------------------------------------------------------------ per request

        /// <summary>Monotonic time of the request being handled, ms.</summary>
        public long NowMs;

        /// <summary>The TimeStamp of the request being handled (echoed when there is no wall clock).</summary>
        public ulong RequestTimeStamp;

        /// <summary>True when the handler is called again for a request it left pending, or repeated (Ongoing).</summary>
        public bool IsRepeat;

        /// <summary>Set by a handler: no answer yet; it is called again at the next poll with the same request.</summary>
        public bool AnswerPending;

        /// <summary>When the request now pending first arrived, ms.</summary>
        public long PendingSinceMs;

        /// <summary>When the running Ongoing step (authorization, cable check) was first answered Ongoing, ms; −1 if none.</summary>
        public long OngoingSinceMs = -1;

        /// <summary>Set by a handler with a FAILED code: which layer refused (Session by default, Controller for the port).</summary>
        public FailureLayer FailureLayer;

        /// <summary>Set by a handler: close the connection this long after the answer, ms; −1 to keep it.</summary>
        public int CloseAfterMs = -1;

        /// <summary>Key fields of the request, written by its handler (a throwaway buffer on repeats).</summary>
        public TextBuffer RequestDetails;

        /// <summary>Key fields of the response besides its ResponseCode, written by the handler.</summary>
        public readonly TextBuffer ResponseDetails;

        /// <summary>Scratch for port calls, so handlers need no locals of struct type on the hot path.</summary>
        public ChargerPresentValues PresentValues;

        /// <summary>Scratch for port calls.</summary>
        public ChargerLimits ChargerLimits;

        /// <summary>Scratch for port calls.</summary>
        public EvStatus EvStatus;

        /// <summary>Prepares for a new request.</summary>
        public void BeginRequest(long nowMs, bool repeat, TextBuffer requestDetails)
        {
            NowMs = nowMs;
            IsRepeat = repeat;
            AnswerPending = false;
            FailureLayer = FailureLayer.Session;
            CloseAfterMs = -1;
            ResponseDetails.Clear();
            _discardedDetails.Clear();
            RequestDetails = requestDetails ?? _discardedDetails;
        }

        /// <summary>Forgets everything of the session (a new one, or after it ended).</summary>
        public void ResetSession()
        {
            HasSession = false;
            IsPaused = false;
            BidirectionalSelected = false;
            ControlMode = SeccControlMode.None;
            EnergyTransferStarted = false;
            EvLimits = default(EvLimits);
            SocPercent = double.NaN;
            EnergyNeeds.Clear();
            OngoingSinceMs = -1;
            for (int i = 0; i < SessionIdLength; i++)
            {
                SessionId[i] = 0;
            }
        }

        /// <summary>A fresh random SessionID, never all zero (zero asks for a new session).</summary>
        public void NewSessionId()
        {
            bool zero = true;
            while (zero)
            {
                _random.NextBytes(SessionId);
                for (int i = 0; i < SessionIdLength; i++)
                {
                    zero &= SessionId[i] == 0;
                }
            }
        }

        /// <summary>True if <paramref name="id"/> (the first <paramref name="length"/> bytes) is the session's ID.</summary>
        public bool IsSessionId(byte[] id, int length)
        {
            if (!HasSession || length != SessionIdLength)
            {
                return false;
            }

            for (int i = 0; i < SessionIdLength; i++)
            {
                if (id[i] != SessionId[i])
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Seconds since 1970 for header time stamps: the wall clock if set, else the request's own.</summary>
        public ulong TimeStamp()
        {
            if (WallClock != null && WallClock.IsSet)
            {
                long seconds = (WallClock.UtcNow - UnixEpoch).Ticks / System.TimeSpan.TicksPerSecond;
                return seconds > 0 ? (ulong)seconds : 0;
            }

            return RequestTimeStamp;
        }

        /// <summary>Fills a response header: the session's ID (zeros before one exists) and the time stamp.</summary>
        public void FillHeader(MessageHeaderType header)
        {
            CopySessionId(header.SessionID.Bytes);
            header.SessionID.Length = SessionIdLength;
            header.TimeStamp = TimeStamp();
            header.HasSignature = false;
        }

        /// <summary>Marks the start of an Ongoing step; returns how long it has been Ongoing, ms.</summary>
        public long OngoingForMs()
        {
            if (OngoingSinceMs < 0)
            {
                OngoingSinceMs = NowMs;
            }

            return NowMs - OngoingSinceMs;
        }

        /// <summary>Ends the Ongoing step (it finished or failed).</summary>
        public void EndOngoing()
        {
            OngoingSinceMs = -1;
        }

        /// <summary>
        /// The answer to a request the vehicle repeats while the controller's step is Ongoing
        /// (Authorization, DC_CableCheck): OK with EVSEProcessing Finished once the step finished, OK with
        /// Ongoing while it runs within <paramref name="ongoingLimitMs"/>, FAILED when the controller
        /// refused it (layer controller) or it ran past the limit (layer session).
        /// </summary>
        public ResponseCodeType AnswerRepeatedStep(StepStatus status, int ongoingLimitMs, out ProcessingType processing)
        {
            processing = ProcessingType.Finished;
            ResponseCodeType code;
            if (status == StepStatus.Finished)
            {
                EndOngoing();
                code = ResponseCodeType.OK;
            }
            else if (status == StepStatus.Ongoing && OngoingForMs() < ongoingLimitMs)
            {
                processing = ProcessingType.Ongoing;
                code = ResponseCodeType.OK;
            }
            else
            {
                EndOngoing();
                FailureLayer = status == StepStatus.Failed ? FailureLayer.Controller : FailureLayer.Session;
                Detail(ResponseDetails, "reason", status == StepStatus.Failed ? "refused" : "ongoing_limit");
                code = ResponseCodeType.FAILED;
            }

            Detail(ResponseDetails, "EVSEProcessing", processing == ProcessingType.Ongoing ? "Ongoing" : "Finished");
            return code;
        }

        /// <summary>Logs a value with its unit into <paramref name="details"/>, e.g. " EVTargetVoltage=398.5 V".</summary>
        public static void Detail(TextBuffer details, string name, double value, string unit)
        {
            if (details.Length > 0)
            {
                details.Append(' ');
            }

            details.Append(name).Append('=').Append(value, 1);
            if (unit != null)
            {
                details.Append(' ').Append(unit);
            }
        }

        /// <summary>Logs an integer into <paramref name="details"/>, e.g. " ServiceID=6".</summary>
        public static void Detail(TextBuffer details, string name, long value)
        {
            if (details.Length > 0)
            {
                details.Append(' ');
            }

            details.Append(name).Append('=').Append(value);
        }

        /// <summary>Logs a name and a text value into <paramref name="details"/>, e.g. " ChargeProgress=Stop".</summary>
        public static void Detail(TextBuffer details, string name, string value)
        {
            if (details.Length > 0)
            {
                details.Append(' ');
            }

            details.Append(name).Append('=').Append(value);
        }

        private void CopySessionId(byte[] target)
        {
            for (int i = 0; i < SessionIdLength; i++)
            {
                target[i] = HasSession ? SessionId[i] : (byte)0;
            }
        }
    }
}
