using V2G.Protocol.Telemetry;
using V2G.Protocol.Text;

namespace V2G.Firmware.Diagnostics
{
    /// <summary>
    /// The one way a command writes output, so the human and the machine forms always carry the same data.
    /// Human: "name: value unit" lines, a list as a "name:" line and one indented row per item (fields
    /// separated by two spaces), free text with <see cref="Line"/>, failures as "error: …". Machine: one
    /// JSON object per line, {"seq":N,"ok":true,"cmd":"status","data":{...}} then "*HH" (XOR of every byte
    /// before the '*', two upper-case hex digits, as in OpenEVSE's RAPI) and CRLF; a failure is
    /// {"seq":N,"ok":false,"cmd":"x","error":"…"}; free text goes into data's "text" array. A reply that
    /// streams over several polls becomes one line per poll, each with "part":k and "more":true, the last
    /// with "more":false; lists open at a break are closed in that line and reopened in the next.
    /// A command streams by writing while <see cref="HasRoom"/> says so and returning true from Run/Continue.
    /// </summary>
    public sealed class ShellReply
    {
        /// <summary>The machine form's buffer for one line's JSON, bytes.</summary>
        public const int MachineBufferBytes = 1536;

        /// <summary>Most free-text lines one machine reply (or one part) keeps; more are dropped.</summary>
        public const int MaxTextLines = 32;

        /// <summary>Most lists and items open at once.</summary>
        public const int MaxDepth = 6;

        // Room kept for closing the open containers, the text array's header and the envelope's tail.
        private const int ClosingReserveBytes = 24;

