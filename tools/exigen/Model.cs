using System.Collections.Generic;
using System.Xml;
using System.Xml.Schema;

namespace Exigen
{
    /// <summary>How a simple value is represented on the wire (EXI 1.0 §7.1) and in C#.</summary>
    public enum ValueKind { Boolean, NBit, Unsigned, Integer, BigInteger, Enumeration, String, Binary }

    /// <summary>A simple type after facet analysis.</summary>
    public sealed class ValueInfo
    {
        public ValueKind Kind;
        public string CsType;          // C# type of one value
        public int Bits;               // n-bit width (NBit, Enumeration)
        public decimal Min;            // effective bounds (integers)
        public decimal Max;
        public decimal TypeMin;        // bounds of CsType
        public decimal TypeMax;
        public int Capacity;           // characters or bytes (String, Binary)
        public string EnumName;        // C# enum (Enumeration)
        public List<string> EnumValues;
        public bool IsHex;             // Binary: hexBinary rather than base64Binary
    }

    public enum FieldKind { Element, Attribute, Content }

    /// <summary>One member of a generated message class: an element, an attribute or simple content.</summary>
    public sealed class FieldInfo
    {
        public string Name;
        public FieldKind Kind;
        public XmlQualifiedName QName;
        public ValueInfo Value;        // simple value, or null
        public ComplexInfo Complex;    // complex element, or null
        public bool Optional;          // has a Has... flag
        public bool IsArray;
        public int MinOccurs;
        public int MaxOccurs;          // -1: unbounded
        public int Capacity;           // array capacity
        public int QNameId = -1;       // string-table key (String values)
    }

    /// <summary>A complex type and its EXI grammar.</summary>
    public sealed class ComplexInfo
    {
        public XmlSchemaComplexType Schema;
        public XmlQualifiedName SortKey;
        public string Name;
        public string Unsupported;     // reason, or null
        public List<FieldInfo> Fields = new List<FieldInfo>();
        public List<NState> Nfa = new List<NState>();
        public int StartState;
        public List<DState> States = new List<DState>();
        public Dictionary<int, int> StateOf = new Dictionary<int, int>();
        public bool Mixed;             // mixed content: CH [untyped value] in every content state (EXI 1.0 §8.5.4.1.3.2)
        public FieldInfo TextField;    // mixed content: keys the value table of the untyped CH strings
    }

    public enum ProdKind { Epsilon, AT, SE, SEAny, CH, EE }

    public sealed class NProd
    {
        public ProdKind Kind;
        public FieldInfo Field;        // null: not supported (abstract type, wildcard member ...)
        public XmlQualifiedName QName;
        public int Target = -1;
        public Loop Advance;           // SE of a repeated element: the loop whose counter advances
        public string UnsupportedReason;
    }

    public sealed class Loop
    {
        public FieldInfo Field;
        public int Min;
        public int Max;                // -1: unbounded
        public int Low = -1, Mid = -1, Full = -1; // NFA states by counter class
    }

    public sealed class NState
    {
        public int Id;
        public List<NProd> Prods = new List<NProd>();
        public Loop LoopOf;            // variant state of a loop
        public string Variant;         // "low", "mid", "full"
    }

    /// <summary>A state of the normalized grammar, with its first-level productions in event-code order.</summary>
    public sealed class DState
    {
        public int Id;
        public int Nfa;
        public List<NProd> Prods;
        public int Width;
    }
}
