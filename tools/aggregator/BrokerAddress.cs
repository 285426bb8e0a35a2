using System;
using System.Globalization;

namespace V2G.Aggregator
{
    /// <summary>Where the broker listens: <c>host:port</c>, <c>host</c> (port 1883) or <c>[v6addr]:port</c>.</summary>
    public sealed class BrokerAddress
    {
        /// <summary>The IANA port of MQTT without TLS.</summary>
        public const int DefaultPort = 1883;

        public BrokerAddress(string host, int port)
        {
            Host = host;
            Port = port;
        }

        public string Host { get; }

        public int Port { get; }

        /// <summary>The simulator's default: a broker on this machine.</summary>
        public static BrokerAddress Default => new BrokerAddress("127.0.0.1", DefaultPort);

        /// <exception cref="ArgumentException">not host[:port] with a port 1..65535</exception>
        public static BrokerAddress Parse(string text)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                throw new ArgumentException("--broker needs host:port");
            }

            string host = text;
            string portText = null;
            if (text.StartsWith("[", StringComparison.Ordinal))
            {
                int close = text.IndexOf(']');
                if (close < 0)
                {
                    throw new ArgumentException($"--broker {text}: no closing ']'");
                }

                host = text.Substring(1, close - 1);
                if (close + 1 < text.Length)
                {
                    if (text[close + 1] != ':')
                    {
                        throw new ArgumentException($"--broker {text}: expected ':' after ']'");
                    }

                    portText = text.Substring(close + 2);
                }
            }
            else
            {
                int colon = text.LastIndexOf(':');
                if (colon >= 0)
                {
                    host = text.Substring(0, colon);
                    portText = text.Substring(colon + 1);
                }
            }

            if (host.Length == 0)
            {
                throw new ArgumentException($"--broker {text}: no host");
            }

            int port = DefaultPort;
            if (portText != null
                && (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port < 1 || port > 65535))
            {
                throw new ArgumentException($"--broker {text}: the port must be 1..65535");
            }

            return new BrokerAddress(host, port);
        }

        public override string ToString() => Host.Contains(':') ? $"[{Host}]:{Port}" : $"{Host}:{Port}";
    }
}
