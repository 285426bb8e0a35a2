using V2G.Firmware.Drivers.Mcp2515;
using V2G.Hal.Buses;
using V2G.Sim.Plant.Board;
using V2G.Sim.Plant.Can;

namespace V2G.UnitTests.Drivers.Mcp2515
{
    /// <summary>
    /// The MCP2515 driver on its chip model with simulated time: the board's thread calls
    /// <see cref="Mcp2515Driver.Service(long)"/> every <see cref="StepMs"/>.
    /// </summary>
    public sealed class Mcp2515Rig
    {
        /// <summary>The board thread's period in these tests, ms.</summary>
        public const int StepMs = 1;

        /// <summary>GB/T CHM, charger to BMS [digest §3, S2].</summary>
        public const uint ChmId = 0x1826F456;

        /// <summary>GB/T BHM, BMS to charger [digest §3, S2].</summary>
        public const uint BhmId = 0x182756F4;

        public readonly SimClock Clock = new SimClock();
        public readonly Mcp2515Model Chip;
        public readonly RecordingSpi Spi;
        public readonly Mcp2515Driver Driver;
        public readonly Mcp2515Settings Settings;

        /// <summary>Driver on the model, INT wired, every transfer recorded, default settings.</summary>
        public Mcp2515Rig()
            : this(true, true, null)
        {
        }

        public Mcp2515Rig(bool interruptWired, bool recorded, Mcp2515Settings settings)
        {
            Chip = new Mcp2515Model(Clock);
            ISpiTransfer spi = Chip;
            if (recorded)
            {
                Spi = new RecordingSpi(Chip);
                spi = Spi;
            }

            Settings = settings ?? new Mcp2515Settings();
            Driver = new Mcp2515Driver(spi, interruptWired ? Chip : null, Clock, Settings);
        }

        /// <summary>Initialises the driver at the clock's time.</summary>
        public bool Start()
        {
            return Driver.Initialise(Clock.NowMs);
        }

        /// <summary>Advances the clock by <paramref name="ms"/> and services the driver once.</summary>
        public void Step(int ms)
        {
            Clock.Advance(ms);
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

        /// <summary>An extended frame with <paramref name="length"/> bytes of <paramref name="data"/>.</summary>
        public static CanFrame Frame(uint id, int length, ulong data)
        {
            CanFrame frame = new CanFrame();
            frame.Id = id;
            frame.IsExtended = true;
            frame.Length = length;
            frame.Data = length == 8 ? data : data & ((1UL << (length * 8)) - 1);
            return frame;
        }

        /// <summary>Whether two frames carry the same id, format, length and data.</summary>
        public static bool Same(CanFrame expected, CanFrame actual)
        {
            return expected.Id == actual.Id && expected.IsExtended == actual.IsExtended
                && expected.Length == actual.Length && expected.Data == actual.Data;
        }

        /// <summary>The first recorded transfer at or after <paramref name="from"/> whose first byte is <paramref name="instruction"/> (and second <paramref name="address"/> if not negative), or −1.</summary>
        public int IndexOf(byte instruction, int address, int from)
        {
            for (int i = from; i < Spi.Count; i++)
            {
                byte[] mosi = Spi.Mosi(i);
                if (mosi[0] == instruction && (address < 0 || (mosi.Length > 1 && mosi[1] == address)))
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>Whether recorded transfer <paramref name="index"/> sent exactly <paramref name="expected"/>.</summary>
        public bool Sent(int index, byte[] expected)
        {
            if (index < 0 || index >= Spi.Count)
            {
                return false;
            }

            byte[] mosi = Spi.Mosi(index);
            if (mosi.Length != expected.Length)
            {
                return false;
            }

            for (int i = 0; i < expected.Length; i++)
            {
                if (mosi[i] != expected[i])
                {
                    return false;
                }
            }

            return true;
        }
    }
}
