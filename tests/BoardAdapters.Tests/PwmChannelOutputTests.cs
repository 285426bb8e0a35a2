using System;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using V2G.Boards.Hal;

namespace V2G.BoardAdapters.Tests
{
    /// <summary>The PWM adapter on a dotnet/iot PwmChannel standing in for a timer channel.</summary>
    [TestClass]
    public class PwmChannelOutputTests
    {
        [TestMethod]
        public void ANewOutputIsStoppedAtZeroDuty()
        {
            var channel = new FakePwmChannel(1000, 0.5);
            var output = new PwmChannelOutput(channel);

            Assert.IsFalse(output.IsRunning);
            Assert.IsFalse(channel.Running);
            Assert.AreEqual(0.0, channel.DutyCycle);
        }

        [TestMethod]
        public void TheFrequencyReadBackIsTheOneTheTimerReached()
        {
            var channel = new FakePwmChannel(1000, 0) { ResolutionHz = 10 };
            var output = new PwmChannelOutput(channel);

            output.FrequencyHz = 1004.6;
            Assert.AreEqual(1000, channel.Frequency, "rounded to 1005 Hz, then to the timer's 10 Hz step");
            Assert.AreEqual(1000.0, output.FrequencyHz);
        }

        [TestMethod]
        public void AFrequencyBelowOneHertzOrNaNIsRefused()
        {
            var output = new PwmChannelOutput(new FakePwmChannel(1000, 0));

            Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => output.FrequencyHz = 0);
            Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => output.FrequencyHz = double.NaN);
        }

        [TestMethod]
        public void TheDutyIsPassedThroughAndClampedToZeroOne()
        {
            var channel = new FakePwmChannel(1000, 0);
            var output = new PwmChannelOutput(channel);

            output.DutyCycle = 0.05;
            Assert.AreEqual(0.05, channel.DutyCycle);
            output.DutyCycle = 1.2;
            Assert.AreEqual(1.0, channel.DutyCycle);
            output.DutyCycle = -0.1;
            Assert.AreEqual(0.0, channel.DutyCycle);
            output.DutyCycle = double.NaN;
            Assert.AreEqual(0.0, channel.DutyCycle);
        }

        [TestMethod]
        public void StartAndStopFollowTheChannel()
        {
            var channel = new FakePwmChannel(1000, 0);
            var output = new PwmChannelOutput(channel);

            output.Start();
            Assert.IsTrue(output.IsRunning);
            Assert.IsTrue(channel.Running);
            output.Stop();
            Assert.IsFalse(output.IsRunning);
            Assert.IsFalse(channel.Running);
        }
    }
}
