namespace CoachBot.Coaching.Topics;

/// <summary>
/// The topics reps bring to coaching. Cues are lower-case fragments matched against the rep's words;
/// the topic with the most matching cues wins, ties go to the earlier (more specific) entry.
/// </summary>
public static class TopicTaxonomy
{
    public static IReadOnlyList<Topic> All { get; } =
    [
        new("objection-price", "Price objection", "the price pushback",
            ["too expensive", "expensive", "price", "pricing", "discount", "budget", "cost", "cheaper", "costs too much"]),
        new("objection-competitor", "Competitor objection", "the competitor",
            ["competitor", "competition", "other vendor", "cheaper vendor", "going with", "rival", "alternative vendor"]),
        new("objection-timing", "Timing objection", "the timing push",
            ["not now", "next quarter", "next year", "bad timing", "timing", "later this year", "not the right time", "call back in"]),
        new("objection-status-quo", "Status-quo objection", "the status quo",
            ["happy with", "current vendor", "current provider", "current solution", "status quo", "don't need", "dont need", "works fine", "not interested"]),
        new("stalled-deal", "Stalled or ghosted deal", "the stalled deal",
            ["ghost", "ghosted", "no reply", "not responding", "went quiet", "gone quiet", "stalled", "stuck deal", "silence", "won't answer", "stopped answering"]),
        new("stakeholders", "Stakeholders and champion", "the stakeholders",
            ["champion", "decision maker", "decision-maker", "stakeholder", "cfo", "ceo", "procurement", "economic buyer", "gatekeeper", "buying committee", "sponsor"]),
        new("negotiation", "Negotiation", "the negotiation",
            ["negotiat", "terms", "contract", "redline", "legal", "payment terms", "concession"]),
        new("closing", "Closing", "closing the deal",
            ["close the deal", "closing", "close this", "sign", "signature", "commit", "verbal yes", "end of quarter"]),
        new("demo", "Demo", "the demo",
            ["demo", "demonstration", "presentation", "pitch", "showcase", "walkthrough"]),
        new("discovery", "Discovery", "discovery",
            ["discovery", "questions to ask", "pain point", "needs", "qualify", "qualification", "understand their"]),
        new("prospecting", "Prospecting", "prospecting",
            ["prospect", "cold call", "cold email", "outreach", "leads", "pipeline is empty", "new logos", "first meeting", "book meetings"]),
        new("forecast-pipeline", "Forecast and pipeline", "the forecast",
            ["forecast", "pipeline", "quota", "miss my number", "commit number", "coverage", "crm"]),
        new("time-management", "Time management", "your time",
            ["no time", "too busy", "time management", "admin work", "too many emails", "overwhelmed", "prioritize", "prioritise", "calendar"]),
        new("account-growth", "Account growth", "growing the account",
            ["upsell", "cross-sell", "cross sell", "renewal", "expand", "expansion", "account growth", "grow the account", "churn"]),
        new("motivation", "Motivation and slump", "how you're feeling about it",
            ["slump", "motivat", "demotivat", "burned out", "burnt out", "losing streak", "rejection", "frustrated", "give up", "can't win", "cant win"]),
    ];

    public static Topic? Find(string id) => All.FirstOrDefault(t => t.Id == id);
}
