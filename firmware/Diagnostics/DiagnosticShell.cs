using V2G.Firmware.Diagnostics.Log;
using V2G.Hal.Comms;

namespace V2G.Firmware.Diagnostics
{
    /// <summary>
    /// The serial diagnostics shell: a line-oriented console on a UART of its own, for a technician in a
    /// terminal (human mode) or a service tool (machine mode). It runs on its own thread (on the simulator,
    /// in the lockstep's thread) and is built never to get in the way of control: <see cref="Poll"/> never
    /// blocks, reads a bounded number of bytes, runs at most one command step, writes at most
    /// <see cref="MaxBytesPerPoll"/> bytes; long output streams over successive polls through a ring of
    /// <see cref="OutputRingBytes"/>; a command that throws is reported and logged, and the shell goes on.
    /// Commands change the controller only through its thread-safe requests.
    /// </summary>
    public sealed class DiagnosticShell
    {
        /// <summary>Most bytes written to the UART per poll.</summary>
        public const int MaxBytesPerPoll = 512;

        /// <summary>The output ring's size, bytes.</summary>
        public const int OutputRingBytes = 4096;

        /// <summary>A command step runs only while at least this much of the ring is free (one machine line).</summary>
        public const int MinFreeForStepBytes = ShellReply.MachineBufferBytes;

        /// <summary>Most bytes read from the UART per poll (more wait in the UART's own buffer).</summary>
        public const int InputBytesPerPoll = 256;

        /// <summary>The first line in human mode.</summary>
        public const string Banner = "V2G charger diagnostics \u2014 type help";

        /// <summary>The prompt of a read-only session.</summary>
        public const string ReadOnlyPrompt = "v2g> ";

        /// <summary>The prompt of a technician's session.</summary>
        public const string TechnicianPrompt = "v2g# ";

        private const byte CtrlC = 0x03;

        private readonly ISerialPort _port;
        private readonly ShellOutputRing _out;
        private readonly ShellLineEditor _editor;
        private readonly ShellReply _reply;
        private readonly ShellContext _context;
        private readonly ShellArgs _args = new ShellArgs();
        private readonly IShellCommand[] _commands;
        private readonly string[] _names;
        private readonly ShellHelpCommand _help;
        private readonly byte[] _input = new byte[InputBytesPerPoll];
        private int _inputStart;
        private int _inputCount;
        private IShellCommand _running;
        private bool _started;
        private bool _modePending;
        private ShellMode _nextMode;

        /// <summary>
        /// A shell over <paramref name="port"/> running <paramref name="commands"/> (plus the built-ins help,
        /// login, logout and mode) with <paramref name="services"/>; logins are checked against <paramref name="settings"/>.
        /// </summary>
        public DiagnosticShell(ShellSettings settings, ISerialPort port, IShellCommand[] commands, ShellServices services)
        {
            if (settings == null)
            {
                throw new System.ArgumentNullException("settings");
            }

            if (port == null)
            {
                throw new System.ArgumentNullException("port");
            }

            _port = port;
            services = services ?? new ShellServices();
            _out = new ShellOutputRing(OutputRingBytes, MaxBytesPerPoll);
            _reply = new ShellReply(_out);
            _editor = new ShellLineEditor(_out);
            Session = new ShellSession(settings, services.Entropy);

            // Built-ins first so help lists them first; a table command may not shadow one.
            _help = new ShellHelpCommand(this);
            IShellCommand[] builtIns = { _help, new ShellLoginCommand(), new ShellLogoutCommand(), new ShellModeCommand(this) };
            int extra = commands == null ? 0 : commands.Length;
            _commands = new IShellCommand[builtIns.Length + extra];
            int n = 0;
            for (int i = 0; i < builtIns.Length; i++)
            {
                _commands[n++] = builtIns[i];
            }

            for (int i = 0; i < extra; i++)
            {
                if (commands[i] != null && IndexOf(commands[i].Name, n) < 0)
                {
                    _commands[n++] = commands[i];
                }
            }

            if (n < _commands.Length)
            {
                IShellCommand[] trimmed = new IShellCommand[n];
                for (int i = 0; i < n; i++)
                {
                    trimmed[i] = _commands[i];
                }

                _commands = trimmed;
            }

            _names = new string[_commands.Length];
            for (int i = 0; i < _commands.Length; i++)
            {
                _names[i] = _commands[i].Name;
            }

            _editor.Commands = _commands;
            _context = new ShellContext(services, _reply, Session, _commands);
            _editor.Prompt = ReadOnlyPrompt;
        }

        /// <summary>Human (default) or machine.</summary>
        public ShellMode Mode { get; private set; }

        /// <summary>Login state and role.</summary>
        public ShellSession Session { get; }

        /// <summary>What commands see (also for tests).</summary>
        public ShellContext Context => _context;

        /// <summary>The whole table, built-ins first, in help order.</summary>
        public IShellCommand[] Commands => _commands;

        /// <summary>The commands' names (help's completions).</summary>
        public string[] CommandNames => _names;

