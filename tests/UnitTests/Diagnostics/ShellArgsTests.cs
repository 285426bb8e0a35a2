#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Firmware.Diagnostics;

namespace V2G.UnitTests.Diagnostics
{
    /// <summary>Tokenizing a command line: spaces, quotes, bounds, flags and numbers.</summary>
    [TestClass]
    public class ShellArgsTests
    {
        [TestMethod]
        public void TokensAreSeparatedByAnyRunOfSpacesOrTabs()
        {
            ShellArgs args = ShellArgs.Of("  config\tset   max_charge_power_W 22000 ");
            Assert.AreEqual(4, args.Count);
            Assert.AreEqual("config", args.Command);
            Assert.AreEqual("22000", args[3]);
            Assert.IsNull(args[4]);
        }

        [TestMethod]
        public void DoubleQuotesGroupAndAreRemoved()
        {
            ShellArgs args = ShellArgs.Of("config set charger_id \"Depot A 7\" \"\"");
            Assert.AreEqual(5, args.Count);
            Assert.AreEqual("Depot A 7", args[3]);
            Assert.AreEqual(string.Empty, args[4]);
        }

        [TestMethod]
        public void AnOpenQuoteIsAnError()
        {
            ShellArgs args = new ShellArgs();
            Assert.IsFalse(args.Parse("config set charger_id \"Depot"));
            Assert.AreEqual("unterminated quote", args.Error);
            Assert.AreEqual(0, args.Count);
        }

        [TestMethod]
        public void MoreThan12TokensAreRefusedClearly()
        {
            ShellArgs args = new ShellArgs();
            Assert.IsTrue(args.Parse("a b c d e f g h i j k l"));
            Assert.AreEqual(12, args.Count);
            Assert.IsFalse(args.Parse("a b c d e f g h i j k l m"));
            Assert.AreEqual("too many arguments (max 12)", args.Error);
        }

        [TestMethod]
        public void ATokenLongerThan64CharactersIsRefusedClearly()
        {
            ShellArgs args = new ShellArgs();
            Assert.IsTrue(args.Parse("x " + new string('a', 64)));
            Assert.IsFalse(args.Parse("x " + new string('a', 65)));
            Assert.AreEqual("argument too long (max 64 characters)", args.Error);
        }

        [TestMethod]
        public void HasFindsAFlagAfterTheCommandOnly()
        {
            ShellArgs args = ShellArgs.Of("status --json");
            Assert.IsTrue(args.Has("--json"));
            Assert.IsFalse(args.Has("status"));
            Assert.IsFalse(args.Has("--help"));
        }

        [TestMethod]
        [DataRow("22000", 22000.0)]
        [DataRow("-0.5", -0.5)]
        [DataRow("+49.8", 49.8)]
        [DataRow("1e3", 1000.0)]
        [DataRow("2.5E-2", 0.025)]
        [DataRow(".5", 0.5)]
        [DataRow("0050", 50.0)]
        public void NumbersParseInvariantly(string text, double expected)
        {
            double value;
            Assert.IsTrue(ShellArgs.Of("x " + text).TryGetDouble(1, out value));
            Assert.AreEqual(expected, value);
        }

        [TestMethod]
        [DataRow("abc")]
        [DataRow("1,5")]
        [DataRow("1.5.2")]
        [DataRow("-")]
        [DataRow("1e")]
        [DataRow("NaN")]
        [DataRow("Infinity")]
        [DataRow("1e999")]
        [DataRow("12W")]
        public void NonNumbersAreRefused(string text)
        {
            double value;
            Assert.IsFalse(ShellArgs.Of("x " + text).TryGetDouble(1, out value));
        }

        [TestMethod]
        public void IntegersAreDigitsOnly()
        {
            ShellArgs args = ShellArgs.Of("log show 50 -3 2.5 99999999999");
            long value;
            Assert.IsTrue(args.TryGetInteger(2, out value));
            Assert.AreEqual(50L, value);
            Assert.IsTrue(args.TryGetInteger(3, out value));
            Assert.AreEqual(-3L, value);
            Assert.IsFalse(args.TryGetInteger(4, out value));
            int small;
            Assert.IsFalse(args.TryGetInteger(5, out small));
            Assert.IsFalse(args.TryGetInteger(9, out value));
        }
    }
}
