// The installer's values for the charger's front ends, shared by both boards (the converter, the monitor ADC's
// isolated front end, the grid metering IC, the insulation monitor and the connector's circuits are the same
// whichever MCU board drives them). Compiled into both device applications. Fill every value marked REQUIRED from
// the front ends' schematics and calibration before building: the wiring refuses a value left at NaN, 0 or Unset
// and names it on the debug console before any output is energised. Nothing here is a sourced chip or standard figure.
using V2G.Firmware.Runtime;

namespace V2G.Boards.Device
{
    /// <summary>The front ends' calibration and the drivers' settings that depend on the hardware around the MCU.</summary>
    public static class FrontEndCalibration
    {
        /// <summary>Writes the calibration into <paramref name="b"/> (the monitor ADC's channel allocation is the board's).</summary>
        public static void Fill(BoardSettings b)
        {
            // Monitor ADC (MCP3208 on the board's shared SPI bus).
            b.MonitorAdc.ReferenceVoltageV = double.NaN;   // REQUIRED: the MCP3208's VREF
            b.MonitorAdc.ZeroCodeMeansDeadBus = true;      // code 0 = a dead bus: the front end must bias every channel above 0
            b.MonitorAdcSpiClockHz = 0;                    // REQUIRED
            b.MonitorAdcSpiMode = BoardSettings.Unset;     // REQUIRED: 0 or 3

            // The converter's analog programming interface and monitors (from the converter's manual and the front end).
            b.PowerStage.ReferencePwmFrequencyHz = double.NaN;  // REQUIRED
            b.PowerStage.CurrentAtZeroDutyA = double.NaN;       // REQUIRED
            b.PowerStage.CurrentAtFullDutyA = double.NaN;       // REQUIRED
            b.PowerStage.VoltageMonitorVPerV = double.NaN;      // REQUIRED
            b.PowerStage.VoltageMonitorOffsetV = double.NaN;    // REQUIRED
            b.PowerStage.CurrentMonitorAPerV = double.NaN;      // REQUIRED
            b.PowerStage.CurrentMonitorOffsetA = double.NaN;    // REQUIRED
            b.PowerStage.TemperatureMonitorCPerV = double.NaN;  // REQUIRED
            b.PowerStage.TemperatureMonitorOffsetC = double.NaN; // REQUIRED
            b.PowerStage.MonitorMinimumV = double.NaN;          // REQUIRED: below this a monitor is broken
            b.PowerStage.MonitorMaximumV = double.NaN;          // REQUIRED: above this a monitor is broken
            b.PowerStage.VoltageLoopProportionalAPerV = double.NaN; // REQUIRED: tune on the converter
            b.PowerStage.VoltageLoopIntegralAPerVs = double.NaN;    // REQUIRED
            b.ConnectorVoltsPerMonitorVolt = double.NaN;        // REQUIRED
            b.ConnectorVoltageOffsetV = double.NaN;             // REQUIRED

            // Grid metering IC (ADE9000 on the shared SPI bus): scalings from the front end's dividers and shunts/CTs.
            b.MeteringSpiClockHz = 0;                      // REQUIRED
            b.MeteringSpiMode = BoardSettings.Unset;       // REQUIRED
            b.Metering.VoltsPerRmsCode = 0;                // REQUIRED
            b.Metering.AmpsPerRmsCode = 0;                 // REQUIRED
            b.Metering.WattsPerCode = 0;                   // REQUIRED
            b.Metering.WhPerEnergyCode = 0;                // REQUIRED

            // Insulation monitor: its alarm threshold as configured on the device, and its measurement settle time.
            b.Insulation.AlarmThresholdOhm = double.NaN;   // REQUIRED: ≥ the firmware's limit × the highest voltage
            b.Insulation.MeasurementSettleMs = 0;          // REQUIRED

            // GB/T: the CAN controller's crystal and the coupler.
            b.Can.CrystalHz = 8000000;                     // the MCP2515 module's crystal: check yours
            b.CanSpiClockHz = 8000000;
            b.Coupler.Cc1VoltsPerAdcVolt = double.NaN;     // REQUIRED with GB/T
            b.Coupler.LockTravelTimeoutMs = 0;             // REQUIRED with GB/T

            // CCS: the pilot's divider and level shifter, its sampling, and the proximity pull-up.
            b.Pilot.DividerRatio = double.NaN;             // REQUIRED with CCS: pilot volts per ADC volt
            b.Pilot.AdcOffsetV = double.NaN;               // REQUIRED with CCS: ADC volts at 0 V pilot
            b.PilotSamplesPerBurst = 0;                    // REQUIRED with CCS: see the board README (sampling the pilot)
            b.Proximity.PullUpOhm = double.NaN;            // REQUIRED with CCS
            b.Proximity.SupplyV = double.NaN;              // REQUIRED with CCS
        }
    }
}
