namespace V2G.Protocol.Telemetry
{
    /// <summary>
    /// The kinds of value <see cref="JsonReader.KindOf"/> reports, as int constants (an enum's
    /// ToString gives a number on the device; <see cref="NameOf"/> gives the name).
    /// </summary>
    public static class JsonValueKind
    {
        /// <summary>The key is not a top-level member (or the last parse failed).</summary>
        public const int Missing = 0;

        /// <summary>JSON <c>null</c>.</summary>
        public const int Null = 1;

        /// <summary>A number in the JSON number grammar.</summary>
        public const int Number = 2;

        /// <summary>A string.</summary>
        public const int String = 3;

        /// <summary>JSON <c>true</c>.</summary>
        public const int True = 4;

        /// <summary>JSON <c>false</c>.</summary>
        public const int False = 5;

        /// <summary>A nested object (validated, not looked into).</summary>
        public const int Object = 6;

        /// <summary>An array (validated, not looked into).</summary>
        public const int Array = 7;

        private static readonly string[] Names = { "missing", "null", "number", "string", "true", "false", "object", "array" };

        /// <summary>The lower-case name of a kind, for error texts.</summary>
        public static string NameOf(int kind)
        {
            return kind >= 0 && kind < Names.Length ? Names[kind] : "unknown";
        }
    }
}
