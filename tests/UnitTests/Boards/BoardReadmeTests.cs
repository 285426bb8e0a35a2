#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using System;
using System.IO;
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Boards.Esp32;
using V2G.Boards.Stm32;
using V2G.Hal.Board;

namespace V2G.UnitTests.Boards
{
    /// <summary>
    /// The pin-map tables in boards/esp32/README.md (one per variant) and boards/stm32/README.md match
    /// PinMap.cs row for row, so the wiring a user follows is the wiring the firmware drives. Host only:
    /// the device has no file system here.
    /// </summary>
    [TestClass]
    public class BoardReadmeTests
    {
        [TestMethod]
        public void TheEsp32CcsReadmePinTableMatchesThePinMap()
        {
            CheckReadme("boards/esp32/README.md", "### CCS variant", Esp32PinMap.CreateCcs());
        }

        [TestMethod]
        public void TheEsp32GbtReadmePinTableMatchesThePinMap()
        {
            CheckReadme("boards/esp32/README.md", "### GB/T variant", Esp32PinMap.CreateGbt());
        }

        [TestMethod]
        public void TheStm32ReadmePinTableMatchesThePinMap()
        {
            CheckReadme("boards/stm32/README.md", "## Pin map", Stm32PinMap.Create());
        }

        /// <summary>The README row of one assignment, as the README's pin table writes it.</summary>
        public static string Row(PinAssignment a)
        {
            // An MCU analog input's instance is its ADC channel, where 0 is a channel, not "none".
            bool none = a.BusInstance == 0 && !PinFunctions.IsMcuAnalogInput(a.Function);
            string bus = none ? "-" : a.BusInstance.ToString();
            string level = a.ActiveLow ? "low" : "high";
            return "| " + PinFunctions.Name(a.Function) + " | " + a.PinName + " | " + a.PinNumber.ToString() + " | " + bus + " | " + level + " | " + a.Notes + " |";
        }

        /// <summary>
        /// The table in the section that starts at the line <paramref name="heading"/> and ends at the next
        /// heading: every row of the map is there, and no other function row.
        /// </summary>
        private static void CheckReadme(string relativePath, string heading, BoardPinMap map)
        {
#if !NANOFRAMEWORK_1_0
            string[] all = File.ReadAllLines(FindInRepository(relativePath));
            int first = Array.IndexOf(all, heading);
            Assert.IsTrue(first >= 0, relativePath + " lacks the heading " + heading);
            int last = first + 1;
            while (last < all.Length && !all[last].StartsWith("#"))
            {
                last++;
            }

            string[] lines = new string[last - first - 1];
            Array.Copy(all, first + 1, lines, 0, lines.Length);
            for (int i = 0; i < map.Count; i++)
            {
                string expected = Row(map.Get(i));
                Assert.IsTrue(Array.IndexOf(lines, expected) >= 0, relativePath + " (" + heading + ") lacks the row " + expected);
            }

            int tableRows = 0;
            foreach (string line in lines)
            {
                if (line.StartsWith("| ") && FunctionNamed(line.Substring(2, line.IndexOf(' ', 2) - 2)) != PinFunction.None)
                {
                    tableRows++;
                }
            }

            Assert.AreEqual(map.Count, tableRows, relativePath + " (" + heading + "): pin table rows");
#endif
        }

        private static PinFunction FunctionNamed(string name)
        {
            PinFunction[] all = PinFunctions.All();
            for (int i = 0; i < all.Length; i++)
            {
                if (PinFunctions.Name(all[i]) == name)
                {
                    return all[i];
                }
            }

            return PinFunction.None;
        }

#if !NANOFRAMEWORK_1_0
        private static string FindInRepository(string relativePath)
        {
            string directory = AppContext.BaseDirectory;
            while (directory != null)
            {
                string candidate = Path.Combine(directory, relativePath);
                if (File.Exists(candidate))
                {
                    return candidate;
                }

                directory = Path.GetDirectoryName(directory.TrimEnd(Path.DirectorySeparatorChar));
            }

            Assert.Fail(relativePath + " not found above " + AppContext.BaseDirectory);
            return null;
        }
#endif
    }
}
