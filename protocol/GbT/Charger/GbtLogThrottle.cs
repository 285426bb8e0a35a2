namespace V2G.Protocol.GbT.Charger
{
    /// <summary>
    /// Decides which frames go into the session's message log, so that the log ring holds a whole
    /// session: a message is logged when its content changes, and a measurement message (BCL, BCS,
    /// CCS, BSM, BMV, BMT, BSP) at most once per <see cref="MeasurementIntervalMs"/> even if it changes
    /// every period. Preallocated per PF and direction; allocates nothing.
    /// </summary>
    internal sealed class GbtLogThrottle
    {
        /// <summary>A measurement message is logged at most this often, ms.</summary>
        public const int MeasurementIntervalMs = 1000;

        private const int Slots = 256;

        private readonly long[] _lastMs = new long[Slots * 2];
        private readonly uint[] _lastHash = new uint[Slots * 2];
        private readonly bool[] _logged = new bool[Slots * 2];

        /// <summary>True if the frame should be logged now; records it as logged if so.</summary>
        public bool ShouldLog(bool sent, int pf, byte[] payload, int length, long nowMs)
        {
            int slot = (pf & 0xFF) + (sent ? Slots : 0);
            uint hash = Hash(payload, length);
            if (_logged[slot])
            {
                if (hash == _lastHash[slot])
                {
                    return false;
                }

                if (IsMeasurement(pf) && nowMs - _lastMs[slot] < MeasurementIntervalMs)
                {
                    return false;
                }
            }

            _logged[slot] = true;
            _lastHash[slot] = hash;
            _lastMs[slot] = nowMs;
            return true;
        }

        /// <summary>Forgets what was logged (a new session), so its first frames are logged again.</summary>
        public void Reset()
        {
            for (int i = 0; i < _logged.Length; i++)
            {
                _logged[i] = false;
            }
        }

        private static bool IsMeasurement(int pf)
        {
            switch (pf)
            {
                case GbtPf.Bcl:
                case GbtPf.Bcs:
                case GbtPf.Ccs:
                case GbtPf.Bsm:
                case GbtPf.Bmv:
                case GbtPf.Bmt:
                case GbtPf.Bsp:
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>FNV-1a over the payload and its length.</summary>
        private static uint Hash(byte[] payload, int length)
        {
            uint hash = 2166136261;
            int n = payload == null ? 0 : (length < payload.Length ? length : payload.Length);
            for (int i = 0; i < n; i++)
            {
                hash = (hash ^ payload[i]) * 16777619;
            }

            return (hash ^ (uint)length) * 16777619;
        }
    }
}
