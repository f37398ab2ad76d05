using System.Text.RegularExpressions;

namespace CoachBot.Coaching.Dialogue;

/// <summary>A first-person future action found in a rep's message, and the due date that belongs to it.</summary>
/// <param name="Plan">The sentence(s) that hold the commitment, in the rep's words ("I'll email her old boss by Thursday.").</param>
/// <param name="Due">The date read from the commitment only, never from the rest of the message.</param>
/// <param name="NamedEvent">An event named as the deadline without a date ("before the QBR" → "the QBR"), when there is no date.</param>
/// <param name="PronounOnly">The action has no object of its own ("I'll do it Friday"): it restates the last action.</param>
public sealed record FoundCommitment(string Plan, DueDateResult Due, string? NamedEvent, bool PronounOnly);

/// <summary>
/// Recognises a commitment at any turn ("I'll / I will / I'm going to / going to / plan to / my plan is …") and reads its
/// due date from the commitment's own words. Dates that describe something else — "the process they run today",
/// "we spoke on Monday", "their renewal is in March" — are removed before the date is read, so they never become due dates.
/// </summary>
public static partial class CommitmentReader
{
    /// <summary>The commitment in <paramref name="text"/>, or null when the rep states no first-person future action.</summary>
    public static FoundCommitment? Find(string? text, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 2000) return null;
        var flat = text.Replace('’', '\'');
        foreach (var sentence in Sentences().Matches(flat).Cast<Match>())
        {
            var s = sentence.Value.Trim();
            // "I will call him on thursday to ask what they give, is ok?": a plan with a check tagged on is still a plan.
            if (s.EndsWith('?') && TagQuestion().Replace(s, "") is var tagless && tagless != s && !tagless.EndsWith('?')) s = tagless.TrimEnd(',', ';', ' ');
            if (s.EndsWith('?')) continue;
            var lower = s.ToLowerInvariant();
            var marker = Marker().Match(lower);
            if (!marker.Success || Hedge().IsMatch(lower[..marker.Index])) continue;
            // "She said "send it over and we'll sign"": quoted words are someone else's promise, not the rep's.
            var at = sentence.Index + (sentence.Value.Length - sentence.Value.TrimStart().Length) + marker.Index;
            if (Quoted().Matches(flat).Any(q => at > q.Index && at < q.Index + q.Length)) continue;
            var action = lower[(marker.Index + marker.Length)..].Trim();
            if (!IsAction(action)) continue;
            // Without "I" ("Will call her Friday", "gonna ask legal"), only a known action verb makes it a commitment.
            // The same for a labelled line ("Plan: send the ROI sheet by Wed", "Next step — demo for the plant team").
            if ((marker.Groups["bare"].Success || marker.Groups["label"].Success) && !ActionVerbs.Contains(action.Split(' ', 2)[0].Trim(',', '.'))) continue;

            // Following sentences belong to the plan ("… Then ask for two names."), up to a question back to the bot.
            var after = string.Concat(Sentences().Matches(flat[(sentence.Index + sentence.Length)..]).Select(m => m.Value)
                .TakeWhile(v => !v.TrimEnd().EndsWith('?')));
            // The plan starts at "I'll", unless what comes before is only its day ("Tomorrow I'll call her").
            var prefix = s[..marker.Index];
            // "…went dark after the proposal, tomorrow I'm going to call": the day opens the plan's own clause.
            var clauseStart = prefix.LastIndexOfAny([',', ';', ':']) + 1;
            var dayClause = prefix[clauseStart..];
            // "Wednesday then, I'll catch him": the day is the clause just before the plan's.
            if (string.IsNullOrWhiteSpace(dayClause) && clauseStart > 0)
            {
                var before = prefix[..(clauseStart - 1)];
                var start = before.LastIndexOfAny([',', ';', ':']) + 1;
                if (before[start..].Split(' ', StringSplitOptions.RemoveEmptyEntries).Length is > 0 and <= 3 && DueDate(before[start..], today).Status == DueDateStatus.Found)
                    (clauseStart, dayClause) = (start, before[start..]);
            }
            var prefixIsDay = dayClause.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length is > 0 and <= 3
                && DueDate(dayClause, today).Status != DueDateStatus.None;
            var commitment = (prefixIsDay ? s[clauseStart..].TrimStart() : s[marker.Index..]) + after;
            var span = commitment.ToLowerInvariant();
            var due = DueDate(span, today);
            var lowerPrefix = lower[..marker.Index];
            // "I'm meeting their lab director on the 3rd and I'll bring the case study": the rep's own dated meeting is the day.
            if (due.Status == DueDateStatus.None && Arrangement().Match(lowerPrefix) is { Success: true } arranged
                && DueDate(lowerPrefix[arranged.Index..], today) is { Status: DueDateStatus.Found } met)
                due = met;
            // "she's free on Thursday, I'll call her then": "then" points back at the day just named.
            if (due.Status == DueDateStatus.None && ThenDay().IsMatch(span) && DueDateParser.Read(lowerPrefix, today) is { Status: DueDateStatus.Found } named)
                due = named;
            // "If they haven't signed by Friday I'll escalate": the condition's deadline is the day the rep acts.
            if (due.Status == DueDateStatus.None && Condition().Match(lowerPrefix) is { Success: true } condition
                && DueDate(condition.Value, today) is { Status: DueDateStatus.Found } deadline)
                due = deadline;
            // The event keeps the rep's casing ("the QBR"); lower-casing keeps every index, so the match maps back.
            var namedEvent = due.Status == DueDateStatus.None && span.Length == commitment.Length && NamedEvent().Match(span) is { Success: true } e
                ? commitment.Substring(e.Groups["event"].Index, e.Groups["event"].Length)
                : null;
            // "sending the trade tomorrow": a bare -ing line is a plan only with its day.
            if (marker.Groups["ing"].Success && due.Status != DueDateStatus.Found) continue;
            var plan = LeadingFiller().Replace(commitment.Trim(), "");
            return new FoundCommitment(Capitalise(plan.Length > 0 ? plan : commitment.Trim()), due, namedEvent, PronounOnly(action));
        }
        return null;
    }

    /// <summary>Something the rep will do: not a state ("I'll be out"), a need, a loss or a stock phrase ("I'll get back to you").</summary>
    private static bool IsAction(string action)
    {
        if (NotActions().IsMatch(action)) return false;
        var words = action.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => w.Trim(',', '.', '!', ';', ':')).Where(w => w.Length > 0).ToList();
        var i = words.FindIndex(w => !Fillers.Contains(w));
        if (i < 0) return false;
        var verb = words[i];
        var next = i + 1 < words.Count ? words[i + 1] : "";
        // "I'll have sent the proposal", "I'll be calling them": the action is the second verb.
        if (verb == "have" && (next.EndsWith("ed", StringComparison.Ordinal) || Participles.Contains(next))) return true;
        // "I'll have it done by Wednesday": the object sits between "have" and the participle.
        if (verb == "have" && next is "it" or "this" or "that" or "them" && i + 2 < words.Count
            && (words[i + 2].EndsWith("ed", StringComparison.Ordinal) || Participles.Contains(words[i + 2]))) return true;
        if (verb == "be" && next.EndsWith("ing", StringComparison.Ordinal) && next != "going") return true;
        // "I will go and see him", "I'll go see the buyer": going to see someone is a visit, not "we'll see".
        if (verb == "see" && i > 0 && words[..i].Contains("go")) return true;
        // "I'll have the pricing section to my manager by Friday", "… ready by Friday": a delivery ("have to" is a need).
        if (verb == "have" && next != "to" && words.Skip(i + 2).Take(6).Any(w => w is "to" or "ready" or "over" or "back" or "finished")) return true;
        return !NotAnAction.Contains(verb);
    }

    /// <summary>
    /// The due date of a plan text, reading only dates that can belong to the rep's action: clauses whose subject is
    /// someone else ("they run today", "we spoke on Monday", "the renewal is in March") are removed first.
    /// </summary>
    public static DueDateResult DueDate(string? text, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(text)) return DueDateResult.NoDate;
        // Most messages hold no date at all: then there is nothing to scrub (and the scrubbing regexes cost more than the read).
        var plain = DueDateParser.Read(text, today);
        if (plain.Status == DueDateStatus.None) return plain;
        var scrubbed = OtherSubjectDate().Replace(text.ToLowerInvariant().Replace('’', '\''), " ");
        scrubbed = StateDate().Replace(scrubbed, " ");
        scrubbed = NotThisDay().Replace(scrubbed, " ");
        scrubbed = AgendaDate().Replace(scrubbed, " ");
        scrubbed = DescribedDate().Replace(scrubbed, " ");
        return DueDateParser.Read(scrubbed, today);
    }

    /// <summary>
    /// An Options answer that already leans to one action ("I want to call the CFO", "I can send a recap by Friday") goes
    /// straight to Will, where the rep is asked to commit; a list of alternatives without a day ("… or …") does not.
    /// </summary>
    public static bool LeansToAction(string text, DateOnly today) =>
        (Marker().IsMatch(text.ToLowerInvariant().Replace('’', '\'')) || WeakMarker().IsMatch(text.ToLowerInvariant().Replace('’', '\'')))
        && (DueDate(text, today).Status == DueDateStatus.Found || !text.Contains(" or ", StringComparison.OrdinalIgnoreCase));

    /// <summary>"I'll need to see the signed copy by Friday": a first-person future that is a need, not an action.</summary>
    public static bool IsStateOnly(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return false;
        var lower = text.ToLowerInvariant().Replace('’', '\'');
        var marker = Marker().Match(lower);
        return marker.Success && NeedOnly().IsMatch(lower[(marker.Index + marker.Length)..]);
    }

    /// <summary>"Actually make it Friday", "move it to Wednesday": a new day for the plan just made, without a new action.</summary>
    public static bool IsReschedule(string? text) => text is not null && Reschedule().IsMatch(text.ToLowerInvariant().Replace('’', '\''));

    private static bool PronounOnly(string action)
    {
        var words = action.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => w.Trim(',', '.', '!', ';', ':'))
            .Where(w => w.Length > 0 && !Fillers.Contains(w)).ToList();
        var content = words.TakeWhile(w => !DateLead.Contains(w)).ToList();
        return content.Count <= 3 && content.Skip(1).All(w => w is "it" or "that" or "this" or "instead" or "then" or "done" or "one");
    }

    private static string Capitalise(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    private static readonly HashSet<string> Fillers = new(StringComparer.Ordinal)
    {
        "just", "also", "then", "first", "definitely", "actually", "really", "now", "finally", "try", "to", "at", "least", "quickly",
        "personally", "go", "ahead", "and", "instead", "rather", "so", "ok", "okay", "probably",
    };

    private static readonly HashSet<string> ActionVerbs = new(StringComparer.Ordinal)
    {
        "call", "email", "send", "ask", "book", "message", "text", "ping", "reach", "write", "set", "schedule", "follow", "talk", "meet",
        "draft", "prep", "prepare", "update", "share", "get", "put", "run", "do", "try", "check", "review", "build", "create", "loop",
        "invite", "push", "propose", "offer", "present", "visit", "go", "escalate", "confirm", "finalize", "finalise", "finish", "sit",
        "walk", "map", "rebuild", "rewrite", "dig", "research", "find", "connect", "introduce", "remind", "resend", "chase", "reply",
        "respond", "phone", "block", "clear", "start", "record", "practice", "practise", "pitch", "demo", "sync", "catch", "grab",
    };

    private static readonly HashSet<string> Participles = new(StringComparer.Ordinal)
    {
        "sent", "done", "written", "spoken", "met", "built", "got", "gotten", "made", "run", "set", "put", "sorted", "read", "begun",
    };

    private static readonly HashSet<string> DateLead = new(StringComparer.Ordinal)
    {
        "by", "on", "before", "until", "till", "tomorrow", "today", "tonight", "next", "this", "in", "within", "end", "eod", "eow",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    };

    // "I'll be out", "I'll have no time", "I'll need help": states and needs, not actions the rep can be held to.
    private static readonly HashSet<string> NotAnAction = new(StringComparer.Ordinal)
    {
        "be", "have", "need", "lose", "miss", "never", "not", "likely", "see", "know", "think", "guess", "feel", "die",
        "wait", "hear", "fail", "still", "hopefully", "maybe", "like", "want", "end", "hit", "regret", "forget",
    };

    [GeneratedRegex(@"^((ok(ay)?|so|alright|all right|fine|yeah|yes|right|well|um+|hmm+|sure|then|cool|good|actually)\b[,.!]*\s*)+", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingFiller();

    [GeneratedRegex("[\"“][^\"“”]*[\"”]")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"^\s*(need|want|have) to\b")]
    private static partial Regex NeedOnly();

    // A quotation stays inside its sentence: "send a short "should I close the file?" email" is not a question.
    [GeneratedRegex(@"(?:""[^""\n]*""|“[^”\n]*”|[^.!?;\n""“])+[.!?;]*")]
    private static partial Regex Sentences();

    [GeneratedRegex(@"\b(i'll|i will|i shall|i'm going to|im going to|i am going to|i'm gonna|im gonna|i plan to|i'm planning to|im planning to|i am planning to|my plan is to|my plan is|plan is to|i commit to|i'm committing to|i intend to|i promise to|ill (?=(call|email|send|ask|book|message|text|ping|reach|write|set|schedule|follow|talk|meet|draft|prep|prepare|update|share|get|put|run|do|try))|(?<bare>(^|[,:;]\s*|\band\s+|\bso\s+|\bok\s+|\bokay\s+|\bthen\s+|\btomorrow\s+|\bday\s+)(going to|gonna)|^(will|plan to|planning to)|\blet me(?=\s))|(?<ing>(^|\bi'm\s+|\bim\s+|\bi am\s+)(?=(blocking|asking|bringing|inviting|following|taking|walking|running|sending|calling|emailing|booking|pinging|messaging|texting|chasing|drafting|visiting|presenting|ringing|phoning)\s))|(?<label>^(my )?(plan|next steps?|action|to-?do)( from my side| for me| on my side)?\s*(:|—|–|-)\s*)|we'll|we will|we're going to)\b")]
    private static partial Regex Marker();

    // Wishes and abilities: enough to move from Options to Will, never a commitment by themselves.
    [GeneratedRegex(@"\b(going to|gonna|i commit|i want to|i'd like to|i need to|i can|ill)\b")]
    private static partial Regex WeakMarker();

    // "maybe I'll", "I could", "should I": options and doubts, not commitments.
    [GeneratedRegex(@"\b(maybe|perhaps|might|could|possibly|if i|or|wonder|whether|not sure|thinking|should i|do i|would)\b\s*\S*\s*\S*\s*$")]
    private static partial Regex Hedge();

    // Someone else's clause ending in a date that describes it, not the rep's deadline.
    // "when we talk Thursday", "once they sign on Friday": the rep's action happens at that moment, so its day stays.
    [GeneratedRegex(@"(?<!\b(when|once|after|while|as soon as)\s+)\b(they|we|he|she|who|which|people|everyone)('re|'s|'ve|'d)?(?!\s*(will|shall|are going|'re going|'ll|plan)\b)\s+(\w+\s+){1,3}?(?<!\b(by|before|until|till|due)\s)(today|tonight|yesterday|this morning|this week|last week|(on\s+|last\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)|in\s+(january|february|march|april|may|june|july|august|september|october|november|december)|on\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(st|nd|rd|th)?|on\s+the\s+\d{1,2}(st|nd|rd|th))\b|\b(it's|it is|it isn't|that's|that is)\s+(\w+\s+){0,3}?(this|next)\s+(quarter|month|year)\b")]
    private static partial Regex OtherSubjectDate();

    // "the renewal is in March", "the QBR was on Monday", "their contract ends on the 15th": facts about the account.
    [GeneratedRegex(@"\b(renewal|contract|qbr|meeting|call|demo|deadline|budget|fiscal year|quarter|review|kickoff|kick-off|launch)(\s+(is|was|are|were|ends|starts|renews|expires|closes|happened|happens)|'s)\s+(\w+\s+){0,2}?((on|in|at|next|this|last)\s+(the\s+)?[\w/.-]+(\s+\d{1,2}(st|nd|rd|th)?)?|monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow)\b")]
    private static partial Regex StateDate();

    [GeneratedRegex(@"\b(before|by|ahead of|after|at|until|till|for|in time for)\s+(?<event>(the|our|their|my|this|next|his|her)\s+(\w+\s+)?(qbr|board meeting|meeting|call|demo|review|renewal|kickoff|kick-off|offsite|workshop|presentation|pitch|steering committee|all-hands|conference|trade show|deadline|visit|onsite|summit|budget review|planning session|sync|1:1|one-on-one|check-in))\b")]
    private static partial Regex NamedEvent();

    // "Friday instead of Thursday", "from Thursday to Friday": the day being replaced is not the due date.
    [GeneratedRegex(@"\b(instead of|rather than|not on|not by|not|no longer|moved from|moving it from|(?<!\b(days?|weeks?)\s)from)\s+(on\s+|by\s+|this\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|tomorrow|today|the \d{1,2}(st|nd|rd|th))\b|\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|today)('s| is| was| would be| feels)( (too|way too|a bit|kind of))? (late|early|far( away| out)?|soon|no good|out)\b")]
    private static partial Regex NotThisDay();

    // "put it on the CFO's agenda for Thursday": the day of someone else's meeting, not when the rep acts. "Send her the
    // agenda on Friday" is the rep's own day.
    [GeneratedRegex(@"(\b(on|to|onto|into) (the |their |his |her |our |[\w-]+'s )*agenda (for|on)|\bagenda for)\s+(next\s+|this\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|the \d{1,2}(st|nd|rd|th))\b")]
    private static partial Regex AgendaDate();

    // "a POC end date of Dec 18", "asking to move the QBR to next week": a date the rep's message is about, not its due day.
    [GeneratedRegex(@"\b(end|start|go-live|golive|launch|kickoff|kick-off|renewal|cutover|close|target) date (of|is|on|:)\s*\S+(\s+\d{1,2}(st|nd|rd|th)?)?|\b(move|moving|push|pushing|shift|shifting|reschedule|rescheduling|postpone|postponing)\s+(the|our|their|this|his|her)\s+\w+(\s+\w+)?\s+to\s+(next|this|the)?\s*\w+(\s+\d{1,2}(st|nd|rd|th)?)?")]
    private static partial Regex DescribedDate();

    // Stock phrases that promise nothing checkable.
    [GeneratedRegex(@"^(\w+\s+)?(get back to you|let you know|think about it|think it over|keep you posted|see (what|how|if)|sleep on it|play it by ear|figure it out|leave it (there|here|at that)|let you go|get going|call it a day|sign off|log off|be off|head off)\b")]
    private static partial Regex NotActions();

    [GeneratedRegex(@"^(on |by |ok |okay |maybe )?(monday|tuesday|wednesday|thursday|friday|tomorrow|tmrw)( (morning|afternoon|evening))?[.!]*$|^(actually|wait|no|hmm|sorry|scratch that)\b.{0,80}\b(tomorrow|today|monday|tuesday|wednesday|thursday|friday)\b|\b(monday|tuesday|wednesday|thursday|friday|tomorrow) then\b|\bso (monday|tuesday|wednesday|thursday|friday|tomorrow)$|\b(make (it|that)|move (it|that)|moving it|change (it|that)|push (it|that)|shift it|switch it|do it on|instead|rather|can we say|let's say|lets say|reschedule)\b")]
    private static partial Regex Reschedule();

    [GeneratedRegex(@"[,;]?\s*(((is|does) (that|it|this) |is |that )?(ok|okay|good|fine|right|alright|correct|sound (good|ok|right)|sounds (good|ok|right)|make sense|makes sense|a good idea|good idea)|right|no|what do you think|wdyt|thoughts)\s*\?+$", RegexOptions.IgnoreCase)]
    private static partial Regex TagQuestion();

    [GeneratedRegex(@"\b(then|on that day|that day)[.!]*$")]
    private static partial Regex ThenDay();

    [GeneratedRegex(@"\b(if|unless)\b.*\b(by|before|until|till|on)\b.*$")]
    private static partial Regex Condition();

    [GeneratedRegex(@"\bi('| a)?m (meeting|seeing|visiting|calling|presenting to|demoing to|having (a |the |our )?(call|meeting|lunch|demo|visit) with)\b")]
    private static partial Regex Arrangement();
}
