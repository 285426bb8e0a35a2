using Microsoft.CodeAnalysis;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NfCheck.Tests.TestSupport;

namespace NfCheck.Tests;

/// <summary>
/// What the nanoFramework spec lists as working must pass without a single violation, in Debug and
/// Release: including what the compiler adds for it (closure classes, the lambda cache, string-switch
/// hashing in &lt;PrivateImplementationDetails&gt;, embedded attributes).
/// </summary>
[TestClass]
public sealed class SupportedSubsetTests
{
    private const string Source = """
        using System;
        using System.Collections;
        using System.Threading;

        namespace Fixture
        {
            public enum Mode { Idle, Charging }
            public delegate void ReadingHandler(int milliVolts);
            public interface ISensor { int Read(); }

            public abstract class SensorBase : ISensor
            {
                public abstract int Read();
                public override string ToString() { return "sensor"; }
            }

            public readonly struct Reading
            {
                public readonly int MilliVolts;
                public Reading(int milliVolts) { MilliVolts = milliVolts; }
                public override string ToString() { return MilliVolts.ToString(); }
            }

            public struct Point { public int X; public int Y; }

            public sealed class Meter : SensorBase, IDisposable
            {
                private static readonly int[] s_table = new[] { 1, 2, 3, 4, 5, 6, 7, 8 };
                private readonly object _lock = new object();
                private int _last;

                static Meter() { }

                public event ReadingHandler Changed;
                public event EventHandler Stopped;

                public int Last { get { return _last; } set { _last = value; } }
                public int Auto { get; set; }

                public override int Read()
                {
                    lock (_lock) { _last++; }
                    Changed?.Invoke(_last);
                    return _last;
                }

                public void Stop() { Stopped?.Invoke(this, EventArgs.Empty); }

                public void Dispose() { }

                public int Sum(params int[] values)
                {
                    int total = 0;
                    foreach (int value in values) { total += value; }
                    return total;
                }

                public int Closures()
                {
                    int offset = 3;
                    ReadingHandler handler = milliVolts => _last = milliVolts + offset;
                    handler(1);
                    ThreadStart start = () => { offset++; };
                    start();
                    ReadingHandler print = milliVolts => Console.WriteLine(milliVolts.ToString());
                    print(2);
                    int Local(int x) => x + offset;
                    return Local(4) + Sum() + Sum(1, 2);
                }

                public static int Jagged()
                {
                    int[][] rows = new int[3][];
                    for (int i = 0; i < rows.Length; i++) { rows[i] = new int[i + 1]; rows[i][i] = i; }
                    Point[] points = new Point[2];
                    points[1].X = 4;
                    return rows[2][2] + points[1].X + s_table[3];
                }

                public static string Describe(string command, int count, double amps, Mode mode)
                {
                    switch (command)
                    {
                        case "start": return $"start {count} at {amps.ToString("F2")} A";
                        case "stop": return "stop";
                        case "pause": return "pause " + count;
                        case "resume": return $"resume {count:D3} {amps:F1}";
                        case "status": return string.Concat("status ", count.ToString());
                        case "reset": return "reset";
                        case "fault": return "fault";
                        default: break;
                    }

                    string text = mode switch { Mode.Idle => "idle", Mode.Charging => "charging", _ => "unknown" };
                    object boxed = count;
                    if (boxed is int n && n > 2) { text += n; }
                    int modeNumber = (int)mode;
                    string none = null;
                    return (none ?? text) + $"{modeNumber}{(char)65}";
                }

                public static double Parse(string text) { return double.Parse(text) * 2.5f; }

                public static ArrayList List()
                {
                    var list = new ArrayList();
                    list.Add("a");
                    foreach (object item in list) { }
                    return list;
                }

                public static void Threads()
                {
                    using (var timer = new Timer(_ => { }, null, 0, 100)) { }
                    var ready = new AutoResetEvent(false);
                    int counter = 0;
                    Interlocked.Increment(ref counter);
                    new Thread(() => ready.Set()).Start();
                }

                public static bool Time()
                {
                    return !Guid.NewGuid().Equals(Guid.Empty) && DateTime.UtcNow > DateTime.MinValue && TimeSpan.FromSeconds(2).Ticks > 0;
                }

                public static byte Unchecked(int value) { unchecked { return (byte)(value * 31 + 7); } }

                public static int Bits(byte[] frame) { return BitConverter.ToInt32(frame, 0) + (frame[1] << 8 | frame[0]); }

                public static int Methods() { return typeof(Meter).GetMethods().Length; }

                public static uint At(uint[] values, uint index) { return values[index]; }
            }
        }
        """;

    [TestMethod]
    [DataRow(OptimizationLevel.Debug)]
    [DataRow(OptimizationLevel.Release)]
    public void AnAssemblyOfTheSupportedSubsetHasNoViolations(OptimizationLevel optimization)
    {
        Checks.AssertClean(Checks.CompileAndCheck("Supported" + optimization, Source, optimization));
    }
}
