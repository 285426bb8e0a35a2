namespace V2G.Protocol.Can
{
    /// <summary>Why a line from the adapter was not taken (constant strings: no allocation).</summary>
    public static class SlcanRejectReasons
    {
        /// <summary>A character that should be a hex digit is not one.</summary>
        public const string BadHex = "bad_hex";

        /// <summary>The length character is not 0..8.</summary>
        public const string BadLengthDigit = "bad_length_digit";

        /// <summary>The line is shorter or longer than its length digit says (with or without a 4-digit timestamp).</summary>
        public const string WrongLength = "wrong_length";

        /// <summary>The identifier does not fit its format (29 bits for "T", 11 bits for "t").</summary>
        public const string IdOutOfRange = "id_out_of_range";

        /// <summary>No carriage return within <see cref="SlcanLineDecoder.MaxLineLength"/> characters.</summary>
        public const string LineTooLong = "line_too_long";

        /// <summary>The line starts with a character the adapter never sends.</summary>
        public const string UnknownCommand = "unknown_command";
    }
}
