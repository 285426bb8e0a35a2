namespace V2G.Protocol.Iso15118.Exi
{
    /// <summary>Names of <see cref="ExiError"/> values (Enum.ToString gives numbers on the device).</summary>
    public static class ExiErrorNames
    {
        /// <summary>The name of <paramref name="error"/>, or "ExiError(n)" for an unknown value.</summary>
        public static string Name(ExiError error)
        {
            switch (error)
            {
                case ExiError.Ok: return "Ok";
                case ExiError.EndOfStream: return "EndOfStream";
                case ExiError.BufferTooSmall: return "BufferTooSmall";
                case ExiError.BadHeader: return "BadHeader";
                case ExiError.UnexpectedEvent: return "UnexpectedEvent";
                case ExiError.ArrayTooLong: return "ArrayTooLong";
                case ExiError.ArrayTooShort: return "ArrayTooShort";
                case ExiError.StringTooLong: return "StringTooLong";
                case ExiError.BinaryTooLong: return "BinaryTooLong";
                case ExiError.ValueOutOfRange: return "ValueOutOfRange";
                case ExiError.StringTableMiss: return "StringTableMiss";
                case ExiError.StringTableFull: return "StringTableFull";
                case ExiError.MissingElement: return "MissingElement";
                case ExiError.Unsupported: return "Unsupported";
                case ExiError.InvalidArgument: return "InvalidArgument";
                default: return "ExiError(" + ((int)error).ToString() + ")";
            }
        }
    }
}
