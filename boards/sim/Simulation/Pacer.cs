using System.Diagnostics;
using System.Threading;

namespace V2G.Sim.Simulation
{
    /// <summary>
    /// Paces simulated time against wall time: not at all (as fast as the host runs, the default
    /// while every peer lives in the simulator), 1:1 (--realtime) or N:1 (--speed N), so that a peer
    /// outside the simulator never sees a timeout that did not happen.
    /// </summary>
    public sealed class Pacer
    {
        private readonly double _speed;
        private readonly Stopwatch _wall = Stopwatch.StartNew();

        /// <param name="speed">Simulated seconds per wall second; 0 or less = unpaced.</param>
        public Pacer(double speed)
        {
            _speed = speed;
        }

        public bool IsPaced => _speed > 0;

        public double WallSeconds => _wall.Elapsed.TotalSeconds;

        /// <summary>Waits until wall time has caught up with <paramref name="simMs"/>.</summary>
        public void WaitFor(long simMs)
        {
            if (_speed <= 0)
            {
                return;
            }

            double dueMs = simMs / _speed;
            double aheadMs = dueMs - _wall.Elapsed.TotalMilliseconds;
            if (aheadMs >= 1)
            {
                Thread.Sleep((int)aheadMs);
            }
        }
    }
}
