namespace V2G.Firmware.Diagnostics
{
    /// <summary>How the shell talks: to a person in a terminal, or to a program.</summary>
    public enum ShellMode
    {
        /// <summary>Banner, prompt, echo and line editing; replies as "name: value unit" lines.</summary>
        Human = 0,

        /// <summary>No echo, no prompt; requests "$SEQ COMMAND ARGS*HH", replies one JSON object per line with "*HH".</summary>
        Machine = 1,
    }
}
