using System;
using V2G.Firmware.Session;
using V2G.Firmware.Settings;
using V2G.Firmware.Storage;
using V2G.Firmware.Uplink;
using V2G.Firmware.Uplink.StoreAndForward;
using V2G.Sim.Plant.Board;
using V2G.Sim.Plant.Storage;
using V2G.UnitTests.Fakes;

namespace V2G.UnitTests.Uplink
{
    /// <summary>
    /// The uplink service on the simulator board's charger and a <see cref="FakeUplink"/>, run as a
    /// board would: the controller's tick and the service's Tick every control period, the service's
    /// Pump every <see cref="PumpEveryTicks"/> periods (here on the same thread, one after the other).
    /// Wall time starts at 2026-11-26T05:00:00Z.
    /// </summary>
    public sealed class UplinkRig
    {
        public const string Until0600 = "2026-11-26T06:00:00Z";

        public readonly SimulatedCharger Sim;
        public readonly FakeUplink Client = new FakeUplink();
        public readonly SimulatedFlash QueueFlash;
        public readonly OutageQueue Queue;
        public readonly FlashRecordStore Store;
        public readonly UplinkSettings Settings;
        public readonly SimWallClock Wall;
        public readonly UplinkService Service;
        public int PumpEveryTicks = 5;
        private int _ticks;

        public UplinkRig() : this(new UplinkSettings(), null)
        {
        }

        public UplinkRig(UplinkSettings settings, FlashRecordStore store) : this(settings, store, 32)
        {
        }

        /// <summary>A rig whose outage queue has <paramref name="queueSectors"/> sectors of 4 KiB.</summary>
        public UplinkRig(UplinkSettings settings, FlashRecordStore store, int queueSectors)
        {
            QueueFlash = new SimulatedFlash(4096, queueSectors);
            Settings = settings;
            Sim = new SimulatedCharger(new ChargerSettings(), 60, 40, 50);
            Wall = new SimWallClock(Sim.Clock, new DateTime(2026, 11, 26, 5, 0, 0));
            Queue = new OutageQueue(QueueFlash);
            Store = store ?? new FlashRecordStore(new SimulatedFlash(4096, 2), 16, 128);
            Service = new UplinkService(settings, Sim.Controller, Client, Queue, Store, Wall, new V2G.UnitTests.Plc.SeededEntropy(3));
        }

        public ChargeController Controller => Sim.Controller;

        public string Topic(string suffix)
        {
            return Service.Topics.Root + suffix;
        }

        /// <summary>Runs <paramref name="ms"/> of control periods with the pumps in between.</summary>
        public void Run(long ms)
        {
            long periods = ms / Sim.Settings.TickPeriodMs;
            for (long i = 0; i < periods; i++)
            {
                Sim.RunTick();
                Service.Tick(Sim.Clock.NowMs);
                if (++_ticks % PumpEveryTicks == 0)
                {
                    Service.Pump(Sim.Clock.NowMs);
                }
            }
        }

        /// <summary>Sends a setpoint command as the aggregator would (JSON built by hand).</summary>
        public void Setpoint(string id, double powerW, string validUntil, int priority)
        {
            Client.Inject(Topic("cmd/setpoint"), "{\"id\":\"" + id + "\",\"power_W\":" + powerW.ToString() + ",\"valid_until\":\"" + validUntil + "\",\"priority\":" + priority.ToString() + "}");
        }

        public void Heartbeat(int seq)
        {
            Client.Inject(Topic("heartbeat"), "{\"seq\":" + seq.ToString() + "}");
        }

        /// <summary>The last reply on cmd/setpoint/reply, or null.</summary>
        public FakePublish LastReply => Client.LastOn(Topic("cmd/setpoint/reply"));

        /// <summary>
        /// Checks that the seq numbers of <paramref name="published"/> (live and replayed, in any order)
        /// are exactly 1..n, each once; returns n.
        /// </summary>
        public static int AssertSeqContiguous(FakePublish[] published, string what)
        {
            bool[] seen = new bool[published.Length + 1];
            for (int i = 0; i < published.Length; i++)
            {
                long seq = IntegerOf(published[i].Payload, "seq");
                // An int index: a long one is a checked conversion, which the device does not check.
                if (seq < 1 || seq > published.Length || seen[(int)seq])
                {
                    throw new System.Exception(what + ": seq " + seq.ToString() + " missing, repeated or out of 1.." + published.Length.ToString() + " in " + published[i].Payload);
                }

                seen[(int)seq] = true;
            }

            return published.Length;
        }

        /// <summary>The integer after "key": in a payload, or −1.</summary>
        public static long IntegerOf(string payload, string key)
        {
            string marker = "\"" + key + "\":";
            int i = payload.IndexOf(marker);
            if (i < 0)
            {
                return -1;
            }

            i += marker.Length;
            long value = 0;
            while (i < payload.Length && payload[i] >= '0' && payload[i] <= '9')
            {
                value = value * 10 + (payload[i] - '0');
                i++;
            }

            return value;
        }
    }
}