        /// <summary>The prompt for the current role.</summary>
        public string Prompt => Session.IsLoggedIn ? TechnicianPrompt : ReadOnlyPrompt;

        /// <summary>True while a command streams its output.</summary>
        public bool IsStreaming => _running != null;

        /// <summary>Complete lines read since start (blank ones included).</summary>
        public long LinesRead { get; private set; }

        /// <summary>Commands started since start (built-ins included).</summary>
        public long CommandsRun { get; private set; }

        /// <summary>Replies that were errors (refused framing, unknown command, a command's error, a crash).</summary>
        public long Errors { get; private set; }

        /// <summary>Output bytes dropped because the ring was full.</summary>
        public long BytesDropped => _out.BytesDropped;

        /// <summary>Bytes read from the UART and not yet handled (type-ahead while a command streams or runs).</summary>
        public int PendingInputBytes => _inputCount;

        /// <summary>Bytes waiting in the output ring.</summary>
        public int PendingOutputBytes => _out.Count;

        /// <summary>The command called <paramref name="name"/>, or null.</summary>
        public IShellCommand Find(string name)
        {
            int i = IndexOf(name, _commands.Length);
            return i < 0 ? null : _commands[i];
        }

        /// <summary>
        /// One step of the shell: reads what the UART has, edits, runs at most one command step (starting or
        /// continuing one), writes at most <see cref="MaxBytesPerPoll"/> bytes. Never blocks; never throws
        /// because of a command.
        /// </summary>
        public void Poll(long nowMs)
        {
            _context.NowMs = nowMs;
            if (!_started)
            {
                _started = true;
                Session.NoteInput(nowMs);
                if (Mode == ShellMode.Human)
                {
                    _out.Write(Banner);
                    _out.Write("\r\n");
                    WritePrompt();
                }
            }

            ReadInput(nowMs);
            if (Session.ExpireIfIdle(nowMs))
            {
                _context.LogNote(LogLevel.Info, "logout (idle)");
                if (Mode == ShellMode.Human && _running == null)
                {
                    _out.Write("\r\nlogged out (idle)\r\n");
                    _editor.Prompt = Prompt;
                    _editor.Redraw();
                }
            }

            if (_running != null)
            {
                if (TakeCancel())
                {
                    Cancel();
                }
                else if (_out.Free >= MinFreeForStepBytes)
                {
                    Step(false, nowMs);
                }
            }
            else
            {
                FeedEditor(nowMs);
            }

            _out.Drain(_port);
        }

        /// <summary>Switches the mode after the current reply (used by the `mode` built-in).</summary>
        internal void RequestMode(ShellMode mode)
        {
            _modePending = true;
            _nextMode = mode;
        }

        private void ReadInput(long nowMs)
        {
            if (_inputStart > 0 && _inputCount > 0)
            {
                for (int i = 0; i < _inputCount; i++)
                {
                    _input[i] = _input[_inputStart + i];
                }
            }

            _inputStart = 0;
            int room = _input.Length - _inputCount;
            if (room <= 0 || !_port.IsOpen)
            {
                return;
            }

            int n = _port.Read(_input, _inputCount, room);
            if (n > 0)
            {
                _inputCount += n;
                Session.NoteInput(nowMs);
            }
        }

        // While a command streams, only Ctrl-C is looked for; what else was typed waits (type-ahead).
        private bool TakeCancel()
        {
            for (int i = 0; i < _inputCount; i++)
            {
                if (_input[_inputStart + i] == CtrlC)
                {
                    _inputStart += i + 1;
                    _inputCount -= i + 1;
                    return true;
                }
            }

            return false;
        }

        private void Cancel()
        {
            IShellCommand command = _running;
            _running = null;
            _editor.Clear();
            if (_reply.IsJson)
            {
                _reply.Error("cancelled");
            }
            else
            {
                _reply.End();
                _out.Write("^C\r\n");
            }

            _context.LogNote(LogLevel.Info, "'" + command.Name + "' cancelled");
            Finish();
        }

        private void FeedEditor(long nowMs)
        {
            while (_inputCount > 0)
            {
                byte b = _input[_inputStart];
                _inputStart++;
                _inputCount--;
                ShellLineEvent e = _editor.Feed(b);
                if (e == ShellLineEvent.Cancel)
                {
                    if (Mode == ShellMode.Human)
                    {
                        WritePrompt();
                    }

                    continue;
                }

                if (e != ShellLineEvent.Line)
                {
                    continue;
                }

                LinesRead++;
                if (Execute(_editor.Line, nowMs))
                {
                    // At most one command step per poll: the rest of the input waits.
                    return;
                }
            }
        }

