namespace V2G.Firmware.Diagnostics
{
    /// <summary>What one input byte completed in the <see cref="ShellLineEditor"/>.</summary>
    public enum ShellLineEvent
    {
        /// <summary>Nothing yet (a character edited, a sequence swallowed).</summary>
        None = 0,

        /// <summary>A line ended (CR, LF or CRLF): <see cref="ShellLineEditor.Line"/> holds it.</summary>
        Line = 1,

        /// <summary>Ctrl-C: the line was dropped (and a streaming command is to stop).</summary>
        Cancel = 2,
    }
}
