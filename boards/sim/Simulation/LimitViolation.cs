namespace V2G.Sim.Simulation
{
    /// <summary>A measured value beyond a limit in force at that tick.</summary>
    public readonly struct LimitViolation
    {
        public LimitViolation(double timeS, string quantity, double value, double limit)
        {
            TimeS = timeS;
            Quantity = quantity;
            Value = value;
            Limit = limit;
        }

        public double TimeS { get; }

        public string Quantity { get; }

        public double Value { get; }

        public double Limit { get; }

        public override string ToString() => $"{TimeS:0.000} s {Quantity} {Value:0.##} beyond {Limit:0.##}";
    }
}
