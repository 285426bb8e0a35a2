using System.Text;

namespace Exigen
{
    /// <summary>Indented text with "\n" line ends, so output is byte-identical on every platform.</summary>
    public sealed class CodeWriter
    {
        readonly StringBuilder _sb = new StringBuilder();
        int _indent;

        public void Line(string s = "")
        {
            if (s.Length > 0) _sb.Append(' ', _indent * 4).Append(s);
            _sb.Append('\n');
        }

        public void Open(string s)
        {
            Line(s);
            Line("{");
            _indent++;
        }

        public void Close(string suffix = "")
        {
            _indent--;
            Line("}" + suffix);
        }

        public override string ToString() => _sb.ToString();
    }
}
