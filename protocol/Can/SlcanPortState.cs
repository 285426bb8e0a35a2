namespace V2G.Protocol.Can
{
    /// <summary>Where a <see cref="SlcanPort"/> is in its open sequence (names in <see cref="SlcanPortStateNames"/>).</summary>
    public enum SlcanPortState
    {
        /// <summary>Not open; <see cref="SlcanPort.Open"/> starts the sequence.</summary>
        Closed = 0,

        /// <summary>"C" sent (closes a channel left open by an earlier run); waiting for the reply.</summary>
        Closing = 1,

        /// <summary>"Sn" sent; waiting for the reply.</summary>
        SettingBitRate = 2,

        /// <summary>"Z1" sent; waiting for the reply.</summary>
        SettingTimestamps = 3,

        /// <summary>"O" sent; waiting for the reply.</summary>
        Opening = 4,

        /// <summary>The channel is open: frames flow both ways.</summary>
        Open = 5,

        /// <summary>The adapter refused a step or did not answer; <see cref="SlcanPort.FailureReason"/> says which.</summary>
        Failed = 6,
    }
}
