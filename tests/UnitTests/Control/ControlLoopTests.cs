#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Firmware.Control;
using V2G.UnitTests.Fakes;

namespace V2G.UnitTests.Control
{
    [TestClass]
    public class ControlLoopTests
    {
        private static string _order = "";

        private sealed class RecordingTask : IControlTask
        {
            private readonly string _name;

            public RecordingTask(string name)
            {
                _name = name;
            }

            public void Tick()
            {
                _order += _name;
            }
        }

        [TestMethod]
        public void EachCycleRunsEveryTaskOnceInTheGivenOrder()
        {
            _order = "";
            ControlLoop loop = new ControlLoop(new FakeClock(), 20, new IControlTask[] { new RecordingTask("p"), new RecordingTask("c") });

            loop.RunOnce();
            loop.RunOnce();

            Assert.AreEqual("pcpc", _order);
            Assert.AreEqual(2L, loop.Cycles);
        }

        [TestMethod]
        public void TheControllerIsAControlTask()
        {
            ControllerRig rig = new ControllerRig();
            ControlLoop loop = new ControlLoop(rig.Clock, 20, new IControlTask[] { rig.Build() });

            rig.Clock.NowMs = 20;
            loop.RunOnce();

            Assert.AreEqual(1L, rig.Controller.Ticks);
        }
    }
}
