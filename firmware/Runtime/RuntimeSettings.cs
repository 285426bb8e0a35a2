using V2G.Firmware.Ccs;
using V2G.Firmware.Pilot;
using V2G.Firmware.Uplink;
using V2G.Protocol.GbT.Charger;
using V2G.Protocol.Slac;

namespace V2G.Firmware.Runtime
{
    /// <summary>The protocol stacks' and threads' settings of a <see cref="ChargerRuntime"/> (ChargerSettings holds the controller's).</summary>
    public sealed class RuntimeSettings
    {
        /// <summary>The GB/T 27930 session (profile, timeouts); its discharge limits are taken from ChargerSettings.</summary>
        public GbtChargerSettings Gbt { get; set; } = new GbtChargerSettings();

        /// <summary>True when the GB/T session offers the discharge extension.</summary>
        public bool GbtDischarge { get; set; }

        /// <summary>The CCS connection's settings.</summary>
        public CcsSettings Ccs { get; set; } = new CcsSettings();

        /// <summary>SLAC (ISO 15118-3) on the PLC modem.</summary>
        public SlacSettings Slac { get; set; } = new SlacSettings();

        /// <summary>The pilot and proximity classifiers.</summary>
        public PilotSettings Pilot { get; set; } = new PilotSettings();

        /// <summary>The uplink (charger id, periods).</summary>
        public UplinkSettings Uplink { get; set; } = new UplinkSettings();

        /// <summary>Records the record store holds (droop, config, battery, the log's records, the uplink's boot counter).</summary>
        public int RecordStoreMaxRecords { get; set; } = 16;

        /// <summary>Longest record, bytes.</summary>
        public int RecordStoreMaxRecordBytes { get; set; } = 128;

        /// <summary>Decoded protocol messages kept for the shell's trace.</summary>
        public int TraceEntries { get; set; } = 512;

        /// <summary>Detail bytes the trace keeps.</summary>
        public int TraceDetailBytes { get; set; } = 120;

        /// <summary>The housekeeping thread's period (battery state, log), ms.</summary>
        public int HousekeepingPeriodMs { get; set; } = 200;

        /// <summary>The shell thread's period, ms.</summary>
        public int ShellPeriodMs { get; set; } = 20;

        /// <summary>The uplink thread's period, ms.</summary>
        public int UplinkPeriodMs { get; set; } = 20;

        /// <summary>
        /// Period of the bus thread that services the CAN controller and the PLC modem after <see cref="ChargerRuntime.Start"/>,
        /// ms: the MCP2515 holds two received frames, and a BMS's transport-protocol packets arrive about 10 ms apart with
        /// other messages between them [GB/T digest §5, R2].
        /// </summary>
        public int BusServicePeriodMs { get; set; } = 2;
    }
}
