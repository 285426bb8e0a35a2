using V2G.Firmware.Session;

namespace V2G.Firmware.Diagnostics.Commands
{
    /// <summary>
    /// `contactor [test]`: in maintenance the controller closes DC+ and DC−, checks both auxiliary contacts
    /// follow within the contactor timeout, opens them and checks they opened (a welded or a stuck
    /// contactor fails it); the command streams its progress and shows each contactor's times.
    /// </summary>
    public sealed class ContactorCommand : MaintenanceTestCommand
    {
        public override string Name => "contactor";

        public override string Usage => "[test]";

        public override string Help => "last contactor test; test (technician, maintenance): close, check, open, check DC+ and DC-";

        protected override MaintenanceTestResult ResultOf(ChargeController controller)
        {
            return controller.ContactorTestResult;
        }

        protected override string Request(ShellContext ctx, ShellArgs args)
        {
            if (Argument(args, 2) != null)
            {
                UsageError(ctx, "unknown argument '" + Argument(args, 2) + "'");
                return null;
            }

            return ctx.Controller.RequestContactorTest();
        }

        protected override void WriteDetails(ShellReply reply, MaintenanceTestResult result)
        {
            // −1: the feedback never came (stuck open on closing, welded on opening).
            reply.Field("positive_close_ms", result.PositiveCloseMs);
            reply.Field("negative_close_ms", result.NegativeCloseMs);
            reply.Field("positive_open_ms", result.PositiveOpenMs);
            reply.Field("negative_open_ms", result.NegativeOpenMs);
        }
    }
}
