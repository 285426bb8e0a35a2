using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using V2G.Protocol.Iso15118.Exi;

namespace V2G.Iso15118.Tests
{
    /// <summary>
    /// Host-side bridge between generated message objects and the vectors' "fields" trees, by
    /// reflection over the generated layout: a member per element/attribute, "Has{X}" flags for
    /// optional ones, "{X}Count" for arrays, ExiString/ExiBytes for strings and binary (hex).
    /// </summary>
    internal static class FieldTree
    {
        const BindingFlags Public = BindingFlags.Public | BindingFlags.Instance;

        static IEnumerable<FieldInfo> Members(Type t)
        {
            var all = t.GetFields(Public);
            var names = new HashSet<string>(all.Select(f => f.Name));
            foreach (var f in all)
            {
                if (f.Name.StartsWith("Has", StringComparison.Ordinal) && f.FieldType == typeof(bool) && names.Contains(f.Name.Substring(3))) continue;
                if (f.Name.EndsWith("Count", StringComparison.Ordinal) && f.FieldType == typeof(int) && names.Contains(f.Name[..^5])) continue;
                yield return f;
            }
        }

        public static JsonObject ToTree(object obj)
        {
            var o = new JsonObject();
            var t = obj.GetType();
            foreach (var f in Members(t))
            {
                var has = t.GetField("Has" + f.Name, Public);
                if (has != null && !(bool)has.GetValue(obj)) continue;
                object value = f.GetValue(obj);
                if (f.FieldType.IsArray)
                {
                    int count = (int)t.GetField(f.Name + "Count", Public).GetValue(obj);
                    if (count == 0) continue;
                    var arr = new JsonArray();
                    var a = (Array)value;
                    for (int i = 0; i < count; i++) arr.Add(ToNode(a.GetValue(i)));
                    o[f.Name] = arr;
                }
                else
                {
                    o[f.Name] = ToNode(value);
                }
            }
            return o;
        }

        static JsonNode ToNode(object v)
        {
            switch (v)
            {
                case null: return null;
                case ExiString s: return JsonValue.Create(s.ToString());
                case ExiBytes b: return JsonValue.Create(Convert.ToHexString(b.Bytes, 0, b.Length).ToLowerInvariant());
                case ExiBigInteger g: return JsonNode.Parse(ToBig(g).ToString());
                case bool x: return JsonValue.Create(x);
                case Enum e: return JsonValue.Create(e.ToString());
                case sbyte or byte or short or ushort or int or uint or long: return JsonValue.Create(Convert.ToInt64(v));
                case ulong u: return JsonValue.Create(u);
                default: return ToTree(v);
            }
        }

        /// <summary>Fills <paramref name="obj"/> from <paramref name="tree"/>; throws on a key the object lacks (so no field is silently dropped).</summary>
        public static void FromTree(object obj, JsonObject tree)
        {
            var t = obj.GetType();
            foreach (var kv in tree)
            {
                var f = t.GetField(kv.Key, Public) ?? throw new InvalidOperationException(t.Name + " has no member " + kv.Key);
                var has = t.GetField("Has" + kv.Key, Public);
                has?.SetValue(obj, true);
                if (f.FieldType.IsArray)
                {
                    var arr = kv.Value.AsArray();
                    var a = (Array)f.GetValue(obj);
                    if (arr.Count > a.Length) throw new InvalidOperationException(kv.Key + ": " + arr.Count + " items, capacity " + a.Length);
                    var et = f.FieldType.GetElementType();
                    for (int i = 0; i < arr.Count; i++) a.SetValue(FromNode(et, a.GetValue(i), arr[i]), i);
                    t.GetField(kv.Key + "Count", Public).SetValue(obj, arr.Count);
                }
                else
                {
                    object current = f.GetValue(obj);
                    object v = FromNode(f.FieldType, current, kv.Value);
                    if (!f.IsInitOnly) f.SetValue(obj, v);
                }
            }
        }

        static object FromNode(Type type, object current, JsonNode node)
        {
            if (type == typeof(ExiString))
            {
                if (!((ExiString)current).Set((string)node)) throw new InvalidOperationException("string too long: " + node);
                return current;
            }
            if (type == typeof(ExiBytes))
            {
                byte[] bytes = Convert.FromHexString((string)node);
                if (!((ExiBytes)current).Set(bytes, 0, bytes.Length)) throw new InvalidOperationException("binary too long: " + node);
                return current;
            }
            if (type == typeof(ExiBigInteger))
            {
                SetBig((ExiBigInteger)current, System.Numerics.BigInteger.Parse(node.ToJsonString()));
                return current;
            }
            if (type == typeof(bool)) return (bool)node;
            if (type.IsEnum) return Enum.Parse(type, Sanitize((string)node));
            if (type.IsPrimitive) return Convert.ChangeType(node.GetValue<decimal>(), type);
            object o = current ?? Activator.CreateInstance(type);
            FromTree(o, node.AsObject());
            return o;
        }

