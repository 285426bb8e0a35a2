// Device-only (nanoFramework): compiled by boards/esp32 and boards/stm32.
namespace V2G.Boards.Device
{
    /// <summary>
    /// Where the software watchdog leaves word, just before it reboots the board, that it did so: something that
    /// survives a reset (a file, backup RAM). Optional: without one the next boot cannot tell a watchdog reset.
    /// </summary>
    public interface IResetMarker
    {
        /// <summary>True if the marker was set before this boot; clears it.</summary>
        bool ReadAndClear();

        /// <summary>Sets the marker (called just before the reboot; must not throw).</summary>
        void Set();
    }
}
