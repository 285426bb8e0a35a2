namespace V2G.Protocol.Can
{
    /// <summary>Why a candump log line was not read (constant strings: no allocation).</summary>
    public static class CandumpRejectReasons
    {
        /// <summary>The line is empty or only white space.</summary>
        public const string EmptyLine = "empty_line";

        /// <summary>The line does not start with "(".</summary>
        public const string NoTimestamp = "no_timestamp";

        /// <summary>The timestamp is not "(seconds.fraction)" with 1..12 digits of seconds and 1..9 of fraction.</summary>
        public const string BadTimestamp = "bad_timestamp";

        /// <summary>No interface name after the timestamp.</summary>
        public const string NoInterface = "no_interface";

        /// <summary>The interface name is longer than <see cref="CandumpLog.MaxInterfaceNameLength"/>.</summary>
        public const string BadInterface = "bad_interface";

        /// <summary>No frame after the interface name.</summary>
        public const string NoFrame = "no_frame";

        /// <summary>The frame has no "#" between identifier and data.</summary>
        public const string NoSeparator = "no_separator";

        /// <summary>The identifier is not 3 (standard) or 8 (extended) hex digits.</summary>
        public const string BadId = "bad_id";

        /// <summary>The identifier does not fit its format (11 or 29 bits).</summary>
        public const string IdOutOfRange = "id_out_of_range";

        /// <summary>An error frame (CAN_ERR_FLAG 0x20000000 in the identifier): not a frame on the bus.</summary>
        public const string ErrorFrame = "error_frame";

        /// <summary>A remote frame ("#R"): GB/T 27930 uses none and <see cref="V2G.Hal.Buses.CanFrame"/> cannot hold one.</summary>
        public const string RemoteFrame = "remote_frame";

        /// <summary>A CAN FD frame ("##"): not classic CAN.</summary>
        public const string CanFdFrame = "can_fd_frame";

        /// <summary>A data character is not a hex digit.</summary>
        public const string BadHex = "bad_hex";

        /// <summary>The data has an odd number of hex digits.</summary>
        public const string OddDataDigits = "odd_data_digits";

        /// <summary>More than 8 data bytes.</summary>
        public const string TooManyBytes = "too_many_bytes";

        /// <summary>Something other than a comment ("; …") or a direction mark ("R"/"T") follows the frame.</summary>
        public const string TrailingText = "trailing_text";
    }
}
