using System.Text.RegularExpressions;

namespace CoachBot.Coaching.Dialogue;

/// <summary>
/// Recognises a rep asking for their manager (or someone senior) on a deal: "can you join my call with Contoso?",
/// "I need Dana on the Globex pitch Thursday", "can someone senior come to the negotiation". That is team selling, which
/// the manager sees apart from field days (docs/field-days.md, "Team selling and coaching time").
/// <para>Only a request for someone to take part counts. Left to coaching: reports of what happened ("my manager joined the
/// call and it went badly"), deliberation ("should I ask my manager to join?"), someone else's wish ("my manager wants
/// to join"), help preparing ("can you help me prep for the Contoso call"), negations ("I don't want Dana on the call")
/// and the rep joining someone else's call.</para>
/// </summary>
public static partial class DealHelpRequest
{
    public static bool Matches(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return false;
        var t = Spaces().Replace(text.Replace('’', '\'').Trim(), " ");
        if (t.Length > 400 || NotARequest().IsMatch(t)) return false;
        return ModalJoin().IsMatch(t) || NeedOn().IsMatch(t) || AskToJoin().IsMatch(t) || Imperative().IsMatch(t) || NeedHelpFrom().IsMatch(t);
    }

    // Who can be asked: the bot addressed as the manager's stand-in ("can you join"), the manager, someone senior, or a name.
    private const string Who = @"(?:you|you guys|my (?:manager|boss|director|vp|lead|team lead|sales manager)|(?:some(?:one|body)|a manager|a leader)(?: senior| more senior| from leadership)?|(?-i:[A-Z][a-z]+))";

    // What they would join: a customer-facing moment of a deal.
    private const string Event = @"(?:call|meeting|pitch|demo|negotiation|presentation|qbr|renewal|review|visit|closing|close|exec(?:utive)? briefing|deal|sync)";

    private const string Join = @"(?:join|come(?: along)?(?: to| on)?|be (?:on|at|in)|sit in(?: on)?|jump on|hop on|attend|dial in(?:to| to)?|help (?:me )?(?:close|with|on|at))";

    /// <summary>"can you / could my manager / would someone senior join … call".</summary>
    [GeneratedRegex(@"\b(?:(?:can|could|would)\s+" + Who + @"|will you)\s+(?:please\s+|maybe\s+|possibly\s+)?(?:be able to\s+)?" + Join + @"\b.{0,60}?\b" + Event + @"s?\b", RegexOptions.IgnoreCase)]
    private static partial Regex ModalJoin();

    /// <summary>"I need Dana on the Globex pitch", "I'd like my manager at the negotiation".</summary>
    [GeneratedRegex(@"\bi(?: really)?(?: need| want|'d like| would like| could use)\s+" + Who + @"\s+(?:on|at|in|for|to join|to come to|to be on)\s+(?:the|my|our|this|that|a)\b.{0,40}?\b" + Event + @"s?\b", RegexOptions.IgnoreCase)]
    private static partial Regex NeedOn();

    /// <summary>"ask my manager to join my call with Contoso", "please ask Dana to come to the demo".</summary>
    [GeneratedRegex(@"^(?:please |can you |could you )?(?:ask|get|invite)\s+" + Who + @"\s+(?:to\s+)?" + Join + @"\b.{0,60}?\b" + Event + @"s?\b", RegexOptions.IgnoreCase)]
    private static partial Regex AskToJoin();

    /// <summary>"please join my call with Contoso", "join me on the Initech demo".</summary>
    [GeneratedRegex(@"^(?:please |pls )?(?:join|come to|sit in on|jump on)\s+(?:me on |us on |us at )?(?:my|the|our)\b.{0,40}?\b" + Event + @"s?\b", RegexOptions.IgnoreCase)]
    private static partial Regex Imperative();

    /// <summary>"I need my manager's help on the Acme deal", "I need help from someone senior closing Initech".</summary>
    [GeneratedRegex(@"\bi(?: really)? (?:need|want|could use) (?:my (?:manager|boss|director|vp)'s help|help from " + Who + @"|some senior help|senior help)\b.{0,40}?\b(?:" + Event + @"s?|closing|close|to close|with)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NeedHelpFrom();

    /// <summary>Deliberation, reports, negations and someone else's wishes: coaching material, not a request.</summary>
    [GeneratedRegex(@"^(?:should|shall|do you think|is it (?:a good idea|ok|okay|wise)|would it be|how (?:do|can|should|would)|why|when should|what if|whether)\b|\b(?:should i|do i ask|if i ask|whether to ask|worth asking)\b|\b(?:don't|do not|doesn't|never|not) (?:want|need|like)\b|\b(?:joined|came|attended|was on|sat in)\b|\bwants? to (?:join|come|be on|sit in)\b|\bcan i (?:join|come|sit in|shadow)\b|\b(?:prep|prepare|practice|practise|rehearse|plan) (?:for|my|the)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NotARequest();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
