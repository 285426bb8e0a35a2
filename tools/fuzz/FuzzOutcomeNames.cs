namespace V2G.Fuzz
{
    /// <summary>Names of <see cref="FuzzOutcome"/> for reports.</summary>
    public static class FuzzOutcomeNames
    {
        public static string Of(FuzzOutcome outcome)
        {
            switch (outcome)
            {
                case FuzzOutcome.AnsweredFailed: return "answered_failed";
                case FuzzOutcome.ClosedOnV2gtpError: return "closed_on_v2gtp_error";
                case FuzzOutcome.ClosedOnExiError: return "closed_on_exi_error";
                case FuzzOutcome.ClosedBySession: return "closed_by_session_layer";
                default: return "ignored_or_ok";
            }
        }
    }
}
