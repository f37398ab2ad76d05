using System.Text.RegularExpressions;

namespace CoachBot.Coaching.Dialogue;

/// <summary>
/// The rep's key phrase — a short noun phrase such as "the CFO", "the 25 % discount", "the pilot users" — so the coach can
/// ask in the rep's terms ("What have you tried so far with the CFO?") instead of quoting a cut-off fragment back. The phrase
/// keeps the rep's own words and casing; only "my/our" become "your". Null when no sales noun is found.
/// </summary>
public static partial class SubjectPhrase
{
    private const int MaxWords = 5;

    public static string? Find(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Contains("http", StringComparison.OrdinalIgnoreCase)) return null;
        // "@CoachBot Norrland Carriers wants …": the mention names the bot, not the subject.
        var flat = LeadingMention().Replace(text.Replace('’', '\''), "");
        if (PercentOff().Match(flat) is { Success: true } pct) return $"the {pct.Groups["n"].Value} % discount";

        var tokens = Token().Matches(flat).Select(m => m.Value).ToArray();
        var lower = tokens.Select(t => t.ToLowerInvariant()).ToArray();
        (int Start, int End, int Rank, bool Named)? best = null;
        for (var i = 0; i < tokens.Length; i++)
        {
            var rank = Rank(lower, i, out var width);
            if (rank == 0) continue;
            // "from last week", "every month": a time, not what the message is about.
            if (lower[i] is "week" or "month" or "quarter" or "year" && i > 0 && lower[i - 1] is "last" or "next" or "per" or "every" or "a" or "each") continue;
            // "ask", "call", "quote" are verbs unless an article, possessive or modifier makes them nouns ("the 25 % ask").
            if (width == 1 && AlsoVerbs.Contains(lower[i]) && (i == 0 ? ImperativeFirst.Contains(lower[i]) : !(Determiners.Contains(lower[i - 1])
                || Modifiers.Contains(lower[i - 1]) || lower[i - 1] is "a" or "an" || lower[i - 1].EndsWith("'s", StringComparison.Ordinal)))) continue;
            var end = i + width - 1;
            // A compound ("pilot users", "security review", "procurement team"): the last noun is the head.
            while (end + 1 < tokens.Length && Rank(lower, end + 1, out var w2) > 0 && w2 == 1 && end - i < 2) end++;
            var start = i;
            while (start > 0 && i - start < 2 && Modifiers.Contains(lower[start - 1])) start--;
            if (start == i) start -= Qualifiers(tokens, lower, i);
            // A company or person named before the noun is part of it ("Marlowe Legal", "the Cobaltline contract").
            var named = false;
            while (start > 0 && i - start < 3 && IsName(tokens[start - 1], lower[start - 1])) { start--; named = true; }
            if (start > 0 && (Determiners.Contains(lower[start - 1]) || lower[start - 1].EndsWith("'s", StringComparison.Ordinal))) start--;
            // "Stahlwerk Nord's procurement": the owner's whole name, not its last word.
            if (start > 0 && tokens[start].EndsWith("'s", StringComparison.Ordinal) && IsName(tokens[start][..^2], lower[start][..^2]))
            {
                for (var k = 0; start > 0 && k < 2 && IsName(tokens[start - 1], lower[start - 1]); k++) start--;
                named = true;
            }
            // The phrase that opens the message is what the message is about ("The client ghosted me after the demo").
            if (start <= 1) rank += 2;
            if (best is null || rank > best.Value.Rank) best = (start, end, rank, named);
            i = end;
        }
        // No sales noun, but the message opens with a company's name ("Kessler Logistik says …"): that is its subject.
        if (best is not { } b) return LeadingName(tokens, lower);

