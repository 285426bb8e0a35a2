namespace V2G.Firmware.Diagnostics
{
    /// <summary>Built-in `logout`: back to read-only.</summary>
    internal sealed class ShellLogoutCommand : IShellCommand
    {
        public string Name => "logout";

        public string Usage => string.Empty;

        public string Help => "end the technician session (read-only again)";

        public ShellRole RequiredRole => ShellRole.ReadOnly;

        public string[] Completions => null;

        public bool Run(ShellContext ctx, ShellArgs args)
        {
            bool was = ctx.Session.IsLoggedIn;
            ctx.Session.Logout();
            if (was)
            {
                ctx.LogNote(V2G.Firmware.Diagnostics.Log.LogLevel.Info, "logout");
            }

            ctx.Reply.Begin("logout");
            ctx.Reply.Field("role", ShellRoleNames.Of(ctx.Session.Role));
            return false;
        }

        public bool Continue(ShellContext ctx)
        {
            return false;
        }
    }
}
