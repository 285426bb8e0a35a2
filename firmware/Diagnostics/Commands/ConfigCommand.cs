namespace V2G.Firmware.Diagnostics.Commands
{
    /// <summary>
    /// `config get [KEY] | set KEY VALUE`: the charger's settings a technician may read and change (the
    /// table and its checks are <see cref="ChargerConfig"/>'s). `set` needs a technician, is audited with the
    /// old and the new value, and says when the change takes effect only after a reboot.
    /// </summary>
    public sealed class ConfigCommand : ShellCommand
    {
        // One key's row, in JSON with its names.
        private const int RowBytes = 160;

        private static readonly string[] Words = { "get", "set" };

        private int _next;

        public override string Name => "config";

        public override string Usage => "get [KEY] | set KEY VALUE";

        public override string Help => "read the settings, or change one (set: technician)";

        public override string[] Completions => Words;

        public override bool Run(ShellContext ctx, ShellArgs args)
        {
            ShellReply reply = ctx.Reply;
            ChargerConfig config = ctx.Config;
            reply.Begin("config");
            if (config == null)
            {
                reply.Error("no configuration on this board");
                return false;
            }

            string sub = Argument(args, 1);
            if (sub == null || sub == "get")
            {
                string key = Argument(args, 2);
                if (key != null)
                {
                    return GetOne(ctx, config, key);
                }

                reply.BeginList("keys");
                _next = 0;
                return Continue(ctx);
            }

            if (sub == "set")
            {
                return Set(ctx, config, Argument(args, 2), Argument(args, 3), ArgumentCount(args));
            }

            return UsageError(ctx, "unknown argument '" + sub + "'");
        }

        public override bool Continue(ShellContext ctx)
        {
            ShellReply reply = ctx.Reply;
            ChargerConfig config = ctx.Config;
            while (_next < config.Count && reply.HasRoom(RowBytes))
            {
                ConfigKey key = config.KeyAt(_next++);
                reply.BeginItem();
                reply.Field("key", key.Name);
                reply.Field("value", config.Get(key.Name));
                if (key.Unit.Length > 0)
                {
                    reply.Field("unit", key.Unit);
                }

                if (key.NeedsReboot)
                {
                    reply.Field("applies", "after reboot");
                }

                reply.EndItem();
            }

            if (_next < config.Count)
            {
                return true;
            }

            reply.EndList();
            if (config.IsRebootPending)
            {
                reply.Field("reboot_pending", true);
            }

            return false;
        }

        private bool GetOne(ShellContext ctx, ChargerConfig config, string name)
        {
            ShellReply reply = ctx.Reply;
            ConfigKey key = config.Find(name);
            if (key == null)
            {
                reply.Error("unknown key '" + name + "' (keys: " + config.KeyList + ")");
                return false;
            }

            reply.Field("key", key.Name);
            reply.Field("value", config.Get(key.Name));
            reply.Field("unit", key.Unit);
            reply.Field("range", Range(key));
            reply.Field("needs_reboot", key.NeedsReboot);
            reply.Field("help", key.Help);
            return false;
        }

        private bool Set(ShellContext ctx, ChargerConfig config, string name, string value, int arguments)
        {
            ShellReply reply = ctx.Reply;
            if (!ctx.Require(ShellRole.Technician))
            {
                return false;
            }

            if (name == null || value == null)
            {
                return UsageError(ctx, "set needs a KEY and a VALUE");
            }

            if (arguments > 3)
            {
                return UsageError(ctx, "too many arguments (quote a value with spaces)");
            }

            string old = config.Get(name);
            string problem = config.Set(name, value);
            if (problem != null)
            {
                reply.Error(problem);
                return false;
            }

            ConfigKey key = config.Find(name);
            string now = config.Get(name);
            ctx.AuditWrite(key.Name, old, now);
            reply.Field("key", key.Name);
            reply.Field("value", now);
            reply.Field("was", old);
            reply.Field("unit", key.Unit);
            reply.Field("needs_reboot", key.NeedsReboot);
            if (config.LastWarning != null)
            {
                reply.Field("note", config.LastWarning);
            }

            return false;
        }

        private static string Range(ConfigKey key)
        {
            switch (key.Kind)
            {
                case ConfigValueKind.Number:
                    return ChargerConfig.FormatNumber(key.Min) + ".." + ChargerConfig.FormatNumber(key.Max);
                case ConfigValueKind.Boolean:
                    return "true|false";
                case ConfigValueKind.Choice:
                    return Join(key.Choices);
                default:
                    return "text";
            }
        }

        private static string Join(string[] words)
        {
            if (words == null)
            {
                return string.Empty;
            }

            string joined = string.Empty;
            for (int i = 0; i < words.Length; i++)
            {
                joined = i == 0 ? words[i] : joined + "|" + words[i];
            }

            return joined;
        }
    }
}
