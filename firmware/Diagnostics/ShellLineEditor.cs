namespace V2G.Firmware.Diagnostics
{
    /// <summary>
    /// Turns the bytes a terminal (picocom, minicom, screen) sends into command lines, with the editing a
    /// technician expects: backspace/DEL, Ctrl-U, Ctrl-C, TAB completion of the command and its first
    /// argument from the command table, and a history walked with the arrow keys. Bounded: a line is at
    /// most <see cref="MaxLineChars"/> characters (more are refused with a bell, never stored), escape
    /// sequences it does not know are swallowed whole, other control bytes and non-ASCII bytes are ignored.
    /// Echo (and completion) only when <see cref="Echo"/> is on: in machine mode the peer is a program.
    /// </summary>
    public sealed class ShellLineEditor
    {
        /// <summary>Longest line, characters.</summary>
        public const int MaxLineChars = 160;

        /// <summary>Lines the history keeps.</summary>
        public const int HistoryLines = 16;

        private const byte Bell = 0x07;
        private const byte Backspace = 0x08;
        private const byte Tab = 0x09;
        private const byte LineFeed = 0x0A;
        private const byte CarriageReturn = 0x0D;
        private const byte CtrlC = 0x03;
        private const byte CtrlU = 0x15;
        private const byte Escape = 0x1B;
        private const byte Delete = 0x7F;

        // A CSI sequence longer than this is not one a terminal sends for a key: give up on it.
        private const int MaxEscapeBytes = 16;

        private const int EscNone = 0;
        private const int EscStart = 1;
        private const int EscCsi = 2;
        private const int EscSs3 = 3;

        private readonly ShellOutputRing _out;
        private readonly char[] _line = new char[MaxLineChars];
        private readonly string[] _history = new string[HistoryLines];
        private readonly string[] _matches = new string[64];
        private int _length;
        private int _historyCount;
        private int _historyNext;
        private int _browse = -1;
        private string _draft;
        private int _escape;
        private int _escapeBytes;
        private bool _afterCr;

        /// <summary>An editor echoing into <paramref name="output"/>.</summary>
        public ShellLineEditor(ShellOutputRing output)
        {
            if (output == null)
            {
                throw new System.ArgumentNullException("output");
            }

            _out = output;
            Echo = true;
            Prompt = string.Empty;
        }

        /// <summary>Echo, completion and redraws on (human mode) or off (machine mode).</summary>
        public bool Echo { get; set; }

        /// <summary>The prompt redrawn with the line ("v2g> ").</summary>
        public string Prompt { get; set; }

        /// <summary>The command table completion draws on (names, and each command's <see cref="IShellCommand.Completions"/>).</summary>
        public IShellCommand[] Commands { get; set; }

        /// <summary>The line completed by the last <see cref="ShellLineEvent.Line"/>.</summary>
        public string Line { get; private set; }

        /// <summary>Characters in the line being edited.</summary>
        public int Length => _length;

        /// <summary>The line being edited (allocates: for tests and redraws).</summary>
        public string Current => new string(_line, 0, _length);

        /// <summary>Lines in the history.</summary>
        public int HistoryCount => _historyCount;

        /// <summary>Feeds one byte from the terminal.</summary>
        public ShellLineEvent Feed(byte b)
        {
            bool afterCr = _afterCr;
            _afterCr = false;
            if (_escape != EscNone)
            {
                FeedEscape(b);
                return ShellLineEvent.None;
            }

            switch (b)
            {
                case CarriageReturn:
                    _afterCr = true;
                    return EndLine();
                case LineFeed:
                    // CRLF ends one line, not two.
                    return afterCr ? ShellLineEvent.None : EndLine();
                case Backspace:
                case Delete:
                    if (_length > 0)
                    {
                        _length--;
                        EchoText("\b \b");
                    }

                    return ShellLineEvent.None;
                case CtrlU:
                    _length = 0;
                    if (Echo)
                    {
                        Redraw();
                    }

                    return ShellLineEvent.None;
                case CtrlC:
                    _length = 0;
                    _browse = -1;
                    EchoText("^C\r\n");
                    return ShellLineEvent.Cancel;
                case Tab:
                    if (Echo)
                    {
                        Complete();
                    }
                    else
                    {
                        Insert(' ');
                    }

                    return ShellLineEvent.None;
                case Escape:
                    _escape = EscStart;
                    _escapeBytes = 0;
                    return ShellLineEvent.None;
            }

            if (b >= 0x20 && b < 0x7F)
            {
                Insert((char)b);
            }

            return ShellLineEvent.None;
        }

        /// <summary>Drops the line being edited (and any half-read escape sequence).</summary>
        public void Clear()
        {
            _length = 0;
            _escape = EscNone;
            _browse = -1;
            _afterCr = false;
        }

        /// <summary>Rewrites the prompt and the line in place: CR, prompt, line, erase to the end of the screen line.</summary>
        public void Redraw()
        {
            _out.Write('\r');
            _out.Write(Prompt);
            for (int i = 0; i < _length; i++)
            {
                _out.Write(_line[i]);
            }

            _out.Write("\u001b[K");
        }

        /// <summary>Adds <paramref name="line"/> to the history (not blank lines, repeats of the last one or logins with a secret).</summary>
        public void Remember(string line)
        {
            if (line == null || line.Trim().Length == 0 || line.Trim().StartsWith("login "))
            {
                return;
            }

            if (_historyCount > 0 && _history[(_historyNext + HistoryLines - 1) % HistoryLines] == line)
            {
                return;
            }

            _history[_historyNext] = line;
            _historyNext = (_historyNext + 1) % HistoryLines;
            if (_historyCount < HistoryLines)
            {
                _historyCount++;
            }
        }

        private ShellLineEvent EndLine()
        {
            Line = new string(_line, 0, _length);
            _length = 0;
            _browse = -1;
            _draft = null;
            EchoText("\r\n");
            if (Echo)
            {
                Remember(Line);
            }

            return ShellLineEvent.Line;
        }

        private void Insert(char c)
        {
            if (_length >= MaxLineChars)
            {
                // Refused, not stored: the terminal rings so the technician knows the key was lost.
                if (Echo)
                {
                    _out.Write(Bell);
                }

                return;
            }

            _line[_length++] = c;
            if (Echo)
            {
                _out.Write(c);
            }
        }

        private void FeedEscape(byte b)
        {
            _escapeBytes++;
            if (_escape == EscStart)
            {
                _escape = b == (byte)'[' ? EscCsi : b == (byte)'O' ? EscSs3 : EscNone;
                return;
            }

            if (_escape == EscSs3)
            {
                // ESC O x: application-mode keys (arrows, F1-F4); arrows walk the history too.
                _escape = EscNone;
                ArrowKey(b);
                return;
            }

            // CSI: parameter and intermediate bytes, then one final byte 0x40..0x7E.
            if (b >= 0x40 && b <= 0x7E)
            {
                _escape = EscNone;

                // Only a bare ESC [ A / ESC [ B is an arrow; with parameters (ESC [ 1 ; 5 A) it is a modified key.
                if (_escapeBytes == 2)
                {
                    ArrowKey(b);
                }

                return;
            }

            if (b < 0x20 || b > 0x3F || _escapeBytes > MaxEscapeBytes)
            {
                _escape = EscNone;
            }
        }

        private void ArrowKey(byte final)
        {
            if (final == (byte)'A')
            {
                WalkHistory(+1);
            }
            else if (final == (byte)'B')
            {
                WalkHistory(-1);
            }
        }

        // _browse: -1 the line being typed, 0 the newest history line, 1 the one before, ...
        private void WalkHistory(int step)
        {
            int target = _browse + step;
            if (target >= _historyCount || target < -1)
            {
                if (Echo)
                {
                    _out.Write(Bell);
                }

                return;
            }

            if (_browse == -1)
            {
                _draft = new string(_line, 0, _length);
            }

            _browse = target;
            string text = target == -1 ? _draft : _history[(_historyNext + HistoryLines - 1 - target) % HistoryLines];
            SetLine(text);
            if (Echo)
            {
                Redraw();
            }
        }

        private void SetLine(string text)
        {
            _length = 0;
            if (text == null)
            {
                return;
            }

            for (int i = 0; i < text.Length && _length < MaxLineChars; i++)
            {
                _line[_length++] = text[i];
            }
        }

        private void Complete()
        {
            IShellCommand[] commands = Commands;
            if (commands == null)
            {
                _out.Write(Bell);
                return;
            }

            // Where the word being completed starts, and which word of the line it is.
            int start = 0;
            while (start < _length && _line[start] == ' ')
            {
                start++;
            }

            int firstEnd = start;
            while (firstEnd < _length && _line[firstEnd] != ' ')
            {
                firstEnd++;
            }

            int matches = 0;
            int wordStart;
            if (firstEnd == _length)
            {
                wordStart = start;
                for (int i = 0; i < commands.Length; i++)
                {
                    matches = AddMatch(commands[i].Name, wordStart, matches);
                }
            }
            else
            {
                wordStart = firstEnd;
                while (wordStart < _length && _line[wordStart] == ' ')
                {
                    wordStart++;
                }

                for (int i = wordStart; i < _length; i++)
                {
                    if (_line[i] == ' ')
                    {
                        // Only the first argument is completed.
                        _out.Write(Bell);
                        return;
                    }
                }

                string name = new string(_line, start, firstEnd - start);
                for (int i = 0; i < commands.Length; i++)
                {
                    if (commands[i].Name == name)
                    {
                        string[] words = commands[i].Completions;
                        for (int w = 0; words != null && w < words.Length; w++)
                        {
                            matches = AddMatch(words[w], wordStart, matches);
                        }

                        break;
                    }
                }
            }

            if (matches == 0)
            {
                _out.Write(Bell);
                return;
            }

            if (matches == 1)
            {
                AppendRest(_matches[0], _length - wordStart);
                Insert(' ');
                return;
            }

            // Several: extend to what they share, list them under the line, redraw.
            int common = _matches[0].Length;
            for (int m = 1; m < matches; m++)
            {
                int k = 0;
                while (k < common && k < _matches[m].Length && _matches[m][k] == _matches[0][k])
                {
                    k++;
                }

                common = k;
            }

            int typed = _length - wordStart;
            for (int k = typed; k < common && _length < MaxLineChars; k++)
            {
                _line[_length++] = _matches[0][k];
            }

            _out.Write("\r\n");
            for (int m = 0; m < matches; m++)
            {
                if (m > 0)
                {
                    _out.Write("  ");
                }

                _out.Write(_matches[m]);
            }

            _out.Write("\r\n");
            Redraw();
        }

        private int AddMatch(string candidate, int wordStart, int matches)
        {
            if (candidate == null || matches >= _matches.Length)
            {
                return matches;
            }

            int typed = _length - wordStart;
            if (candidate.Length < typed)
            {
                return matches;
            }

            for (int i = 0; i < typed; i++)
            {
                if (candidate[i] != _line[wordStart + i])
                {
                    return matches;
                }
            }

            for (int i = 0; i < matches; i++)
            {
                if (_matches[i] == candidate)
                {
                    return matches;
                }
            }

            _matches[matches] = candidate;
            return matches + 1;
        }

        private void AppendRest(string word, int typed)
        {
            for (int i = typed; i < word.Length; i++)
            {
                Insert(word[i]);
            }
        }

        private void EchoText(string text)
        {
            if (Echo)
            {
                _out.Write(text);
            }
        }
    }
}
