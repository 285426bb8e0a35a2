using System;

namespace V2G.Hal.Board
{
    /// <summary>
    /// The vehicle connectors a board is built for. A board may carry one or both; which pin functions it
    /// must bind follows from them (<see cref="PinFunctions.IsRequired(PinFunction, BoardConnectors)"/>).
    /// </summary>
    [Flags]
    public enum BoardConnectors
    {
        /// <summary>No connector: not a valid board.</summary>
        None = 0,

        /// <summary>CCS (IEC 61851 control pilot, ISO 15118 / DIN 70121 over HomePlug Green PHY).</summary>
        Ccs = 1,

        /// <summary>GB/T 20234.3 with GB/T 27930 over CAN.</summary>
        Gbt = 2,

        /// <summary>Both connectors on one board.</summary>
        CcsAndGbt = Ccs | Gbt,
    }
}
