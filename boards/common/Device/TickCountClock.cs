// Device-only (nanoFramework, package nanoFramework.Runtime.Native).
// Environment.TickCount64: "the number of milliseconds elapsed since the system started", declared in
// nanoFramework.Runtime.Native (source: nanoframework/nanoFramework.Runtime.Native,
// nanoFramework.Runtime.Native/System/Environment.cs); it is not in CoreLibrary 1.17.11's mscorlib (checked against
// the package's mscorlib.xml on this machine). Added for nanoframework/Home#943; its native side fixed in
// nanoframework/nf-interpreter PR #2244 (2022).
using System;
using V2G.Hal.Timing;

namespace V2G.Boards.Device
{
    /// <summary>
    /// The monotonic clock: milliseconds since boot from the runtime's tick counter, which SNTP never moves
    /// (DateTime.UtcNow jumps when SNTP sets it, so no timeout may use it).
    /// </summary>
    public sealed class TickCountClock : IMonotonicClock
    {
        /// <inheritdoc />
        public long NowMs => Environment.TickCount64;
    }
}
