using System;
using System.Diagnostics;
using System.Threading;
using V2G.Firmware.Uplink;
using V2G.Firmware.Uplink.StoreAndForward;
using V2G.Hal.Comms;
using V2G.Sim.Plant.Board;
using V2G.Sim.Uplink;

namespace V2G.Sim.Simulation
{
    /// <summary>
    /// The simulator board's MQTT uplink: the firmware's <see cref="UplinkService"/> over MQTTnet, to the
    /// in-process broker (the embedded default) or an external one, with its store-and-forward queue on
    /// the board's own flash partition, behind a network that a scenario can cut.
    /// <para>
    /// On a device Tick runs on the control thread and Pump on the uplink thread; the lockstep calls
    /// both from its one thread. Unpaced, simulated time would race past a connect in flight and
    /// time it out although the broker answered in a few wall milliseconds: so while the transport is
    /// connecting, simulated time waits for it (at most the transport's own timeout), as the lockstep
    /// waits for the vehicle's messages in flight.
    /// </para>
    /// </summary>
    public sealed class SimUplink : IDisposable
    {
        private readonly InProcessBroker _broker;
        private readonly MqttNetUplink _mqtt;
        private readonly bool _unpaced;

        private SimUplink(SimulatedCharger charger, UplinkOptions options, bool unpaced)
        {
            _unpaced = unpaced;
            if (options.BrokerHost == null)
            {
                _broker = InProcessBroker.Start();
                BrokerAddress = _broker.Address;
            }
            else
            {
                BrokerAddress = options.BrokerHost + ":" + options.BrokerPort;
            }

            try
            {
                _mqtt = new MqttNetUplink(new MqttNetUplinkOptions
                {
                    Host = options.BrokerHost ?? InProcessBroker.Host,
                    Port = options.BrokerHost == null ? _broker.Port : options.BrokerPort,
                    Tls = options.Tls,
                    CaFile = options.CaFile,
                    AllowUntrusted = options.AllowUntrusted,
                    Username = options.Username,
                    Password = options.Password,
                });
                Network = new NetworkCutUplink(_mqtt);
                UplinkSettings settings = options.Settings ?? new UplinkSettings();
                settings.ChargerId = options.ChargerId;
                Queue = new OutageQueue(charger.UplinkFlash);
                Service = new UplinkService(settings, charger.Controller, Network, Queue, charger.Store,
                    new SimWallClock(charger.Clock, StartUtc), new SimEntropySource((uint)Environment.TickCount));
                Service.UseMeter(charger.Meter);
            }
            catch
            {
                _mqtt?.Dispose();
                _broker?.Dispose();
                throw;
            }
        }

        /// <summary>
        /// The calendar time at simulated 0: the host's time at the start of the run, so that an
        /// aggregator's valid_until (its own clock plus a validity) means the same to both ends in a
        /// real-time run.
        /// </summary>
        public static readonly DateTime StartUtc = DateTime.UtcNow;

        public UplinkService Service { get; }

        public OutageQueue Queue { get; }

        public NetworkCutUplink Network { get; }

        public string BrokerAddress { get; }

        public bool InProcess => _broker != null;

        /// <summary>Starts the uplink (and the in-process broker when no external one is given).</summary>
        /// <param name="unpaced">True when simulated time runs as fast as the host can.</param>
        public static SimUplink Start(SimulatedCharger charger, UplinkOptions options, bool unpaced)
        {
            return new SimUplink(charger, options ?? new UplinkOptions(), unpaced);
        }

        /// <summary>The control thread's part, after the controller's tick.</summary>
        public void Tick(long nowMs)
        {
            Service.Tick(nowMs);
        }

        /// <summary>The uplink thread's part; unpaced, simulated time waits for a connect in flight.</summary>
        public void Pump(long nowMs)
        {
            Service.Pump(nowMs);
            if (!_unpaced)
            {
                return;
            }

            var wall = Stopwatch.StartNew();
            while (Network.LinkState == UplinkLinkState.Connecting && wall.ElapsedMilliseconds < 30000)
            {
                Thread.Sleep(1);
            }

            if (wall.ElapsedMilliseconds > 0)
            {
                Service.Pump(nowMs);
            }
        }

        /// <summary>Before the run: pumps (without advancing simulated time) until online, at most <paramref name="wallMs"/>.</summary>
        public bool WaitOnline(long nowMs, int wallMs)
        {
            var wall = Stopwatch.StartNew();
            while (!Service.IsOnline && wall.ElapsedMilliseconds < wallMs)
            {
                Service.Pump(nowMs);
                if (!Service.IsOnline)
                {
                    Thread.Sleep(5);
                }
            }

            return Service.IsOnline;
        }

        /// <summary>
        /// At the end of the run: lets the queue drain (at most <paramref name="wallMs"/>), then says
        /// offline in the retained status and disconnects cleanly.
        /// </summary>
        public void Finish(long nowMs, int wallMs)
        {
            var wall = Stopwatch.StartNew();
            while (wall.ElapsedMilliseconds < wallMs && (!Service.IsOnline || Queue.Count > 0) && !Network.IsCut)
            {
                Service.Pump(nowMs);
                if (!Service.IsOnline || Queue.Count > 0)
                {
                    Thread.Sleep(2);
                }
            }

            Service.Pump(nowMs);
            Service.PublishOffline();
        }

        public UplinkSummary Summary()
        {
            return new UplinkSummary
            {
                Broker = BrokerAddress,
                InProcessBroker = InProcess,
                ChargerId = Service.Settings.ChargerId,
                BootId = Service.BootId,
                State = Service.StateName,
                Connects = Service.Connection.Connects,
                Reconnects = Service.Connection.Reconnects,
                Published = Service.Published,
                PublishFailures = Service.PublishFailures,
                Queued = Queue.Enqueued,
                Replayed = Queue.Replayed,
                Pending = Queue.Count,
                DroppedTelemetry = Queue.DroppedOf(UplinkRecordClass.Telemetry),
                DroppedEvents = Queue.DroppedOf(UplinkRecordClass.Event),
                DroppedMeter = Queue.DroppedOf(UplinkRecordClass.Meter),
                TelemetrySamples = Service.TelemetrySeq,
                Events = Service.EventSeq,
                MeterRecords = Service.MeterSeq,
                CommandsAccepted = Service.CommandsAccepted,
                CommandsClamped = Service.CommandsClamped,
                CommandsRejected = Service.CommandsRejected,
                CommandDuplicates = Service.CommandDuplicates,
                NetworkCuts = Network.Cuts,
                LastError = Service.LastError ?? "",
            };
        }

        public void Dispose()
        {
            _mqtt.Dispose();
            _broker?.Dispose();
        }
    }
}
