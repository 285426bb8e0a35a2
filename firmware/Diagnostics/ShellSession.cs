using V2G.Hal.Security;

namespace V2G.Firmware.Diagnostics
{
    /// <summary>
    /// Who is at the shell: read-only until a login with the technician PIN or with the response to a
    /// challenge (the first 16 hex digits of HMAC-SHA256(device secret, challenge as its 16 ASCII hex
    /// digits)), which a service tool holding the secret computes so the secret never crosses the wire.
    /// Repeated failures lock logins out for a time that doubles with every lockout (guessing a 4-digit
    /// PIN then takes days); a session left alone logs itself out.
    /// </summary>
    public sealed class ShellSession
    {
        /// <summary>Hex digits of a challenge and of a response.</summary>
        public const int ChallengeHexDigits = 16;

        /// <summary>How long a challenge can be answered, ms.</summary>
        public const long ChallengeValidityMs = 300000;

        private static readonly char[] Hex = { '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'A', 'B', 'C', 'D', 'E', 'F' };

        private readonly ShellSettings _settings;
        private readonly IEntropySource _entropy;
        private readonly HmacSha256 _hmac = new HmacSha256();
        private readonly byte[] _random = new byte[ChallengeHexDigits / 2];
        private readonly byte[] _challengeAscii = new byte[ChallengeHexDigits];
        private readonly byte[] _mac = new byte[HmacSha256.MacLength];
        private readonly char[] _chars = new char[ChallengeHexDigits];
        private long _challengeIssuedMs;
        private long _lastInputMs;
        private long _lockedUntilMs;
        private bool _locked;

        /// <summary>A read-only session checking logins against <paramref name="settings"/>; <paramref name="entropy"/> makes challenges (null: PIN only).</summary>
        public ShellSession(ShellSettings settings, IEntropySource entropy)
        {
            if (settings == null)
            {
                throw new System.ArgumentNullException("settings");
            }

            _settings = settings;
            _entropy = entropy;
        }

        /// <summary>The role now.</summary>
        public ShellRole Role { get; private set; }

        /// <summary>True while a technician is logged in.</summary>
        public bool IsLoggedIn => Role == ShellRole.Technician;

        /// <summary>The outstanding challenge (16 upper-case hex digits), or null.</summary>
        public string Challenge { get; private set; }

        /// <summary>Failures since the last success or lockout.</summary>
        public int FailedLogins { get; private set; }

        /// <summary>Failures left before the next lockout.</summary>
        public int AttemptsLeft => _settings.MaxFailedLogins - FailedLogins;

        /// <summary>Lockouts since the last success (each doubles the next one's length).</summary>
        public int Lockouts { get; private set; }

        /// <summary>Successful logins since start.</summary>
        public long LoginsAccepted { get; private set; }

        /// <summary>Failed logins since start.</summary>
        public long LoginsRejected { get; private set; }

        /// <summary>How the current session logged in: "pin", "challenge", or null.</summary>
        public string Method { get; private set; }

        /// <summary>True while logins are refused.</summary>
        public bool IsLockedOut(long nowMs)
        {
            return _locked && nowMs < _lockedUntilMs;
        }

        /// <summary>Time left of the lockout, ms (0 if none).</summary>
        public long LockoutRemainingMs(long nowMs)
        {
            return IsLockedOut(nowMs) ? _lockedUntilMs - nowMs : 0;
        }

        /// <summary>The length the next lockout will have, ms: <see cref="ShellSettings.LockoutMs"/> doubled per earlier lockout, capped.</summary>
        public long NextLockoutMs
        {
            get
            {
                long ms = _settings.LockoutMs;
                for (int i = 0; i < Lockouts && ms < _settings.MaxLockoutMs; i++)
                {
                    ms *= 2;
                }

                return ms < _settings.MaxLockoutMs ? ms : _settings.MaxLockoutMs;
            }
        }

        /// <summary>Makes a new challenge (replacing any outstanding one); null if there is no entropy source.</summary>
        public string IssueChallenge(long nowMs)
        {
            if (_entropy == null)
            {
                return null;
            }

            _entropy.Fill(_random, 0, _random.Length);
            for (int i = 0; i < _random.Length; i++)
            {
                _chars[2 * i] = Hex[_random[i] >> 4];
                _chars[2 * i + 1] = Hex[_random[i] & 0xF];
            }

            for (int i = 0; i < ChallengeHexDigits; i++)
            {
                _challengeAscii[i] = (byte)_chars[i];
            }

            _challengeIssuedMs = nowMs;
            Challenge = new string(_chars);
            return Challenge;
        }

        /// <summary>The response a tool holding <paramref name="deviceSecret"/> gives to <paramref name="challenge"/> (16 lower-case hex digits).</summary>
        public static string ResponseFor(byte[] deviceSecret, string challenge)
        {
            byte[] message = new byte[challenge.Length];
            for (int i = 0; i < message.Length; i++)
            {
                message[i] = (byte)challenge[i];
            }

            byte[] mac = new byte[HmacSha256.MacLength];
            new HmacSha256().Compute(deviceSecret, message, 0, message.Length, mac);
            char[] chars = new char[ChallengeHexDigits];
            const string lower = "0123456789abcdef";
            for (int i = 0; i < ChallengeHexDigits / 2; i++)
            {
                chars[2 * i] = lower[mac[i] >> 4];
                chars[2 * i + 1] = lower[mac[i] & 0xF];
            }

            return new string(chars);
        }

        /// <summary>
        /// Checks <paramref name="credential"/>: a PIN (4–12 digits) or the response to the outstanding
        /// challenge (16 hex digits, either case; a challenge is good for one response).
        /// </summary>
        public ShellLoginResult Login(string credential, long nowMs)
        {
            if (IsLockedOut(nowMs))
            {
                return ShellLoginResult.LockedOut;
            }

            _locked = false;
            bool accepted;
            if (ShellSettings.IsValidPin(credential))
            {
                if (_settings.PinHash == null)
                {
                    return ShellLoginResult.NoPin;
                }

                accepted = SameBytes(ShellSettings.HashPin(_settings.DeviceSecret, credential), _settings.PinHash, _settings.PinHash.Length);
                if (accepted)
                {
                    Method = "pin";
                }
            }
            else if (IsHex(credential, ChallengeHexDigits))
            {
                if (Challenge == null || nowMs - _challengeIssuedMs > ChallengeValidityMs)
                {
                    Challenge = null;
                    return ShellLoginResult.NoChallenge;
                }

                _hmac.Compute(_settings.DeviceSecret, _challengeAscii, 0, ChallengeHexDigits, _mac);
                Challenge = null;
                accepted = MatchesHex(credential, _mac);
                if (accepted)
                {
                    Method = "challenge";
                }
            }
            else
            {
                return ShellLoginResult.Malformed;
            }

            if (accepted)
            {
                Role = ShellRole.Technician;
                FailedLogins = 0;
                Lockouts = 0;
                LoginsAccepted++;
                _lastInputMs = nowMs;
                return ShellLoginResult.Accepted;
            }

            LoginsRejected++;
            FailedLogins++;
            if (FailedLogins < _settings.MaxFailedLogins)
            {
                return ShellLoginResult.Rejected;
            }

            _lockedUntilMs = nowMs + NextLockoutMs;
            _locked = true;
            Lockouts++;
            FailedLogins = 0;
            return ShellLoginResult.RejectedAndLockedOut;
        }

        /// <summary>Back to read-only.</summary>
        public void Logout()
        {
            Role = ShellRole.ReadOnly;
            Method = null;
        }

        /// <summary>Notes input from the technician (restarts the idle timer).</summary>
        public void NoteInput(long nowMs)
        {
            _lastInputMs = nowMs;
        }

        /// <summary>Logs out a session idle for <see cref="ShellSettings.IdleLogoutMs"/>; true if it did so now.</summary>
        public bool ExpireIfIdle(long nowMs)
        {
            if (!IsLoggedIn || nowMs - _lastInputMs < _settings.IdleLogoutMs)
            {
                return false;
            }

            Logout();
            return true;
        }

        private static bool IsHex(string s, int length)
        {
            if (s == null || s.Length != length)
            {
                return false;
            }

            for (int i = 0; i < s.Length; i++)
            {
                if (HexText.DigitValue(s[i]) < 0)
                {
                    return false;
                }
            }

            return true;
        }

        // Compares every byte whatever the first difference, so the time taken says nothing about where it is.
        private static bool MatchesHex(string hex, byte[] mac)
        {
            int difference = 0;
            for (int i = 0; i < hex.Length / 2; i++)
            {
                int b = (HexText.DigitValue(hex[2 * i]) << 4) | HexText.DigitValue(hex[2 * i + 1]);
                difference |= b ^ mac[i];
            }

            return difference == 0;
        }

        private static bool SameBytes(byte[] a, byte[] b, int count)
        {
            if (a.Length < count || b.Length < count)
            {
                return false;
            }

            int difference = 0;
            for (int i = 0; i < count; i++)
            {
                difference |= a[i] ^ b[i];
            }

            return difference == 0;
        }
    }
}
