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
    /// The pin-map tables in boards/esp32/README.md and boards/stm32/README.md match PinMap.cs row for
    /// row, so the wiring a user follows is the wiring the firmware drives. Host only: the device has no
    /// file system here.
    /// </summary>
    [TestClass]
    public class BoardReadmeTests
    {
        [TestMethod]
        public void TheEsp32ReadmePinTableMatchesThePinMap()
        {
            CheckReadme("boards/esp32/README.md", Esp32PinMap.Create());
        }

        [TestMethod]
        public void TheStm32ReadmePinTableMatchesThePinMap()
        {
            CheckReadme("boards/stm32/README.md", Stm32PinMap.Create());
        }

        /// <summary>The README row of one assignment, as the README's pin table writes it.</summary>
        public static string Row(PinAssignment a)
        {
            string bus = a.BusInstance == 0 ? "-" : a.BusInstance.ToString();
            return "| " + PinFunctions.Name(a.Function) + " | " + a.PinName + " | " + a.PinNumber.ToString() + " | " + bus + " | " + a.Notes + " |";
        }

        private static void CheckReadme(string relativePath, BoardPinMap map)
        {
#if !NANOFRAMEWORK_1_0
            string[] lines = File.ReadAllLines(FindInRepository(relativePath));
            int tableRows = 0;
            for (int i = 0; i < map.Count; i++)
            {
                string expected = Row(map.Get(i));
                Assert.IsTrue(Array.IndexOf(lines, expected) >= 0, relativePath + " lacks the row " + expected);
            }

            foreach (string line in lines)
            {
                if (line.StartsWith("| ") && map.Find(FunctionNamed(line.Substring(2, line.IndexOf(' ', 2) - 2))) != null)
                {
                    tableRows++;
                }
            }

            Assert.AreEqual(map.Count, tableRows, relativePath + ": pin table rows");
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
