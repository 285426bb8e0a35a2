namespace V2G.Firmware.Grid
{
    /// <summary>
    /// IEEE 1547-2018 abnormal-performance category: it chooses the voltage trip table at 60 Hz
    /// [digest §2, V: pyUL1741SB eut.py, OpenDER] and the ROCOF ride-through limit (Cat I 0.5,
    /// Cat II 2.0, Cat III 3.0 Hz/s) [digest §1, V: pyUL1741SB eut.py]. The numbers are the
    /// category's number (logged as such).
    /// </summary>
    public enum GridProtectionCategory
    {
        /// <summary>Category I.</summary>
        CategoryI = 1,

        /// <summary>Category II (the default: the brief's choice for voltage).</summary>
        CategoryII = 2,

        /// <summary>Category III (longest voltage ride-through, 3 Hz/s ROCOF).</summary>
        CategoryIII = 3,
    }
}
