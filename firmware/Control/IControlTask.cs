namespace V2G.Firmware.Control
{
    /// <summary>
    /// Work run once per control period on the control thread, in a fixed order (protocol stacks
    /// polling their transports, then the controller). A task must return within a small part of
    /// the period and must not allocate.
    /// </summary>
    public interface IControlTask
    {
        void Tick();
    }
}
