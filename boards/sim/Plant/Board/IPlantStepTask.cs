namespace V2G.Sim.Plant.Board
{
    /// <summary>
    /// Work the simulator board runs at every plant step (2 ms), between the control ticks: protocol
    /// stacks with periods shorter than the tick (GB/T's 10 ms stop frames, its 50 ms BCL/CCS) run
    /// here, as they would on the device's communication thread.
    /// </summary>
    public interface IPlantStepTask
    {
        void Step(long nowMs);
    }
}
