// Device-only (nanoFramework).
// System.Random is what the runtime offers managed code (CoreLibrary 1.17.11: Random(), NextBytes(byte[])). Its native
// side is per target (nanoframework/nf-interpreter): on ESP32 targets/ESP32/_nanoCLR/targetRandom.cpp returns
// esp_random(), the chip's hardware generator; on the ChibiOS STM32 targets targets/ChibiOS/_nanoCLR/targetRandom.cpp
// uses the STM32 RNG peripheral (HAL_NF_USE_STM32_RNG) or a TRNG driver and refuses to build without one. Only the
// generic fallback (src/CLR/Core/Random.cpp, srand(time) + rand()) is not a hardware source; a target that uses it is
// not fit for keys. Which file a given firmware image links is a device-build check (README).
// ESP32 caveat (ESP-IDF programming guide, "Random Number Generation"): esp_random() is truly random only while the RF
// subsystem (Wi-Fi/Bluetooth) or another entropy source is enabled, pseudo-random otherwise; draw keys only after
// Wi-Fi has been started.
using System;
using V2G.Hal.Security;

namespace V2G.Boards.Device
{
    /// <summary>
    /// Random bytes from the runtime's System.Random, which on the ESP32 and STM32 targets reads the MCU's hardware
    /// generator (see the file comment). NextBytes fills a whole array, so bytes go through a scratch buffer.
    /// </summary>
    public sealed class NanoEntropySource : IEntropySource
    {
        private const int ScratchBytes = 32;

        private readonly Random _random = new Random();
        private readonly byte[] _scratch = new byte[ScratchBytes];
        private readonly object _gate = new object();

        /// <inheritdoc />
        public void Fill(byte[] buffer, int offset, int count)
        {
            if (buffer == null)
            {
                throw new ArgumentNullException("buffer");
            }

            if (offset < 0 || count < 0 || offset + count > buffer.Length)
            {
                throw new ArgumentOutOfRangeException("count");
            }

            lock (_gate)
            {
                while (count > 0)
                {
                    _random.NextBytes(_scratch);
                    int chunk = count < ScratchBytes ? count : ScratchBytes;
                    Array.Copy(_scratch, 0, buffer, offset, chunk);
                    offset += chunk;
                    count -= chunk;
                }

                Array.Clear(_scratch, 0, ScratchBytes);
            }
        }
    }
}