        // Returns true if a command ran (or was refused with a reply), false for a blank line.
        private bool Execute(string line, long nowMs)
        {
            bool machine = Mode == ShellMode.Machine;
            long seq = -1;
            string commandLine = line;
            if (machine)
            {
                string trimmed = line.Trim();
                if (trimmed.Length == 0)
                {
                    return false;
                }

                string error = ParseFrame(trimmed, out seq, out commandLine);
                if (error != null)
                {
                    Refuse(true, seq, error);
                    return true;
                }
            }

            if (!_args.Parse(commandLine))
            {
                Refuse(machine, seq, _args.Error);
                return true;
            }

            if (_args.Count == 0)
            {
                if (machine)
                {
                    Refuse(true, seq, "missing command");
                    return true;
                }

                WritePrompt();
                return false;
            }

            string name = _args.Command;
            IShellCommand command = Find(name);
            bool json = machine || _args.Has("--json");
            _reply.Start(name, json, machine, seq);
            CommandsRun++;
            if (command == null)
            {
                _reply.Error("unknown command '" + name + "' (try help)");
                Errors++;
                Finish();
                return true;
            }

            if (_args.Has("--help") && command != _help)
            {
                // CMD --help is help CMD.
                _args.Parse("help " + name);
                command = _help;
                _reply.Start("help", json, machine, seq);
            }

            if ((int)Session.Role < (int)command.RequiredRole)
            {
                _reply.Error("login required (read-only session)");
                Errors++;
                Finish();
                return true;
            }

            _running = command;
            _context.Args = _args;
            _context.CommandName = command.Name;
            Step(true, nowMs);
            return true;
        }

        private void Step(bool first, long nowMs)
        {
            IShellCommand command = _running;
            bool more;
            _reply.BeginStep();
            try
            {
                more = first ? command.Run(_context, _args) : command.Continue(_context);
            }
            catch (System.Exception ex)
            {
                _running = null;
                _reply.Error("internal error in '" + command.Name + "'");
                Errors++;
                _context.LogNote(LogLevel.Error, "internal error in '" + command.Name + "': " + ex.Message);
                Finish();
                return;
            }

            if (more && !_reply.Failed)
            {
                _reply.FlushPart();
                if (!_reply.Failed)
                {
                    return;
                }
            }

            _running = null;
            _reply.End();
            if (_reply.Failed)
            {
                Errors++;
            }

            Finish();
        }

        // After a command's reply: a pending mode switch, the prompt for the (possibly new) role.
        private void Finish()
        {
            if (_modePending)
            {
                _modePending = false;
                Mode = _nextMode;
                _editor.Echo = Mode == ShellMode.Human;
                _editor.Clear();
            }

            if (Mode == ShellMode.Human)
            {
                WritePrompt();
            }
        }

        private void Refuse(bool framed, long seq, string message)
        {
            _reply.Refuse(framed, seq, message);
            Errors++;
            if (!framed)
            {
                WritePrompt();
            }
        }

        private void WritePrompt()
        {
            _editor.Prompt = Prompt;
            _out.Write(_editor.Prompt);
        }

        /// <summary>
        /// Splits a machine request "$SEQ COMMAND ARGS*HH": checks the optional checksum (XOR of every byte
        /// before the '*', two hex digits) and the sequence number; returns null or the error to send.
        /// </summary>
        internal static string ParseFrame(string line, out long seq, out string commandLine)
        {
            seq = -1;
            commandLine = null;
            if (line[0] != '$')
            {
                return "expected $SEQ COMMAND [ARGS][*HH]";
            }

            int end = line.Length;
            int star = line.LastIndexOf('*');
            int given = -1;
            if (star >= 0)
            {
                if (star != line.Length - 3 || HexText.DigitValue(line[star + 1]) < 0 || HexText.DigitValue(line[star + 2]) < 0)
                {
                    // The seq may still be readable: say which request was refused.
                    ReadSeq(line, line.Length, out seq);
                    return "malformed checksum (expected *HH, two hex digits, at the end)";
                }

                given = (HexText.DigitValue(line[star + 1]) << 4) | HexText.DigitValue(line[star + 2]);
                end = star;
            }

            int seqEnd;
            bool seqOk = ReadSeq(line, end, out seq);
            if (given >= 0)
            {
                int sum = 0;
                for (int i = 0; i < end; i++)
                {
                    sum ^= line[i] & 0xFF;
                }

                if (sum != given)
                {
                    return "bad checksum: got *" + HexText.Byte(given) + ", computed *" + HexText.Byte(sum);
                }
            }

            if (!seqOk)
            {
                seq = -1;
                return "sequence number must be 1 to 9 digits after $";
            }

            seqEnd = 1;
            while (seqEnd < end && line[seqEnd] != ' ')
            {
                seqEnd++;
            }

            commandLine = line.Substring(seqEnd, end - seqEnd);
            return null;
        }

        private static bool ReadSeq(string line, int end, out long seq)
        {
            seq = -1;
            int i = 1;
            long value = 0;
            while (i < end && line[i] != ' ')
            {
                if (line[i] < '0' || line[i] > '9' || i > 9)
                {
                    return false;
                }

                value = value * 10 + (line[i] - '0');
                i++;
            }

            if (i == 1)
            {
                return false;
            }

            seq = value;
            return true;
        }

        private int IndexOf(string name, int count)
        {
            for (int i = 0; i < count; i++)
            {
                if (_commands[i] != null && _commands[i].Name == name)
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
