using System;
using System.IO;
using System.Text.Json;

namespace V2G.Aggregator
{
    /// <summary>
    /// The payload of <c>cmd/setpoint</c>: a power at the grid connection point (AC, + import /
    /// − export) valid until an instant, with an id the reply echoes.
    /// </summary>
    public sealed class SetpointRequest
    {
        public string Id { get; set; }

        /// <summary>AC at the grid connection point, + import (charge) / − export (discharge).</summary>
        public double PowerW { get; set; }

        public DateTimeOffset ValidUntil { get; set; }

        /// <summary>0..1000; null leaves the charger's default (0).</summary>
        public int? Priority { get; set; }

        /// <summary>dispatch, arbitrage or frequency; null leaves the default (dispatch).</summary>
        public string Purpose { get; set; }

        /// <summary>Currency per kWh; informative.</summary>
        public double? PriceSpreadPerKWh { get; set; }

        /// <summary>A fresh id: 12 hex digits, well inside the charger's 1–36 characters.</summary>
        public static string NewId() => Guid.NewGuid().ToString("N").Substring(0, 12);

        public byte[] ToJson()
        {
            using var buffer = new MemoryStream();
            using (var w = new Utf8JsonWriter(buffer))
            {
                w.WriteStartObject();
                w.WriteString("id", Id);
                w.WriteNumber("power_W", PowerW);
                w.WriteString("valid_until", ValidUntil.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));
                if (Priority != null)
                {
                    w.WriteNumber("priority", Priority.Value);
                }

                if (Purpose != null)
                {
                    w.WriteString("purpose", Purpose);
                }

                if (PriceSpreadPerKWh != null)
                {
                    w.WriteNumber("price_spread_per_kWh", PriceSpreadPerKWh.Value);
                }

                w.WriteEndObject();
            }

            return buffer.ToArray();
        }
    }
}
