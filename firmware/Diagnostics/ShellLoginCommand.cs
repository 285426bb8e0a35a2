namespace V2G.Firmware.Diagnostics
{
    /// <summary>
    /// Built-in `login [PIN|RESPONSE]`: alone it prints a challenge; with a PIN or the challenge's response it
    /// makes the session a technician's. Failures count towards a lockout; every outcome is logged.
    /// </summary>
    internal sealed class ShellLoginCommand : IShellCommand
    {
        public string Name => "login";

        public string Usage => "[PIN|RESPONSE]";

        public string Help => "log in as technician (alone: print a challenge to answer with HMAC-SHA256 of the device secret)";

        public ShellRole RequiredRole => ShellRole.ReadOnly;

        public string[] Completions => null;

        public bool Run(ShellContext ctx, ShellArgs args)
        {
            ShellSession session = ctx.Session;
            ShellReply reply = ctx.Reply;
            reply.Begin("login");
            if (args.Count > 2)
            {
                reply.Error("usage: login [PIN|RESPONSE]");
                return false;
            }

            if (session.IsLockedOut(ctx.NowMs))
            {
                reply.Error(LockedOutText(session.LockoutRemainingMs(ctx.NowMs)));
                return false;
            }

            if (args.Count == 1)
            {
                string challenge = session.IssueChallenge(ctx.NowMs);
                if (challenge == null)
                {
                    reply.Error("challenge-response unavailable (no entropy source); use login PIN");
                    return false;
                }

                reply.Field("challenge", challenge);
                reply.Line("answer with: login RESPONSE (first 16 hex digits of HMAC-SHA256(device secret, challenge))");
                return false;
            }

            ShellLoginResult result = session.Login(args[1], ctx.NowMs);
            switch (result)
            {
                case ShellLoginResult.Accepted:
                    ctx.LogNote(V2G.Firmware.Diagnostics.Log.LogLevel.Info, "login accepted (" + session.Method + ")");
                    reply.Field("role", ShellRoleNames.Of(session.Role));
                    reply.Field("method", session.Method);
                    return false;
                case ShellLoginResult.Rejected:
                    ctx.LogNote(V2G.Firmware.Diagnostics.Log.LogLevel.Warn, "login failed");
                    int left = ctx.Session.AttemptsLeft;
                    reply.Error("login failed (" + left.ToString() + (left == 1 ? " attempt" : " attempts") + " left)");
                    return false;
                case ShellLoginResult.RejectedAndLockedOut:
                    ctx.LogNote(V2G.Firmware.Diagnostics.Log.LogLevel.Warn, "login failed; " + LockedOutText(session.LockoutRemainingMs(ctx.NowMs)));
                    reply.Error("login failed; " + LockedOutText(session.LockoutRemainingMs(ctx.NowMs)));
                    return false;
                case ShellLoginResult.LockedOut:
                    reply.Error(LockedOutText(session.LockoutRemainingMs(ctx.NowMs)));
                    return false;
                case ShellLoginResult.NoChallenge:
                    reply.Error("no challenge outstanding (type login alone first)");
                    return false;
                case ShellLoginResult.NoPin:
                    reply.Error("no PIN set on this device (use the challenge: type login alone)");
                    return false;
                default:
                    reply.Error("expected a PIN (4-12 digits) or a response (16 hex digits)");
                    return false;
            }
        }

        public bool Continue(ShellContext ctx)
        {
            return false;
        }

        /// <summary>"locked out for N s", N rounded up.</summary>
        internal static string LockedOutText(long remainingMs)
        {
            long seconds = (remainingMs + 999) / 1000;
            return "locked out for " + seconds.ToString() + " s";
        }
    }
}
