#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Protocol.Telemetry;

namespace V2G.UnitTests.Telemetry
{
    [TestClass]
    public class Rfc3339Tests
    {
        [TestMethod]
        public void TheUnixEpochIsNineteenSeventy()
        {
            Assert.AreEqual("1970-01-01T00:00:00.000Z", Rfc3339.FormatUtc(0));
        }

        [TestMethod]
        [DataRow(1795669201000L, "2026-11-26T05:00:01.000Z")]
        [DataRow(951782400000L, "2000-02-29T00:00:00.000Z")]
        [DataRow(951868799999L, "2000-02-29T23:59:59.999Z")]
        [DataRow(951868800000L, "2000-03-01T00:00:00.000Z")]
        [DataRow(1709164800000L, "2024-02-29T00:00:00.000Z")]
        [DataRow(4107542400000L, "2100-03-01T00:00:00.000Z")]
        [DataRow(4107456000000L, "2100-02-28T00:00:00.000Z")]
        [DataRow(1735689599999L, "2024-12-31T23:59:59.999Z")]
        [DataRow(-1L, "1969-12-31T23:59:59.999Z")]
        [DataRow(-86400000L, "1969-12-31T00:00:00.000Z")]
        [DataRow(253402300799999L, "9999-12-31T23:59:59.999Z")]
        public void TimesAreFormattedAcrossLeapYearsAndCenturies(long unixMs, string text)
        {
            Assert.AreEqual(text, Rfc3339.FormatUtc(unixMs));
            long parsed;
            Assert.IsTrue(Rfc3339.TryParseUnixMs(text, out parsed), text);
            Assert.AreEqual(unixMs, parsed, text);
        }

        [TestMethod]
        public void EveryDayOfFourCenturiesRoundTrips()
        {
            // 1900..2299: 1900 and 2100/2200 are not leap years, 2000 is.
            long first = Rfc3339.DaysFromCivil(1900, 1, 1);
            long last = Rfc3339.DaysFromCivil(2299, 12, 31);
            int year = 1900;
            int month = 1;
            int day = 1;
            for (long d = first; d <= last; d++)
            {
                int y;
                int m;
                int dd;
                Rfc3339.CivilFromDays(d, out y, out m, out dd);
                Assert.AreEqual(year, y);
                Assert.AreEqual(month, m);
                Assert.AreEqual(day, dd);
                Assert.AreEqual(d, Rfc3339.DaysFromCivil(y, m, dd));

                day++;
                if (day > Rfc3339.DaysInMonth(year, month))
                {
                    day = 1;
                    month++;
                    if (month > 12)
                    {
                        month = 1;
                        year++;
                    }
                }
            }

            Assert.AreEqual(2300, year);
        }

        [TestMethod]
        public void TimesBeyondYear9999AreClamped()
        {
            Assert.AreEqual("9999-12-31T23:59:59.999Z", Rfc3339.FormatUtc(long.MaxValue));
            Assert.AreEqual("0000-01-01T00:00:00.000Z", Rfc3339.FormatUtc(long.MinValue));
        }

        [TestMethod]
        [DataRow("2026-11-26T07:00:00+02:00", 1795669200000L)]
        [DataRow("2026-11-26T00:30:00-04:30", 1795669200000L)]
        [DataRow("2026-11-26t05:00:00z", 1795669200000L)]
        [DataRow("2026-11-26T05:00:00.5Z", 1795669200500L)]
        [DataRow("2026-11-26T05:00:00.123456789Z", 1795669200123L)]
        [DataRow("2026-11-26T04:59:60Z", 1795669200000L)]
        public void OffsetsFractionsAndLowerCaseAreAccepted(string text, long unixMs)
        {
            long parsed;
            Assert.IsTrue(Rfc3339.TryParseUnixMs(text, out parsed), text);
            Assert.AreEqual(unixMs, parsed, text);
        }

        [TestMethod]
        [DataRow("")]
        [DataRow("2026-11-26")]
        [DataRow("2026-11-26T05:00:00")]
        [DataRow("2026-11-26 05:00:00Z")]
        [DataRow("2026-11-26T05:00Z")]
        [DataRow("2026-13-01T00:00:00Z")]
        [DataRow("2026-00-01T00:00:00Z")]
        [DataRow("2026-02-29T00:00:00Z")]
        [DataRow("2100-02-29T00:00:00Z")]
        [DataRow("2026-04-31T00:00:00Z")]
        [DataRow("2026-11-26T24:00:00Z")]
        [DataRow("2026-11-26T05:60:00Z")]
        [DataRow("2026-11-26T05:00:61Z")]
        [DataRow("2026-11-26T05:00:00.Z")]
        [DataRow("2026-11-26T05:00:00+0200")]
        [DataRow("2026-11-26T05:00:00+24:00")]
        [DataRow("2026-11-26T05:00:00Zjunk")]
        [DataRow("+2026-11-26T05:00:00Z")]
        [DataRow("2026-11-2aT05:00:00Z")]
        public void MalformedOrImpossibleTimesAreRefused(string text)
        {
            long parsed;
            Assert.IsFalse(Rfc3339.TryParseUnixMs(text, out parsed), text);
        }

        [TestMethod]
        public void NullIsRefused()
        {
            long parsed;
            Assert.IsFalse(Rfc3339.TryParseUnixMs(null, out parsed));
        }

        [TestMethod]
        public void WriteUtcWritesNothingWhenItDoesNotFit()
        {
            byte[] buffer = new byte[30];
            Assert.AreEqual(0, Rfc3339.WriteUtc(0, buffer, 7));
            Assert.AreEqual(Rfc3339.UtcLength, Rfc3339.WriteUtc(0, buffer, 6));
        }
    }
}
