using V2G.Protocol.Session;
using V2G.Protocol.Iso15118.Generated.Iso20;

namespace V2G.Protocol.Iso15118.Secc.States
{
    /// <summary>
    /// EVSEStatus from the controller's notification: Terminate (delay 0) or Pause (the Dynamic mode's
    /// notification delay, 0 in Scheduled mode). Returns false when there is nothing to notify.
    /// </summary>
    public static class EvseStatus
    {
        public static bool Fill(EVSEStatusType status, ref ChargerPresentValues values, SeccContext ctx)
        {
            if (values.Notification == ChargerNotification.Terminate)
            {
                status.EVSENotification = EvseNotificationType.Terminate;
                status.NotificationMaxDelay = 0;
                return true;
            }

            if (values.Notification == ChargerNotification.Pause)
            {
                status.EVSENotification = EvseNotificationType.Pause;
                status.NotificationMaxDelay = PauseDelayS(ctx);
                return true;
            }

            return false;
        }

        private static ushort PauseDelayS(SeccContext ctx)
        {
            int delay = ctx.ControlMode == SeccControlMode.Dynamic ? ctx.Settings.DynamicPauseNotificationDelayS : 0;
            return (ushort)(delay < 0 ? 0 : (delay > 65535 ? 65535 : delay));
        }
    }
}
