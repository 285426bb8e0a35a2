namespace V2G.Hal.Board
{
    /// <summary>
    /// A board's pin map as data: which pin does what, and which pins the MCU module keeps for itself
    /// (flash, PSRAM, the debugger's UART, on-board Ethernet). The board's Program wires the HAL from
    /// it; <see cref="FirstProblem"/> is what the tests (and a board at start-up) check.
    /// </summary>
    public sealed class BoardPinMap
    {
        private readonly PinAssignment[] _assignments;
        private readonly int[] _reservedPins;

        /// <summary>Creates a map of a board with both connectors (<see cref="BoardConnectors.CcsAndGbt"/>); the arrays are copied.</summary>
        /// <param name="boardName">The reference board (e.g. "NUCLEO-F746ZG").</param>
        /// <param name="mcuModule">The MCU or module.</param>
        /// <param name="firmwareTarget">The nanoFramework target name nanoff flashes.</param>
        /// <param name="assignments">The bound functions.</param>
        /// <param name="reservedPins">Pin numbers the module or board uses itself and the application must not.</param>
        public BoardPinMap(string boardName, string mcuModule, string firmwareTarget, PinAssignment[] assignments, int[] reservedPins)
            : this(boardName, mcuModule, firmwareTarget, BoardConnectors.CcsAndGbt, assignments, reservedPins)
        {
        }

        /// <summary>Creates a map of a board built for <paramref name="connectors"/>; the arrays are copied.</summary>
        /// <param name="boardName">The reference board (e.g. "ESP32-DevKitC-32E").</param>
        /// <param name="mcuModule">The MCU or module (e.g. "ESP32-WROOM-32E").</param>
        /// <param name="firmwareTarget">The nanoFramework target name nanoff flashes (e.g. "ESP32_REV3").</param>
        /// <param name="connectors">The vehicle connectors the map was drawn for.</param>
        /// <param name="assignments">The bound functions.</param>
        /// <param name="reservedPins">Pin numbers the module or board uses itself and the application must not.</param>
        public BoardPinMap(string boardName, string mcuModule, string firmwareTarget, BoardConnectors connectors, PinAssignment[] assignments, int[] reservedPins)
        {
            Connectors = connectors;
            BoardName = boardName;
            McuModule = mcuModule;
            FirmwareTarget = firmwareTarget;
            _assignments = new PinAssignment[assignments.Length];
            for (int i = 0; i < assignments.Length; i++)
            {
                _assignments[i] = assignments[i];
            }

            _reservedPins = new int[reservedPins.Length];
            for (int i = 0; i < reservedPins.Length; i++)
            {
                _reservedPins[i] = reservedPins[i];
            }
        }

        /// <summary>The reference board.</summary>
        public string BoardName { get; }

        /// <summary>The MCU or module on it.</summary>
        public string McuModule { get; }

        /// <summary>The nanoFramework firmware target for <c>nanoff --target</c>.</summary>
        public string FirmwareTarget { get; }

        /// <summary>The vehicle connectors the map was drawn for; the wiring builds only their drivers.</summary>
        public BoardConnectors Connectors { get; }

        /// <summary>True if the map was drawn for <paramref name="connector"/> (one flag or several, all needed).</summary>
        public bool Has(BoardConnectors connector)
        {
            return connector != BoardConnectors.None && (Connectors & connector) == connector;
        }

        /// <summary>Number of assignments.</summary>
        public int Count => _assignments.Length;

        /// <summary>Number of reserved pins.</summary>
        public int ReservedCount => _reservedPins.Length;

        /// <summary>The assignment at <paramref name="index"/>, in the order given.</summary>
        public PinAssignment Get(int index) => _assignments[index];

        /// <summary>The reserved pin number at <paramref name="index"/>.</summary>
        public int GetReserved(int index) => _reservedPins[index];

        /// <summary>The assignment of <paramref name="function"/>, or null if the board does not bind it.</summary>
        public PinAssignment Find(PinFunction function)
        {
            for (int i = 0; i < _assignments.Length; i++)
            {
                if (_assignments[i].Function == function)
                {
                    return _assignments[i];
                }
            }

            return null;
        }

        /// <summary>The pin number of <paramref name="function"/>, or -1 if unbound.</summary>
        public int PinOf(PinFunction function)
        {
            PinAssignment assignment = Find(function);
            return assignment == null ? -1 : assignment.PinNumber;
        }

        /// <summary>True if <paramref name="pinNumber"/> is one the module or board keeps for itself.</summary>
        public bool IsReserved(int pinNumber)
        {
            for (int i = 0; i < _reservedPins.Length; i++)
            {
                if (_reservedPins[i] == pinNumber)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The first thing wrong with the map, as a sentence, or null: no connector, a function bound twice,
        /// a function that serves none of the map's connectors (a pin drawn for the other variant), a pin used
        /// by two functions (except the same SPI line of the same bus, which the chips on that bus share), a
        /// reserved pin used, or a function the connectors require
        /// (<see cref="PinFunctions.IsRequired(PinFunction, BoardConnectors)"/>) unbound.
        /// </summary>
        public string FirstProblem()
        {
            if ((Connectors & BoardConnectors.CcsAndGbt) == BoardConnectors.None)
            {
                return "the map is drawn for no connector";
            }

            for (int i = 0; i < _assignments.Length; i++)
            {
                PinAssignment a = _assignments[i];
                if (a.Function == PinFunction.None)
                {
                    return "entry " + i.ToString() + " has no function";
                }

                if (!PinFunctions.Serves(a.Function, Connectors))
                {
                    return PinFunctions.Name(a.Function) + " is bound but serves none of the board's connectors";
                }

                if (IsReserved(a.PinNumber))
                {
                    return PinFunctions.Name(a.Function) + " uses reserved pin " + a.PinName;
                }

                for (int j = i + 1; j < _assignments.Length; j++)
                {
                    PinAssignment b = _assignments[j];
                    if (a.Function == b.Function)
                    {
                        return PinFunctions.Name(a.Function) + " is bound twice";
                    }

                    if (a.PinNumber == b.PinNumber && !MayShare(a, b))
                    {
                        return "pin " + a.PinName + " is used by both " + PinFunctions.Name(a.Function) + " and " + PinFunctions.Name(b.Function);
                    }
                }
            }

            PinFunction[] all = PinFunctions.All();
            for (int i = 0; i < all.Length; i++)
            {
                if (PinFunctions.IsRequired(all[i], Connectors) && Find(all[i]) == null)
                {
                    return PinFunctions.Name(all[i]) + " is not bound";
                }
            }

            return null;
        }

        private static bool MayShare(PinAssignment a, PinAssignment b)
        {
            int kind = PinFunctions.BusLineKind(a.Function);
            return kind != PinFunctions.NotABusLine
                && kind == PinFunctions.BusLineKind(b.Function)
                && a.BusInstance == b.BusInstance;
        }
    }
}
