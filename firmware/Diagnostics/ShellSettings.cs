using V2G.Protocol.Slac;

namespace V2G.Firmware.Diagnostics
{
    /// <summary>
    /// The shell's secrets and login limits. On a board the device secret and the PIN hash come from its
    /// non-volatile store; the PIN itself is never kept, only SHA-256(device secret ‖ PIN as ASCII), so a
    /// dump of the store does not give the PIN away without the secret.
    /// </summary>
    public sealed class ShellSettings
    {
        /// <summary>Failed logins before a lockout.</summary>
        public const int DefaultMaxFailedLogins = 5;

        /// <summary>First lockout, ms (doubles with every further lockout up to <see cref="DefaultMaxLockoutMs"/>).</summary>
        public const long DefaultLockoutMs = 60000;

        /// <summary>Longest lockout, ms (15 min).</summary>
        public const long DefaultMaxLockoutMs = 900000;

        /// <summary>Automatic logout after this long without input, ms (10 min).</summary>
        public const long DefaultIdleLogoutMs = 600000;

        /// <summary>Shortest and longest PIN, digits.</summary>
        public const int MinPinDigits = 4;

        /// <summary>Longest PIN, digits.</summary>
        public const int MaxPinDigits = 12;

        /// <summary>Settings with the device <paramref name="deviceSecret"/> and no PIN (challenge-response only).</summary>
        public ShellSettings(byte[] deviceSecret)
        {
            if (deviceSecret == null || deviceSecret.Length == 0)
            {
                throw new System.ArgumentException("deviceSecret");
            }

            DeviceSecret = deviceSecret;
        }

        /// <summary>The per-device secret: the key of the challenge-response login and the PIN hash's salt.</summary>
        public byte[] DeviceSecret { get; }

        /// <summary>SHA-256(device secret ‖ PIN), or null when no PIN is set (PIN login then refused).</summary>
        public byte[] PinHash { get; set; }

        /// <summary>Failed logins before a lockout (5).</summary>
        public int MaxFailedLogins { get; set; } = DefaultMaxFailedLogins;

        /// <summary>First lockout, ms (60 s).</summary>
        public long LockoutMs { get; set; } = DefaultLockoutMs;

        /// <summary>Longest lockout, ms (15 min).</summary>
        public long MaxLockoutMs { get; set; } = DefaultMaxLockoutMs;

        /// <summary>Automatic logout after this long without input, ms (10 min).</summary>
        public long IdleLogoutMs { get; set; } = DefaultIdleLogoutMs;

        /// <summary>True if <paramref name="pin"/> is 4 to 12 ASCII digits.</summary>
        public static bool IsValidPin(string pin)
        {
            if (pin == null || pin.Length < MinPinDigits || pin.Length > MaxPinDigits)
            {
                return false;
            }

            for (int i = 0; i < pin.Length; i++)
            {
                if (pin[i] < '0' || pin[i] > '9')
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>SHA-256(<paramref name="deviceSecret"/> ‖ <paramref name="pin"/> as ASCII): what the store keeps.</summary>
        public static byte[] HashPin(byte[] deviceSecret, string pin)
        {
            byte[] data = new byte[deviceSecret.Length + pin.Length];
            for (int i = 0; i < deviceSecret.Length; i++)
            {
                data[i] = deviceSecret[i];
            }

            for (int i = 0; i < pin.Length; i++)
            {
                data[deviceSecret.Length + i] = (byte)pin[i];
            }

            byte[] digest = new byte[Sha256.DigestLength];
            new Sha256().Compute(data, 0, data.Length, digest);
            return digest;
        }

        /// <summary>Sets the technician PIN (4–12 digits), keeping only its salted hash.</summary>
        public void SetPin(string pin)
        {
            if (!IsValidPin(pin))
            {
                throw new System.ArgumentException("pin must be 4 to 12 digits");
            }

            PinHash = HashPin(DeviceSecret, pin);
        }
    }
}
