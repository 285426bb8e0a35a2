using V2G.Firmware.Drivers.Qca7000;
using V2G.Hal.Buses;
using V2G.Sim.Plant.Board;
using V2G.Sim.Plant.Plc;

namespace V2G.UnitTests.Drivers
{
    /// <summary>
    /// The QCA7000 driver on its chip model, with simulated time: the board's thread calls
    /// <see cref="Qca7000Driver.Service(long)"/> every <see cref="StepMs"/>.
    /// </summary>
    public sealed class Qca7000Rig
    {
        /// <summary>The board thread's period in these tests, ms.</summary>
        public const int StepMs = 5;

        /// <summary>The model's reset hold-off in these tests, ms.</summary>
        public const int HoldOffMs = 50;

        public static readonly byte[] HostMac = new byte[] { 0x02, 0x12, 0x34, 0x56, 0x78, 0x9A };

        public readonly SimClock Clock = new SimClock();
        public readonly Qca7000Model Chip;
        public readonly RecordingSpi Spi;
        public readonly Qca7000Driver Driver;
        public readonly byte[] Buffer = new byte[1600];

        /// <summary>Driver on the model, INT wired, every transfer recorded.</summary>
        public Qca7000Rig()
            : this(true, true)
        {
        }

        public Qca7000Rig(bool interruptWired, bool recorded)
        {
            Chip = new Qca7000Model(Clock, HoldOffMs);
            ISpiTransfer spi = Chip;
            if (recorded)
            {
                Spi = new RecordingSpi(Chip);
                spi = Spi;
            }

            Driver = new Qca7000Driver(spi, Clock, HostMac, interruptWired ? Chip : null, new Qca7000Settings());
        }

        /// <summary>
        /// Advances the clock by <paramref name="ms"/>, lets the chip catch up (its INT edge then comes before the
        /// board's thread runs, as it would from the interrupt thread), and services the driver once.
        /// </summary>
        public void Step(int ms)
        {
            Clock.Advance(ms);
            Chip.Update();
            Driver.Service(Clock.NowMs);
        }

        /// <summary>Services the driver every <see cref="StepMs"/> for <paramref name="ms"/>.</summary>
        public void Run(int ms)
        {
            for (int elapsed = 0; elapsed < ms; elapsed += StepMs)
            {
                Step(StepMs);
            }
        }

        /// <summary>Services the driver until it is READY; false if it is not within <paramref name="maxMs"/>.</summary>
        public bool RunUntilReady(int maxMs)
        {
            Driver.Service(Clock.NowMs);
            for (int elapsed = 0; elapsed < maxMs && Driver.SyncState != Qca7000SyncState.Ready; elapsed += StepMs)
            {
                Step(StepMs);
            }

            return Driver.SyncState == Qca7000SyncState.Ready;
        }

        /// <summary>A test frame: broadcast destination, the host's MAC as source, HomePlug ethertype 0x88E1, then a pattern.</summary>
        public static byte[] Frame(int length, int seed)
        {
            byte[] frame = new byte[length];
            for (int i = 0; i < length; i++)
            {
                frame[i] = (byte)(seed + (i * 7));
            }

            for (int i = 0; i < 6 && i < length; i++)
            {
                frame[i] = 0xFF;
                if (6 + i < length)
                {
                    frame[6 + i] = HostMac[i];
                }
            }

            if (length > 13)
            {
                frame[12] = 0x88;
                frame[13] = 0xE1;
            }

            return frame;
        }

        /// <summary>Whether the first <paramref name="length"/> bytes of two arrays are equal.</summary>
        public static bool SameBytes(byte[] expected, byte[] actual, int length)
        {
            if (expected.Length < length || actual.Length < length)
            {
                return false;
            }

            for (int i = 0; i < length; i++)
            {
                if (expected[i] != actual[i])
                {
                    return false;
                }
            }

            return true;
        }
    }
}
