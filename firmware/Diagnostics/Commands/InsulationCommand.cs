using V2G.Firmware.Session;

namespace V2G.Firmware.Diagnostics.Commands
{
    /// <summary>
    /// `insulation [test [VOLTAGE_V]]`: in maintenance, with the contactors open and no vehicle, the
    /// controller takes the converter to the test voltage on its own side, lets the insulation monitor
    /// measure and judges the result against the 100 Ω/V rule of cable check; the command streams its
    /// progress until the verdict.
    /// </summary>
    public sealed class InsulationCommand : MaintenanceTestCommand
    {
        /// <summary>The test voltage without VOLTAGE_V, V (inside the charger's range: cut to it).</summary>
        public const double DefaultTestVoltageV = 500;

        public override string Name => "insulation";

        public override string Usage => "[test [VOLTAGE_V]]";

        public override string Help => "last insulation test; test (technician, maintenance, no vehicle) at VOLTAGE_V (default 500 V)";

        protected override MaintenanceTestResult ResultOf(ChargeController controller)
        {
            return controller.InsulationTestResult;
        }

        protected override string Request(ShellContext ctx, ShellArgs args)
        {
            ChargeController c = ctx.Controller;
            double voltageV = DefaultTestVoltageV;
            if (Argument(args, 2) != null)
            {
                if (!TryGetNumber(args, 2, out voltageV))
                {
                    UsageError(ctx, "VOLTAGE_V must be a number");
                    return null;
                }
            }
            else
            {
                voltageV = voltageV > c.Settings.MaxVoltageV ? c.Settings.MaxVoltageV : voltageV < c.Settings.MinVoltageV ? c.Settings.MinVoltageV : voltageV;
            }

            // Never with a vehicle: the controller refuses too (maintenance is refused with one connected),
            // said here in the technician's words.
            if (c.IsVehiclePresent)
            {
                return "a vehicle is connected";
            }

            string problem = c.RequestInsulationTest(voltageV);
            if (problem != null && problem.IndexOf("range") >= 0)
            {
                return problem + " (" + CommandText.Number(c.Settings.MinVoltageV, 0) + ".." + CommandText.Number(c.Settings.MaxVoltageV, 0) + " V)";
            }

            return problem;
        }

        protected override void WriteDetails(ShellReply reply, MaintenanceTestResult result)
        {
            reply.Field("test_V", result.TestVoltageV, 1, "V");
            reply.Field("reached_V", result.ReachedVoltageV, 1, "V");
            reply.Field("measured_kohm", result.MeasuredOhm / 1000.0, 1, "kohm");
            reply.Field("limit_kohm", result.LimitOhm / 1000.0, 1, "kohm");
        }
    }
}
