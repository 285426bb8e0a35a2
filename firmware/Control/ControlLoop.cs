using System.Threading;
using V2G.Hal.Timing;

namespace V2G.Firmware.Control
{
    /// <summary>
    /// The control thread of a board: runs its tasks every period against the monotonic clock,
    /// with deadlines that do not drift (the next deadline is the previous one plus the period, not
    /// "now" plus the period). A period missed entirely is counted and the schedule restarts from
    /// now; the controller itself turns a late tick with a live output into a fault.
    /// </summary>
    public sealed class ControlLoop
    {
        private readonly IControlTask[] _tasks;
        private readonly IMonotonicClock _clock;
        private readonly int _periodMs;
        private Thread _thread;
        private bool _running;
        private long _missedPeriods;
        private long _cycles;

        public ControlLoop(IMonotonicClock clock, int periodMs, IControlTask[] tasks)
        {
            if (clock == null || tasks == null || periodMs <= 0)
            {
                throw new System.ArgumentException();
            }

            _clock = clock;
            _periodMs = periodMs;
            _tasks = tasks;
        }

        /// <summary>Periods whose deadline had already passed when the previous one finished.</summary>
        public long MissedPeriods => _missedPeriods;

        public long Cycles => _cycles;

        public bool IsRunning => _running;

        /// <summary>Starts the control thread at the highest priority the runtime offers.</summary>
        public void Start()
        {
            if (_running)
            {
                return;
            }

            _running = true;
            _thread = new Thread(Run);
            _thread.Priority = ThreadPriority.Highest;
            _thread.Start();
        }

        /// <summary>Stops after the running cycle and waits for the thread.</summary>
        public void Stop()
        {
            _running = false;
            if (_thread != null)
            {
                _thread.Join();
                _thread = null;
            }
        }

        /// <summary>One cycle: every task in order. Public so a host can step the loop deterministically.</summary>
        public void RunOnce()
        {
            for (int i = 0; i < _tasks.Length; i++)
            {
                _tasks[i].Tick();
            }

            _cycles++;
        }

        private void Run()
        {
            long deadline = _clock.NowMs;
            while (_running)
            {
                RunOnce();
                deadline += _periodMs;
                long waitMs = deadline - _clock.NowMs;
                if (waitMs > 0)
                {
                    Thread.Sleep((int)waitMs);
                }
                else if (waitMs <= -_periodMs)
                {
                    _missedPeriods += (-waitMs) / _periodMs;
                    deadline = _clock.NowMs;
                }
            }
        }
    }
}
