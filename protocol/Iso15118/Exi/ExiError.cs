namespace V2G.Protocol.Iso15118.Exi
{
    /// <summary>
    /// Outcome of every EXI decode and encode call. The codec never throws on bad input (a throw is
    /// costly on the device); it returns one of these. <see cref="ExiErrorNames.Name"/> gives the name,
    /// since Enum.ToString gives only the number on nanoFramework.
    /// </summary>
    public enum ExiError
    {
        /// <summary>Success.</summary>
        Ok = 0,
        /// <summary>The stream ended inside a value or an event code (truncated input).</summary>
        EndOfStream = 1,
        /// <summary>The output buffer is too small for the encoded document.</summary>
        BufferTooSmall = 2,
        /// <summary>The EXI header is not 0x80 (no cookie, no options, EXI 1.0 final).</summary>
        BadHeader = 3,
        /// <summary>An event code that the schema does not allow in this state (includes second-level events such as xsi:type).</summary>
        UnexpectedEvent = 4,
        /// <summary>More occurrences of a repeated element than maxOccurs or the documented array cap.</summary>
        ArrayTooLong = 5,
        /// <summary>Encoding: fewer occurrences of a repeated element than minOccurs.</summary>
        ArrayTooShort = 6,
        /// <summary>A string longer than its maxLength facet (or the documented cap), or than the caller's buffer.</summary>
        StringTooLong = 7,
        /// <summary>Binary data longer than its length facet (or the documented cap).</summary>
        BinaryTooLong = 8,
        /// <summary>A number outside the range of its schema type or facets, or an enumeration index out of range.</summary>
        ValueOutOfRange = 9,
        /// <summary>A string-table hit whose compact identifier names no entry.</summary>
        StringTableMiss = 10,
        /// <summary>A string-table hit after the decoder's string table overflowed its capacity.</summary>
        StringTableFull = 11,
        /// <summary>Encoding: the message object lacks an element the schema requires here (or names no root).</summary>
        MissingElement = 12,
        /// <summary>A schema construct this codec does not implement (wildcards, mixed content of xmldsig, abstract roots).</summary>
        Unsupported = 13,
        /// <summary>A caller's argument is invalid (null buffer, offset or length out of range).</summary>
        InvalidArgument = 14,
    }
}
