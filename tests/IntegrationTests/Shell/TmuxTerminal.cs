using System;
using System.Diagnostics;
using System.IO;
using System.Threading;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace V2G.IntegrationTests.Shell
{
    /// <summary>
    /// A terminal program (picocom) driven as a person drives it: run inside a detached tmux session on a tmux
    /// server of its own (<c>tmux -L</c>, so that no one's own sessions are touched), keys sent with
    /// <c>send-keys</c>, the screen read with <c>capture-pane</c>. The server is killed on dispose.
    /// </summary>
    public sealed class TmuxTerminal : IDisposable
    {
        private const string Session = "tech";

        private readonly string _socket;

        private TmuxTerminal(string socket)
        {
            _socket = socket;
        }

        /// <summary>
        /// <c>picocom -q -b 115200 --omap crlf PATH</c>: Enter sends CR LF, as the shell's docs recommend. Should picocom
        /// fail, its pane stays a while, so that the screen in the test's failure says why.
        /// </summary>
        public static TmuxTerminal Picocom(string path)
        {
            Require("tmux");
            Require("picocom");
            var terminal = new TmuxTerminal("v2g-" + Guid.NewGuid().ToString("N").Substring(0, 12));
            terminal.Tmux("new-session", "-d", "-s", Session, "-x", "160", "-y", "50", $"picocom -q -b 115200 --omap crlf {path} || sleep 30");
            return terminal;
        }

        /// <summary>
        /// Presses Enter until the screen shows <paramref name="prompt"/> (picocom takes a moment to open the port,
        /// and keys typed before are lost). capture-pane drops trailing blanks: look for "v2g>", not "v2g> ".
        /// </summary>
        public void WaitForPrompt(string prompt, int timeoutMs = 5000)
        {
            var clock = Stopwatch.StartNew();
            while (!Screen().Contains(prompt, StringComparison.Ordinal))
            {
                if (clock.ElapsedMilliseconds > timeoutMs)
                {
                    Assert.Fail($"no prompt '{prompt}' within {timeoutMs} ms; the screen:\n{Screen()}");
                }

                Keys("Enter");
                Thread.Sleep(200);
            }
        }

        /// <summary>Types <paramref name="text"/> literally (no key names), then Enter.</summary>
        public void TypeLine(string text)
        {
            Type(text);
            Keys("Enter");
        }

        /// <summary>Types <paramref name="text"/> literally.</summary>
        public void Type(string text)
        {
            if (text.Length > 0)
            {
                Tmux("send-keys", "-t", Session, "-l", text);
            }
        }

        /// <summary>Sends keys by tmux name: Enter, Tab, Up, Down, BSpace, C-c, C-u.</summary>
        public void Keys(params string[] keys)
        {
            var args = new string[keys.Length + 3];
            args[0] = "send-keys";
            args[1] = "-t";
            args[2] = Session;
            keys.CopyTo(args, 3);
            Tmux(args);
        }

        /// <summary>The screen and its scroll-back, as text.</summary>
        public string Screen() => Tmux("capture-pane", "-p", "-J", "-t", Session, "-S", "-500");

        /// <summary>Waits until the screen holds <paramref name="text"/> <paramref name="times"/> times; fails the test with the screen if not.</summary>
        public string WaitFor(string text, int times = 1, int timeoutMs = 5000)
        {
            var clock = Stopwatch.StartNew();
            for (;;)
            {
                string screen = Screen();
                if (Count(screen, text) >= times)
                {
                    return screen;
                }

                if (clock.ElapsedMilliseconds > timeoutMs)
                {
                    Assert.Fail($"the terminal did not show '{text}' ({times}x) within {timeoutMs} ms; the screen:\n{screen}");
                }

                Thread.Sleep(30);
            }
        }

        public static int Count(string haystack, string needle)
        {
            int n = 0;
            for (int at = haystack.IndexOf(needle, StringComparison.Ordinal); at >= 0; at = haystack.IndexOf(needle, at + needle.Length, StringComparison.Ordinal))
            {
                n++;
            }

            return n;
        }

        public void Dispose()
        {
            try
            {
                // picocom's own exit (C-a C-x) first, so it restores the pty; then the server goes.
                Keys("C-a", "C-x");
                Thread.Sleep(50);
                Tmux("kill-server");
            }
            catch (AssertFailedException)
            {
                // Already gone (the session ended with picocom).
            }
        }

        private string Tmux(params string[] args)
        {
            var info = new ProcessStartInfo("tmux")
            {
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            info.ArgumentList.Add("-L");
            info.ArgumentList.Add(_socket);
            foreach (string a in args)
            {
                info.ArgumentList.Add(a);
            }

            using Process p = Process.Start(info);
            string stdout = p.StandardOutput.ReadToEnd();
            string stderr = p.StandardError.ReadToEnd();
            p.WaitForExit();
            if (p.ExitCode != 0)
            {
                Assert.Fail($"tmux {string.Join(' ', args)} failed ({p.ExitCode}): {stderr}");
            }

            return stdout;
        }

        private static void Require(string program)
        {
            foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            {
                if (File.Exists(Path.Combine(dir, program)))
                {
                    return;
                }
            }

            Assert.Fail($"{program} is not installed (not found on PATH): the shell's terminal tests drive picocom inside tmux. Install it with 'sudo apt-get install {program}'");
        }
    }
}