        private static readonly char[] HexUpper = { '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'A', 'B', 'C', 'D', 'E', 'F' };

        private readonly ShellOutputRing _out;
        private readonly JsonWriter _data = new JsonWriter(MachineBufferBytes);
        // Room for the longest refusal: an unknown config key lists every key (about 400 bytes with 17).
        private readonly JsonWriter _envelope = new JsonWriter(768);
        private readonly TextBuffer _number = new TextBuffer(40);
        private readonly TextBuffer _row = new TextBuffer(240);
        private readonly string[] _lines = new string[MaxTextLines];
        private readonly bool[] _frameIsList = new bool[MaxDepth];
        private readonly string[] _frameName = new string[MaxDepth];
        private readonly int[] _frameItems = new int[MaxDepth];
        private int _depth;
        private int _lineCount;
        private bool _linesDropped;
        private bool _json;
        private bool _framed;
        private long _seq;
        private string _kind;
        private int _part;

        // The data's length right after a part was flushed and its frames reopened (−1 before the first flush).
        private int _emptyPartLength = -1;
        private bool _open;
        private int _checksum;
        private long _stepStartBytes;

        /// <summary>A reply writing into <paramref name="output"/>.</summary>
        public ShellReply(ShellOutputRing output)
        {
            if (output == null)
            {
                throw new System.ArgumentNullException("output");
            }

            _out = output;
        }

        /// <summary>True when the reply is rendered as JSON (machine mode, or `--json` in human mode).</summary>
        public bool IsJson => _json;

        /// <summary>True in machine mode (JSON lines with seq and checksum).</summary>
        public bool IsMachine => _framed;

        /// <summary>True once <see cref="Error"/> was called for this command.</summary>
        public bool Failed { get; private set; }

        /// <summary>The error message of a failed reply, or null.</summary>
        public string ErrorMessage { get; private set; }

        /// <summary>True between <see cref="Begin"/> (or the shell's start of a command) and <see cref="End"/>.</summary>
        public bool IsOpen => _open;

        /// <summary>Lines (parts) written so far for this command in JSON form.</summary>
        public int Part => _part;

        /// <summary>
        /// True if about <paramref name="bytes"/> more bytes of output fit in this step: a streaming command
        /// writes items while this holds and returns true from Run/Continue to be called again.
        /// </summary>
        public bool HasRoom(int bytes)
        {
            if (_json)
            {
                return _data.Capacity - _data.Length - ClosingReserveBytes - TextBytesEstimate() >= bytes;
            }

            // Human output goes straight to the ring; one step still writes no more than a machine line, so
            // a step's work stays bounded whatever the ring's size.
            long written = _out.TotalWritten - _stepStartBytes;
            return _out.Free - ClosingReserveBytes >= bytes && written + bytes <= MachineBufferBytes;
        }

        /// <summary>Called by the shell before each Run/Continue: <see cref="HasRoom"/> counts from here.</summary>
        public void BeginStep()
        {
            _stepStartBytes = _out.TotalWritten;
        }

        /// <summary>
        /// Called by the shell before a command runs: how to render and what to echo back
        /// (<paramref name="seq"/> &lt; 0 writes "seq":null; <paramref name="framed"/> adds seq and the checksum).
        /// </summary>
        public void Start(string command, bool json, bool framed, long seq)
        {
            _json = json || framed;
            _framed = framed;
            _seq = seq;
            _kind = command;
            _part = 0;
            _emptyPartLength = -1;
            _depth = 0;
            _lineCount = 0;
            _linesDropped = false;
            Failed = false;
            ErrorMessage = null;
            _open = true;
            _stepStartBytes = _out.TotalWritten;
            _data.Reset();
            _data.BeginObject();
        }

        /// <summary>Starts the reply's data; <paramref name="kind"/> names it in the machine form ("cmd"), default the command's name.</summary>
        public void Begin(string kind)
        {
            if (!_open)
            {
                Start(kind, _json, _framed, _seq);
            }

            if (kind != null)
            {
                _kind = kind;
            }
        }

        /// <summary>A text field ("charger_id: CH-0001").</summary>
        public void Field(string name, string value)
        {
            if (!_open || Failed)
            {
                return;
            }

            if (_json)
            {
                _data.String(NameInJson(name), value);
                return;
            }

            HumanField(name, value, null);
        }

        /// <summary>A measured field rounded to <paramref name="decimals"/> places with its <paramref name="unit"/> ("power: 7400.0 W"; in JSON the number alone, the unit in the name is the caller's).</summary>
        public void Field(string name, double value, int decimals, string unit)
        {
            if (!_open || Failed)
            {
                return;
            }

            if (_json)
            {
                _data.Number(NameInJson(name), value, decimals);
                return;
            }

            _number.Clear();
            _number.Append(value, decimals);
            HumanField(name, null, unit);
        }

        /// <summary>A whole-number field.</summary>
        public void Field(string name, long value)
        {
            if (!_open || Failed)
            {
                return;
            }

            if (_json)
            {
                _data.Integer(NameInJson(name), value);
                return;
            }

            _number.Clear();
            _number.Append(value);
            HumanField(name, null, null);
        }

        /// <summary>A yes/no field (human "yes"/"no", JSON true/false).</summary>
        public void Field(string name, bool value)
        {
            if (!_open || Failed)
            {
                return;
            }

            if (_json)
            {
                _data.Boolean(NameInJson(name), value);
                return;
            }

            HumanField(name, value ? "yes" : "no", null);
        }

        /// <summary>Opens a list: human a "name:" line, JSON an array member.</summary>
        public void BeginList(string name)
        {
            if (!_open || Failed)
            {
                return;
            }

            string jsonName = NameInJson(name);
            if (!Push(true, name))
            {
                return;
            }

            if (_json)
            {
                _data.BeginArray(jsonName);
                return;
            }

            Indent(ListDepth() - 1);
            _out.Write(name);
            _out.Write(':');
            NewLine();
        }

        /// <summary>Opens one item of the innermost list.</summary>
        public void BeginItem()
        {
            if (!_open || Failed)
            {
                return;
            }

            if (_depth > 0 && _frameIsList[_depth - 1])
            {
                _frameItems[_depth - 1]++;
            }

            if (!Push(false, null))
            {
                return;
            }

            if (_json)
            {
                _data.BeginObject();
                return;
            }

            _row.Clear();
        }

        /// <summary>Closes the item: human, its row is written.</summary>
        public void EndItem()
        {
            if (!_open || Failed || _depth == 0 || _frameIsList[_depth - 1])
            {
                return;
            }

            _depth--;
            if (_json)
            {
                _data.EndObject();
                return;
            }

            Indent(ListDepth());
            for (int i = 0; i < _row.Length; i++)
            {
                _out.Write(_row[i]);
            }

            NewLine();
        }

        /// <summary>Closes the innermost list (human: "  (none)" if it had no items).</summary>
        public void EndList()
        {
            if (!_open || Failed || _depth == 0 || !_frameIsList[_depth - 1])
            {
                return;
            }

            int items = _frameItems[_depth - 1];
            _depth--;
            if (_json)
            {
                _data.EndArray();
                return;
            }

            if (items == 0)
            {
                Indent(ListDepth() + 1);
                _out.Write("(none)");
                NewLine();
            }
        }

        /// <summary>Free text for people: human one line; JSON an element of data's "text" array.</summary>
        public void Line(string text)
        {
            if (!_open || Failed)
            {
                return;
            }

            if (_json)
            {
                if (_lineCount < MaxTextLines)
                {
                    _lines[_lineCount++] = text ?? string.Empty;
                }
                else
                {
                    _linesDropped = true;
                }

                return;
            }

            _out.Write(text);
            NewLine();
        }

        /// <summary>
        /// The command failed: human "error: …" at once; JSON the reply becomes {"seq":N,"ok":false,"cmd":…,"error":"…"}
        /// (data written before is dropped). Ends the command's output: further writes are ignored.
        /// </summary>
        public void Error(string message)
        {
            if (Failed)
            {
                return;
            }

            if (!_open)
            {
                Start(_kind, _json, _framed, _seq);
            }

            Failed = true;
            ErrorMessage = message;
            if (_json)
            {
                EmitError(message);
                _open = false;
                return;
            }

            _out.Write("error: ");
            _out.Write(message);
            NewLine();
        }

        /// <summary>Ends the reply: JSON, its (last) line is written, with "more":false if it streamed.</summary>
        public void End()
        {
            if (!_open)
            {
                return;
            }

            if (_json && !Failed)
            {
                Emit(false);
            }

            _open = false;
        }

        /// <summary>
        /// Called by the shell after a step that will continue: JSON, the data so far goes out as one part with
        /// "more":true and the open lists are reopened for the next part. Human: nothing (already written).
        /// </summary>
        public void FlushPart()
        {
            if (!_open || Failed || !_json)
            {
                return;
            }

            // A step that added nothing (a command waiting for the controller) sends no empty part.
            if (_data.Length == _emptyPartLength && _lineCount == 0)
            {
                return;
            }

            Emit(true);
            _part++;
            _lineCount = 0;
            _linesDropped = false;
            _data.Reset();
            _data.BeginObject();
            for (int i = 0; i < _depth; i++)
            {
                if (_frameIsList[i])
                {
                    _data.BeginArray(i > 0 && _frameIsList[i - 1] ? null : _frameName[i]);
                }
                else
                {
                    _data.BeginObject();
                }
            }

            _emptyPartLength = _data.Length;
        }

        /// <summary>
        /// A framing or shell-level error with no command behind it (machine: {"seq":N|null,"ok":false,"error":"…"}*HH;
        /// human: "error: …").
        /// </summary>
        public void Refuse(bool framed, long seq, string message)
        {
            _json = framed;
            _framed = framed;
            _seq = seq;
            _kind = null;
            _part = 0;
            _emptyPartLength = -1;
            Failed = true;
            ErrorMessage = message;
            _open = false;
            if (framed)
            {
                EmitError(message);
            }
            else
            {
                _out.Write("error: ");
                _out.Write(message);
                NewLine();
            }
        }

        private void HumanField(string name, string text, string unit)
        {
            if (_depth > 0 && !_frameIsList[_depth - 1])
            {
                // Inside an item: values only, two spaces apart, on the item's row.
                if (_row.Length > 0)
                {
                    _row.Append("  ");
                }

                AppendValue(_row, text, unit);
                return;
            }

            Indent(ListDepth());
            _out.Write(name);
            _out.Write(": ");
            if (text != null)
            {
                _out.Write(text);
            }
            else
            {
                for (int i = 0; i < _number.Length; i++)
                {
                    _out.Write(_number[i]);
                }
            }

            if (unit != null && unit.Length > 0)
            {
                _out.Write(' ');
                _out.Write(unit);
            }

            NewLine();
        }

        private void AppendValue(TextBuffer row, string text, string unit)
        {
            if (text != null)
            {
                row.Append(text);
            }
            else
            {
                for (int i = 0; i < _number.Length; i++)
                {
                    row.Append(_number[i]);
                }
            }

            if (unit != null && unit.Length > 0)
            {
                row.Append(' ').Append(unit);
            }
        }

        private bool Push(bool isList, string name)
        {
            if (_depth >= MaxDepth)
            {
                return false;
            }

            _frameIsList[_depth] = isList;
            _frameName[_depth] = name;
            _frameItems[_depth] = 0;
            _depth++;
            return true;
        }

        private int ListDepth()
        {
            int n = 0;
            for (int i = 0; i < _depth; i++)
            {
                if (_frameIsList[i])
                {
                    n++;
                }
            }

            return n;
        }

        // Inside a JSON array the writer takes no member names.
        private string NameInJson(string name)
        {
            return _depth > 0 && _frameIsList[_depth - 1] ? null : name;
        }

        private void Indent(int levels)
        {
            for (int i = 0; i < levels; i++)
            {
                _out.Write(' ');
                _out.Write(' ');
            }
        }

        private void NewLine()
        {
            _out.Write('\r');
            _out.Write('\n');
        }

        private int TextBytesEstimate()
        {
            int n = 0;
            for (int i = 0; i < _lineCount; i++)
            {
                n += _lines[i].Length + 4;
            }

            return n;
        }

        private void Emit(bool more)
        {
            // Close what is open (a break inside a list), add the text lines, close data.
            for (int i = _depth - 1; i >= 0; i--)
            {
                if (_frameIsList[i])
                {
                    _data.EndArray();
                }
                else
                {
                    _data.EndObject();
                }
            }

            if (_lineCount > 0)
            {
                _data.BeginArray("text");
                for (int i = 0; i < _lineCount; i++)
                {
                    _data.String(null, _lines[i]);
                }

                if (_linesDropped)
                {
                    _data.String(null, "...");
                }

                _data.EndArray();
            }

            _data.EndObject();
            if (_data.Overflowed)
            {
                EmitError("reply too long for machine mode (max " + MachineBufferBytes.ToString() + " bytes per line)");
                Failed = true;
                ErrorMessage = "reply too long";
                return;
            }

            bool streamed = more || _part > 0;
            BeginEnvelope(true);
            if (streamed)
            {
                _envelope.Integer("part", _part);
                _envelope.Boolean("more", more);
            }

            _checksum = 0;
            Put(_envelope.Buffer, _envelope.Length);
            PutAscii(",\"data\":");
            Put(_data.Buffer, _data.Length);
            PutAscii("}");
            Finish();
        }

        private void EmitError(string message)
        {
            BeginEnvelope(false);
            _envelope.String("error", message);
            _envelope.EndObject();
            if (_envelope.Overflowed)
            {
                BeginEnvelope(false);
                _envelope.String("error", "error message too long");
                _envelope.EndObject();
            }

            _checksum = 0;
            Put(_envelope.Buffer, _envelope.Length);
            Finish();
        }

        private void BeginEnvelope(bool ok)
        {
            _envelope.Reset();
            _envelope.BeginObject();
            if (_framed)
            {
                if (_seq >= 0)
                {
                    _envelope.Integer("seq", _seq);
                }
                else
                {
                    _envelope.Null("seq");
                }
            }

            _envelope.Boolean("ok", ok);
            if (_kind != null)
            {
                _envelope.String("cmd", _kind);
            }
        }

        private void Put(byte[] bytes, int count)
        {
            for (int i = 0; i < count; i++)
            {
                _checksum ^= bytes[i];
                _out.Write(bytes[i]);
            }
        }

        private void PutAscii(string s)
        {
            for (int i = 0; i < s.Length; i++)
            {
                _checksum ^= s[i];
                _out.Write((byte)s[i]);
            }
        }

        private void Finish()
        {
            if (_framed)
            {
                _out.Write('*');
                _out.Write(HexUpper[(_checksum >> 4) & 0xF]);
                _out.Write(HexUpper[_checksum & 0xF]);
            }

            NewLine();
        }
    }
}