        public static System.Numerics.BigInteger ToBig(ExiBigInteger g)
        {
            var m = new System.Numerics.BigInteger(g.Magnitude.AsSpan(0, g.Length), isUnsigned: true, isBigEndian: true);
            return g.Negative ? -m : m;
        }

        public static void SetBig(ExiBigInteger g, System.Numerics.BigInteger v)
        {
            byte[] m = System.Numerics.BigInteger.Abs(v).ToByteArray(isUnsigned: true, isBigEndian: true);
            if (v.IsZero) m = Array.Empty<byte>();
            if (m.Length > g.Magnitude.Length) throw new InvalidOperationException("integer too large: " + v);
            m.CopyTo(g.Magnitude, 0);
            g.Length = m.Length;
            g.Negative = v.Sign < 0;
        }

        static string Sanitize(string s)
        {
            var chars = s.Select(c => char.IsLetterOrDigit(c) || c == '_' ? c : '_').ToArray();
            string r = new string(chars);
            return char.IsDigit(r[0]) ? "_" + r : r;
        }

        /// <summary>JSON text with object keys sorted, for order-insensitive comparison.</summary>
        public static string Canonical(JsonNode node)
        {
            var sb = new StringBuilder();
            Write(sb, node);
            return sb.ToString();
        }

        static void Write(StringBuilder sb, JsonNode node)
        {
            switch (node)
            {
                case null: sb.Append("null"); break;
                case JsonObject o:
                    sb.Append('{');
                    bool first = true;
                    foreach (var kv in o.OrderBy(k => k.Key, StringComparer.Ordinal))
                    {
                        if (!first) sb.Append(',');
                        first = false;
                        sb.Append(JsonSerializer.Serialize(kv.Key)).Append(':');
                        Write(sb, kv.Value);
                    }
                    sb.Append('}');
                    break;
                case JsonArray a:
                    sb.Append('[');
                    for (int i = 0; i < a.Count; i++)
                    {
                        if (i > 0) sb.Append(',');
                        Write(sb, a[i]);
                    }
                    sb.Append(']');
                    break;
                default:
                    var v = node.AsValue();
                    if (v.TryGetValue<string>(out var s)) sb.Append(JsonSerializer.Serialize(s));
                    else if (v.TryGetValue<bool>(out var b)) sb.Append(b ? "true" : "false");
                    else sb.Append(decimal.Parse(v.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture).ToString(System.Globalization.CultureInfo.InvariantCulture));
                    break;
            }
        }

        // ------------------------------------------------------------------ documents

        public static ExiError Decode(object doc, byte[] data)
        {
            return (ExiError)doc.GetType().GetMethod("Decode", new[] { typeof(byte[]), typeof(int), typeof(int) }).Invoke(doc, new object[] { data, 0, data.Length });
        }

        public static ExiError Encode(object doc, byte[] buffer, out int length)
        {
            var args = new object[] { buffer, 0, buffer.Length, 0 };
            var e = (ExiError)doc.GetType().GetMethod("Encode").Invoke(doc, args);
            length = (int)args[3];
            return e;
        }

        public static string RootName(object doc) => doc.GetType().GetField("Root").GetValue(doc).ToString();

        public static object RootObject(object doc, string root) =>
            (doc.GetType().GetField(root, Public) ?? throw new InvalidOperationException("no root " + root)).GetValue(doc);

        /// <summary>Sets the document's root to <paramref name="root"/> and fills it from <paramref name="tree"/>.</summary>
        public static void SetRoot(object doc, string root, JsonObject tree)
        {
            var t = doc.GetType();
            var rootField = t.GetField("Root");
            rootField.SetValue(doc, Enum.Parse(rootField.FieldType, root));
            var f = t.GetField(root, Public) ?? throw new InvalidOperationException("no root " + root);
            object o = Activator.CreateInstance(f.FieldType);
            FromTree(o, tree);
            f.SetValue(doc, o);
        }
    }
}