        var words = tokens[b.Start..(b.End + 1)].Select(Own).ToList();
        // "The client ghosted me": the capital is the sentence's, not the rep's; acronyms and names keep theirs.
        if (b.Start == 0 && !b.Named && words[0].Length > 1 && char.IsUpper(words[0][0]) && words[0][1..].All(char.IsLower) && !Names.Contains(lower[0]))
            words[0] = lower[0];
        if (words.Count > MaxWords) return null;
        var first = words[0].ToLowerInvariant();
        // "Ironbark Mining's ops manager" names its owner: no article in front of it.
        var possessive = words.Any(w => w.EndsWith("'s", StringComparison.Ordinal));
        if (!Determiners.Contains(first) && !possessive && !BareOk.Contains(lower[b.End]) && !lower[b.End].EndsWith('s'))
            words.Insert(0, "the");
        if (Determiners.Contains(words[0].ToLowerInvariant()) && words[0] is "The" or "Their" or "Our" or "My" or "His" or "Her" or "This" or "That")
            words[0] = words[0].ToLowerInvariant();
        return string.Join(' ', words);
    }

    /// <summary>
    /// How many words just before the noun at <paramref name="i"/> qualify it: "the racking quote", "the dealership
    /// service manager", "the HR director", "net-120 payment terms", "ward manager wants …". Lower-case words count only
    /// after an article or possessive (or, before a role, at the start of the message), so verbs and prepositions stay out;
    /// an acronym or a hyphenated word qualifies on its own.
    /// </summary>
    private static int Qualifiers(string[] tokens, string[] lower, int i)
    {
        // Nearest first: true for an acronym or a hyphenated word, false for a plain lower-case word.
        var strong = new List<bool>(2);
        for (var j = i - 1; j >= 0 && strong.Count < 2; j--)
        {
            var token = tokens[j];
            if (NotQualifiers.Contains(lower[j]) || Determiners.Contains(lower[j]) || lower[j].EndsWith("'s", StringComparison.Ordinal) || Rank(lower, j, out _) > 0) break;
            if (token.Length is >= 2 and <= 4 && token.All(char.IsUpper)) strong.Add(true);
            else if (token.Contains('-', StringComparison.Ordinal) && !token.Any(char.IsUpper)) strong.Add(true);
            // "my SDR books meetings": a plain word in -s before a noun is mostly a verb; a few plural qualifiers are common.
            else if (token.Length >= 3 && token.All(c => char.IsLower(c) || c == '-')
                && (!lower[j].EndsWith('s') || lower[j].EndsWith("ss", StringComparison.Ordinal) || PluralQualifiers.Contains(lower[j]))) strong.Add(false);
            else break;
        }
        var n = strong.Count;
        if (n == 0) return 0;
        var before = i - n - 1;
        var anchored = before >= 0 && (Determiners.Contains(lower[before]) || lower[before].EndsWith("'s", StringComparison.Ordinal));
        if (anchored || (before < 0 && Roles.Contains(lower[i]))) return n;
        // After a word that introduces a noun ("wants net-120 payment terms", "with dental practices"), a plain word counts
        // unless it reads as a verb or adverb; elsewhere only acronyms and hyphenated words do.
        var opensNoun = before >= 0 && NounOpeners.Contains(lower[before]);
        var sure = 0;
        while (sure < n && (strong[sure] || (opensNoun && !LooksVerbal(lower[i - 1 - sure])))) sure++;
        return sure;
    }

    private static bool LooksVerbal(string word) =>
        word.EndsWith("ed", StringComparison.Ordinal) || word.EndsWith("ing", StringComparison.Ordinal) || word.EndsWith("ly", StringComparison.Ordinal);

    /// <summary>Two or three capitalised words that open the message and are followed by a lower-case word, e.g. a company.</summary>
    private static string? LeadingName(string[] tokens, string[] lower)
    {
        var n = 0;
        while (n < tokens.Length && n < 3 && IsName(tokens[n], lower[n])) n++;
        return n >= 2 && n < tokens.Length && tokens[n].All(c => !char.IsUpper(c)) ? string.Join(' ', tokens[..n]) : null;
    }

    /// <summary>A capitalised word that is not a common sentence opener: a company or person's name.</summary>
    private static bool IsName(string token, string lower) =>
        token.Length > 1 && char.IsUpper(token[0]) && token[1..].Any(char.IsLower) && !token.EndsWith("'s", StringComparison.Ordinal)
        && !Determiners.Contains(lower) && !NotNames.Contains(lower) && Rank([lower], 0, out _) == 0;

    private static readonly HashSet<string> NotNames = new(StringComparer.Ordinal)
    {
        "i", "i'm", "i've", "i'll", "we", "we're", "they", "they're", "he", "she", "it", "it's", "so", "but", "and", "then", "now", "also",
        "just", "yesterday", "today", "tomorrow", "when", "how", "what", "why", "who", "where", "if", "after", "before", "hi", "hey",
        "ok", "okay", "new", "big", "another", "every", "any", "some", "no", "still", "finally", "our", "a", "an", "one", "all",
        "anyway", "actually", "well", "yes", "yeah", "last", "next", "monday", "tuesday", "wednesday", "thursday", "friday", "again",
        "coachbot",
    };

    /// <summary>"my/our" → "your", so the coach speaks of the rep's things from its own side.</summary>
    private static string Own(string word) => word.ToLowerInvariant() switch
    {
        "my" or "our" => "your",
        _ => word,
    };

    /// <summary>A phrase in the rep's words seen from the coach's side: "our QBR" → "your QBR".</summary>
    internal static string FromCoachsSide(string phrase)
    {
        var space = phrase.IndexOf(' ', StringComparison.Ordinal);
        return space > 0 ? Own(phrase[..space]) + phrase[space..] : Own(phrase);
    }

    /// <summary>0 when the token is no sales noun; 2 for specific nouns (the CFO, the pilot); 1 for broad ones (the deal).</summary>
    private static int Rank(string[] lower, int i, out int width)
    {
        width = 1;
        if (i + 1 < lower.Length && Specific.Contains(lower[i] + " " + lower[i + 1])) { width = 2; return 2; }
        if (Specific.Contains(lower[i])) return 2;
        return Broad.Contains(lower[i]) ? 1 : 0;
    }

    // People named by what they do ("the doctor", "the hotel GM"): specific nouns, and roles a qualifier may precede.
    private static readonly string[] PeopleByRole =
    [
        "gm", "md", "doctor", "doctors", "nurse", "nurses", "physician", "physicians", "surgeon", "surgeons", "pharmacist",
        "principal", "engineer", "officer", "supervisor", "controller", "president", "planner", "coordinator", "purchaser",
        "agent", "broker", "dealer", "distributor", "landlord", "consultant", "superintendent", "lead",
    ];

    private static readonly HashSet<string> Specific = new(
    [
        "cfo", "ceo", "cto", "coo", "cio", "cmo", "cro", "ciso", "vp", "svp", "evp", "champion", "buyer", "buyers", "procurement",
        "legal", "finance", "sponsor", "gatekeeper", "decision maker", "decision makers", "decision-maker", "stakeholders",
        "stakeholder", "founder", "founders", "board", "committee", "admin", "architect", "architects", "engineers", "users",
        "boss", "owner", "director", "directors", "partner", "reseller", "assistant", "signer", "approver", "economic buyer",
        "price", "pricing", "discount", "budget", "quote", "proposal", "contract", "renewal", "pilot", "poc", "trial", "demo",
        "forecast", "pipeline", "quota", "target", "outreach", "sequence", "sequences", "rfp", "tender", "security review",
        "questionnaire", "integration", "implementation", "onboarding", "migration", "roi", "business case", "terms", "redlines",
        "msa", "sow", "po", "invoice", "territory", "upsell", "expansion", "crm", "salesforce", "hubspot", "spreadsheet",
        "spreadsheets", "competitor", "competitors", "incumbent", "vendor", "timeline", "deadline", "objection", "qbr", "deck",
        "presentation", "pitch", "references", "reference", "case study", "cold calls", "cold calling", "cold emails", "linkedin",
        "prospects", "prospect", "leads", "discovery", "calendar", "admin work", "notes", "paperwork", "follow-up", "follow-ups",
        "seats", "licenses", "licences", "usage", "adoption", "churn", "consolidation", "freeze", "reorg", "layoffs", "merger",
        "acquisition", "procurement team", "it team", "security team", "legal team", "finance team", "commit", "number",
        "close date", "negotiation", "ask", "tenders", "samples", .. PeopleByRole,
    ], StringComparer.Ordinal);

    private static readonly HashSet<string> Broad = new(StringComparer.Ordinal)
    {
        "deal", "deals", "customer", "customers", "client", "clients", "account", "accounts", "team", "manager", "opportunity",
        "opp", "prospecting", "week", "month", "quarter", "contact", "meeting", "meetings", "call", "emails", "voicemails", "replies",
    };

    // Nouns that read well without "the": roles as a team ("procurement", "legal") and plurals.
    private static readonly HashSet<string> BareOk = new(StringComparer.Ordinal)
    {
        "procurement", "legal", "finance", "salesforce", "hubspot", "linkedin", "pricing", "outreach", "discovery", "onboarding",
        "adoption", "churn", "paperwork", "usage", "prospecting", "admin", "roi",
    };

    private static readonly HashSet<string> AlsoVerbs = new(StringComparer.Ordinal)
    {
        "ask", "call", "quote", "pitch", "target", "contact", "commit", "demo", "reference", "discount", "budget", "price", "number",
        "sequence", "forecast", "trial", "renewal", "meeting", "pilot", "admin", "partner", "board", "close", "lead", "samples",
    };

    // At the start of a message these are commands to oneself ("Call the CFO on Thursday"), not the subject.
    private static readonly HashSet<string> ImperativeFirst = new(StringComparer.Ordinal)
    {
        "ask", "call", "quote", "pitch", "contact", "close", "target", "commit", "reference", "discount", "sequence", "demo",
    };

    private static readonly HashSet<string> Names = new(StringComparer.Ordinal) { "salesforce", "hubspot", "linkedin" };

    // People and groups named by what they do ("the plant manager", "the purchasing committee").
    private static readonly HashSet<string> Roles = new(
        ["manager", "director", "directors", "buyer", "buyers", "committee", "team", "board", "owner", "partner", .. PeopleByRole],
        StringComparer.Ordinal);

    // Words that never qualify a noun that follows them: prepositions, pronouns, verbs and quantities.
    private static readonly HashSet<string> NotQualifiers = new(StringComparer.Ordinal)
    {
        "only", "same", "very", "real", "whole", "entire", "one", "whose", "what", "which", "and", "or", "but", "to", "with",
        "at", "for", "from", "of", "in", "on", "by", "about", "into", "over", "after", "before", "is", "was", "are", "were", "be",
        "been", "has", "have", "had", "not", "no", "a", "an", "me", "us", "them", "him", "it", "i", "we", "they", "you", "he",
        "she", "who", "so", "just", "also", "still", "even", "more", "most", "less", "some", "any", "all", "every", "each",
        "much", "many", "such", "other", "another", "than", "then", "if", "as", "like", "get", "got", "need", "needs", "want",
        "wants", "said", "says", "asked", "asking", "told", "keeps", "lost", "won", "hate", "love", "help", "via", "per",
        "there", "here", "when", "where", "why",
        "how", "because", "since", "until", "while", "ghosted", "finally", "again", "now", "today", "tomorrow", "yesterday",
        "ok", "call", "called", "email", "emailed", "ping", "pinged", "ask", "tell", "meet", "met", "chase", "chased", "text",
        "texted", "messaged", "saw", "see", "visit", "visited", "invite", "invited", "cc", "thanks", "thank", "hi", "hey",
        "behind", "under", "above", "below", "across", "through", "against", "without", "within", "between", "among", "around",
        "toward", "towards", "near", "off", "out", "up", "down", "plus", "minus", "versus", "vs", "coachbot",
    };

    private static readonly HashSet<string> NounOpeners = new(StringComparer.Ordinal)
    {
        "wants", "want", "wanted", "needs", "need", "asks", "asked", "asking", "with", "for", "about", "on", "of", "in", "at", "from",
        "by", "is", "are", "was", "were", "says", "said",
    };

    private static readonly HashSet<string> PluralQualifiers = new(StringComparer.Ordinal)
    {
        "sales", "operations", "ops", "logistics", "claims", "facilities", "analytics", "services", "systems", "parts", "goods",
        "works", "markets", "accounts", "payments", "communications", "events", "sports", "news",
    };

    private static readonly HashSet<string> Determiners = new(StringComparer.Ordinal)
    {
        "the", "their", "our", "my", "your", "his", "her", "this", "that", "these", "those", "its",
    };

    private static readonly HashSet<string> Modifiers = new(StringComparer.Ordinal)
    {
        "new", "old", "former", "current", "other", "main", "economic", "big", "biggest", "final", "whole", "annual", "signed",
        "pilot", "security", "technical", "existing", "key", "actual", "it", "q1", "q2", "q3", "q4", "q4's", "renewal",
        "two", "three", "few", "last", "next", "first", "second", "original", "internal", "external", "exec", "executive",
        "procurement", "legal", "finance", "cold", "warm", "inbound", "outbound", "enterprise", "mid-market", "smb", "price",
        "pricing", "discount", "budget", "contract", "proposal", "demo", "trial", "expansion", "renewal's", "interim", "acting", "hiring",
    };

    [GeneratedRegex(@"^\s*@?coachbot\b[:,]?\s*", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingMention();

    [GeneratedRegex(@"[A-Za-z0-9$€£%][A-Za-z0-9$€£%'\-]*")]
    private static partial Regex Token();

    [GeneratedRegex(@"(?<n>\d{1,2})\s?%\s*(off|discount|reduction|lower|cut)|(discount|reduction|cut) of (?<n>\d{1,2})\s?%", RegexOptions.IgnoreCase)]
    private static partial Regex PercentOff();
}
