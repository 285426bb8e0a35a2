using System;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using V2G.Boards.Hal;

namespace V2G.BoardAdapters.Tests
{
    /// <summary>
    /// The serial adapter over .NET's System.IO.Ports on a real pseudo-terminal pair made by socat (a null-modem
    /// cable in software): both ends opened through the adapter.
    /// </summary>
    [TestClass]
    public class SerialPortStreamTests
    {
        private const int Baud = 115200;

        [TestMethod]
        public void BytesWrittenAtOneEndAreReadAtTheOther()
        {
            using var pair = PtyPair.Start();
            using var device = new SerialPortStream(pair.EndA, Baud);
            using var technician = new SerialPortStream(pair.EndB, Baud);

            byte[] command = Encoding.ASCII.GetBytes("status\r\n");
            Assert.IsTrue(technician.Write(command, 0, command.Length));

            byte[] buffer = new byte[64];
            int got = ReadAtLeast(device, buffer, command.Length, 3000);
            Assert.AreEqual("status\r\n", Encoding.ASCII.GetString(buffer, 0, got));
            Assert.AreEqual(Baud, device.BaudRate);
        }

        [TestMethod]
        public void AReadWithNothingWaitingReturnsZeroAtOnce()
        {
            using var pair = PtyPair.Start();
            using var device = new SerialPortStream(pair.EndA, Baud);

            var watch = Stopwatch.StartNew();
            Assert.AreEqual(0, device.Read(new byte[16], 0, 16));
            Assert.IsTrue(watch.ElapsedMilliseconds < 200, "the read did not block");
        }

        [TestMethod]
        public void AReadTakesNoMoreThanAsked()
        {
            using var pair = PtyPair.Start();
            using var device = new SerialPortStream(pair.EndA, Baud);
            using var technician = new SerialPortStream(pair.EndB, Baud);
            byte[] text = Encoding.ASCII.GetBytes("abcdef");
            technician.Write(text, 0, text.Length);

            byte[] buffer = new byte[16];
            int first = ReadAtLeast(device, buffer, 1, 3000, 0, 4);
            Assert.IsTrue(first >= 1 && first <= 4, "at most the 4 asked for");
            int rest = ReadAtLeast(device, buffer, 6 - first, 3000, first, 16 - first);
            Assert.AreEqual("abcdef", Encoding.ASCII.GetString(buffer, 0, first + rest));
        }

        [TestMethod]
        public void AClosedStreamReportsClosedAndRefusesWrites()
        {
            using var pair = PtyPair.Start();
            var device = new SerialPortStream(pair.EndA, Baud);
            device.Close();

            Assert.IsFalse(device.IsOpen);
            Assert.IsFalse(device.Write(new byte[] { 1 }, 0, 1));
            Assert.AreEqual(0, device.Read(new byte[4], 0, 4));
            device.Dispose();
        }

        /// <summary>Polls until <paramref name="count"/> bytes came (each read asking at most what is left of <paramref name="maxBytes"/>).</summary>
        private static int ReadAtLeast(SerialPortStream stream, byte[] buffer, int count, int timeoutMs, int offset = 0, int maxBytes = -1)
        {
            if (maxBytes < 0)
            {
                maxBytes = buffer.Length - offset;
            }

            int got = 0;
            var watch = Stopwatch.StartNew();
            while (got < count && got < maxBytes && watch.ElapsedMilliseconds < timeoutMs)
            {
                int n = stream.Read(buffer, offset + got, maxBytes - got);
                got += n;
                if (n == 0)
                {
                    Thread.Sleep(5);
                }
            }

            return got;
        }

        /// <summary>socat's pseudo-terminal pair; the test is inconclusive where socat is not installed.</summary>
        private sealed class PtyPair : IDisposable
        {
            private readonly Process _socat;
            private readonly string _directory;

            private PtyPair(Process socat, string directory, string endA, string endB)
            {
                _socat = socat;
                _directory = directory;
                EndA = endA;
                EndB = endB;
            }

            /// <summary>The pty device of each end (/dev/pts/N: the link resolved, as a port name).</summary>
            public string EndA { get; }

            public string EndB { get; }

            public static PtyPair Start()
            {
                string socat = FindSocat();
                if (socat == null)
                {
                    Assert.Inconclusive("socat is not installed (apt-get install socat); CI installs it");
                }

                string directory = Directory.CreateTempSubdirectory("v2g-serial-").FullName;
                string a = Path.Combine(directory, "a");
                string b = Path.Combine(directory, "b");
                var info = new ProcessStartInfo(socat) { UseShellExecute = false, RedirectStandardError = true };
                info.ArgumentList.Add("-d");
                info.ArgumentList.Add("-d");
                info.ArgumentList.Add("pty,raw,echo=0,link=" + a);
                info.ArgumentList.Add("pty,raw,echo=0,link=" + b);
                Process process = Process.Start(info);
                var ready = new ManualResetEventSlim();
                process.ErrorDataReceived += (_, e) =>
                {
                    if (e.Data == null || e.Data.Contains("starting data transfer loop", StringComparison.Ordinal))
                    {
                        ready.Set();
                    }
                };
                process.BeginErrorReadLine();
                if (!ready.Wait(5000) || process.HasExited)
                {
                    process.Kill();
                    Assert.Fail("socat did not make the pseudo-terminal pair");
                }

                return new PtyPair(process, directory, Resolve(a), Resolve(b));
            }

            public void Dispose()
            {
                try
                {
                    if (!_socat.HasExited)
                    {
                        _socat.Kill();
                        _socat.WaitForExit(2000);
                    }
                }
                catch (InvalidOperationException)
                {
                }

                _socat.Dispose();
                try
                {
                    Directory.Delete(_directory, true);
                }
                catch (IOException)
                {
                }
            }

            private static string Resolve(string link)
            {
                FileSystemInfo target = new FileInfo(link).ResolveLinkTarget(true);
                return target?.FullName ?? link;
            }

            private static string FindSocat()
            {
                foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
                {
                    string candidate = Path.Combine(dir, "socat");
                    if (File.Exists(candidate))
                    {
                        return candidate;
                    }
                }

                return null;
            }
        }
    }
}
