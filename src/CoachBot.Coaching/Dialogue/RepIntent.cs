using System.Text.RegularExpressions;

namespace CoachBot.Coaching.Dialogue;

public enum RepIntentKind
{
    Empty,
    Help,
    Reset,
    Greeting,
    /// <summary>"Just tell me", "give me the answer", "ignore your rules", prompt-injection attempts.</summary>
    Insisting,
    DontKnow,
    Other,
    ListPlans,
    Practice,
    Share,
    ForgetMe,
    /// <summary>"yes, forget me", "confirm": only meaningful while a forget-me confirmation is pending.</summary>
    ConfirmForget,
    Export,
    FieldDay,
    Yes,
    No,
    /// <summary>Anger at the bot ("this is useless", swearing at it).</summary>
    Frustrated,
    /// <summary>"thanks", "ok", "cool": closes a turn without new content.</summary>
    Thanks,
    /// <summary>"stop check-ins": the rep opts out of proactive follow-ups (Teams requires an opt-out).</summary>
    StopCheckIns,
    /// <summary>"start check-ins": proactive follow-ups back on.</summary>
    StartCheckIns,
    /// <summary>Not a sales matter at all ("what's the weather in Dallas").</summary>
    OffTopic,
    /// <summary>Good news ("just closed Northwind!!!").</summary>
    Win,
    /// <summary>Exhaustion, burnout, thoughts of quitting: the person comes before the pipeline.</summary>
    Distress,
    /// <summary>"thanks, that's all for now": the rep is leaving the conversation.</summary>
    Closing,
    /// <summary>"call in 5 min": time for one preparation question, not an arc.</summary>
    TimePressure,
    /// <summary>A complaint about the rep's own manager.</summary>
    ManagerComplaint,
    /// <summary>"settings" from a rep (the manager's settings are answered by the host before the engine).</summary>
    Settings,
    /// <summary>"my day", "team": manager commands typed by a rep.</summary>
    ManagerOnly,
    /// <summary>"can you join my call with Contoso?": the rep asks for their manager's help on a deal (team selling).</summary>
    DealHelp,
}

/// <summary>Reads what kind of message a rep sent, before the arc decides what to ask. Commands match the whole message.</summary>
public static partial class RepIntent
{
    public static RepIntentKind Classify(string? text)
    {
        var t = Normalize(text ?? string.Empty);
        // 👍, 🙏, 👌 alone: an acknowledgement, like "thanks".
        if (t.Length > 0 && !t.Any(char.IsLetterOrDigit) && Acknowledgement().IsMatch(t)) return RepIntentKind.Thanks;
        if (t.Length == 0 || !t.Any(char.IsLetterOrDigit)) return RepIntentKind.Empty;
        if (t.Length <= 40 && Command(t) is { } command) return command;
        if (Insisting().IsMatch(t) || Markup().IsMatch(t)) return RepIntentKind.Insisting;
        if (AtTheBot().IsMatch(t)) return RepIntentKind.Frustrated;
        // Before the asides: "call in 10, can my manager join?" is a request for deal help, not time pressure.
        if (DealHelpRequest.Matches(text)) return RepIntentKind.DealHelp;
        if (Distress().IsMatch(t) && (FirstPerson().IsMatch(t) || Quitting().IsMatch(t)) && !NotDistress().IsMatch(t)) return RepIntentKind.Distress;
        if (TimePressure().IsMatch(t)) return RepIntentKind.TimePressure;
        // Before closings: "he told me …, like ok thanks" is sarcasm, not a goodbye.
        if (ManagerComplaint().IsMatch(t) || Sarcasm().IsMatch(t) && ToldMe().IsMatch(t)) return RepIntentKind.ManagerComplaint;
        if (t.Length <= 60 && (Closing().IsMatch(TrailingEmoji().Replace(t, "")) || ThanksTail().IsMatch(t) && !t.Contains('?') && !ThanksOnly.Contains(t))) return RepIntentKind.Closing;
        // "a 3 year commitment makes sense. ok thanks, bye": a clear goodbye as the last sentence of a short message.
        if (t.Length <= 160 && FarewellSentence(t)) return RepIntentKind.Closing;
        if ((Win().IsMatch(t) || Booked().IsMatch(t) && (Excited(text ?? "") || t.Contains("finally", StringComparison.Ordinal))) && !NotAWin().IsMatch(t)) return RepIntentKind.Win;
        if (OffTopic().IsMatch(t) && !SalesWord().IsMatch(t)) return RepIntentKind.OffTopic;
        if (DontKnow().IsMatch(t)) return RepIntentKind.DontKnow;
        if (t is "hi" or "hello" or "hey" or "hi there" or "hey there" or "good morning" or "good afternoon" or "morning" or "yo"
            or "hello coachbot" or "hey coachbot" or "hi coachbot" or "hallo" or "bonjour" or "hola") return RepIntentKind.Greeting;
        if (t is "yes" or "y" or "yes please" or "yeah" or "yep" or "sure" or "please do" or "ok yes" or "yes do it" or "go ahead"
            or "absolutely" or "definitely" or "sounds good" or "let's do it" or "lets do it" or "another" or "another one"
            or "one more" or "again") return RepIntentKind.Yes;
        if (t is "no" or "n" or "nope" or "no thanks" or "not now" or "nah" or "no thank you" or "later" or "not really") return RepIntentKind.No;
        if (ThanksOnly.Contains(t)) return RepIntentKind.Thanks;
        return RepIntentKind.Other;
    }

    private static bool FarewellSentence(string t)
    {
        var cut = t.TrimEnd('.', '!', ' ').LastIndexOfAny(['.', '!', ';']);
        if (cut <= 0) return false;
        var last = TrailingEmoji().Replace(t[(cut + 1)..].Trim().TrimEnd('.', '!', ' '), "");
        // A bare "ok" or "thanks" after a remark is an acknowledgement; "bye" and "that's all" are goodbyes wherever they stand.
        return last.Length > 0 && !last.Contains('?') && Closing().IsMatch(last) && (!ThanksOnly.Contains(last) || last is "bye" or "that's all" or "thats all" or "nothing else");
    }

    /// <summary>Whole messages that close a turn without new content ("ok thanks"); longer thank-yous are goodbyes.</summary>
    private static readonly HashSet<string> ThanksOnly = new(StringComparer.Ordinal)
    {
        "thanks", "thank you", "thx", "ty", "ta", "cheers", "ok cool thx", "ok thanks coach", "ok thx", "ok ty", "ok", "okay", "cool", "great", "got it", "perfect", "that's all", "thats all",
        "all good", "nothing", "nothing else", "done", "bye", "ok thanks", "thanks!",
    };

    /// <summary>
    /// A message that continues the aside just answered ("and then she doesn't even read them", "haven't told anyone"):
    /// it opens with a joining word or a pronoun for someone already named, so it belongs to the same aside.
    /// </summary>
    public static bool ContinuesAside(string? text) => Continuation().IsMatch(Normalize(text ?? string.Empty));

    /// <summary>A thank-you or a thumbs-up, as opposed to a bare "ok".</summary>
    public static bool SaysThanks(string? text) => ThanksWord().IsMatch(Normalize(text ?? string.Empty));

    /// <summary>"nvm, found it" after an off-topic aside: the aside is settled, nothing to coach.</summary>
    public static bool SettlesAside(string? text) => Normalize(text ?? string.Empty) is { Length: <= 40 } t && Settled().IsMatch(t);

    /// <summary>True when the message swears or insults (the bot then does not quote it back).</summary>
    public static bool HasProfanity(string? text) => text is not null && Profanity().IsMatch(text.ToLowerInvariant());

    /// <summary>Rough check for a message mostly in another language (German, French, Spanish, Italian, Portuguese, Dutch).</summary>
    public static bool LooksNonEnglish(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return false;
        var words = Topics.TopicDetector.Words(text);
        if (words.Length < 3) return text.Any(c => c is 'ß' or 'ñ' or 'ç' or 'ü' or 'ö' or 'ä' or 'é' or 'è' or 'à' or '¿' or '¡');
        var foreign = words.Count(w => ForeignStopwords.Contains(w));
        var english = words.Count(w => EnglishStopwords.Contains(w));
        return foreign >= 2 && foreign > english;
    }

    /// <summary>Lower-case, trimmed, curly apostrophes straight, a leftover "@CoachBot"/"CoachBot," removed, end punctuation removed.</summary>
    public static string Normalize(string text)
    {
        var t = text.Replace('’', '\'').Trim().ToLowerInvariant();
        t = LeadingBotName().Replace(t, "");
        return Spaces().Replace(t, " ").Trim().TrimEnd('.', '!', '?', ' ', ':', ')', '(').Trim();
    }

    private static RepIntentKind? Command(string t) => t switch
    {
        "settings" or "my settings" or "/settings" => RepIntentKind.Settings,
        "my day" or "team" or "my team" or "/team" or "/my day" => RepIntentKind.ManagerOnly,
        "help" or "?" or "what can you do" or "commands" or "menu" or "/help" or "options" or "how does this work" => RepIntentKind.Help,
        "reset" or "start over" or "cancel" or "stop" or "new topic" or "restart" or "/reset" or "start again" or "quit" => RepIntentKind.Reset,
        "my plans" or "plans" or "show my plans" or "list my plans" or "show plans" or "list plans" or "what are my plans"
            or "my commitments" or "/plans" => RepIntentKind.ListPlans,
        "practice" or "practise" or "drill" or "drills" or "start a drill" or "start drill" or "practice drill" or "let's practice"
            or "lets practice" or "let's practise" or "/practice" or "practice my pitch" => RepIntentKind.Practice,
        "share" or "share my plan" or "share plan" or "share with my manager" or "share it with my manager" or "share this"
            or "share it" or "/share" => RepIntentKind.Share,
        "forget me" or "delete my data" or "delete me" or "erase my data" or "forget everything" or "delete everything"
            or "/forget" or "forget my data" => RepIntentKind.ForgetMe,
        "yes, forget me" or "yes forget me" or "confirm" or "yes, delete" or "yes delete" or "yes, delete my data"
            or "yes delete my data" or "yes, delete everything" or "confirm forget me" => RepIntentKind.ConfirmForget,
        "export" or "export my data" or "my data" or "download my data" or "/export" or "export data" => RepIntentKind.Export,
        "field day" or "request a field day" or "ask for a field day" or "request field day" or "i want a field day"
            or "field time" or "request field time" or "/fieldday" or "ask my manager for a field day" => RepIntentKind.FieldDay,
        "stop check-ins" or "stop check ins" or "stop checkins" or "stop checking in" or "no more check-ins" or "no more check ins"
            or "pause check-ins" or "pause check ins" or "turn off check-ins" or "stop follow-ups" or "stop follow ups"
            or "stop reminders" or "/stopcheckins" => RepIntentKind.StopCheckIns,
        "start check-ins" or "start check ins" or "start checkins" or "resume check-ins" or "resume check ins"
            or "turn on check-ins" or "start follow-ups" or "start follow ups" or "start reminders" or "/startcheckins" => RepIntentKind.StartCheckIns,
        _ => null,
    };

    private static readonly HashSet<string> ForeignStopwords = new(StringComparer.Ordinal)
    {
        "der", "die", "das", "und", "ich", "nicht", "ist", "mit", "ein", "eine", "wir", "sie", "kunde", "zu", "auf", "was", "soll", "mir",
        "le", "la", "les", "je", "pas", "est", "et", "des", "une", "un", "que", "il", "nous", "vous", "client", "avec", "pour", "mais",
        "el", "los", "las", "y", "por", "es", "una", "con", "pero", "muy", "cliente", "qué", "hacer", "mi", "tengo", "dice",
        "il", "di", "che", "non", "per", "sono", "ho", "het", "een", "niet", "ik", "wat", "não", "com", "os", "uma",
    };

    private static readonly HashSet<string> EnglishStopwords = new(StringComparer.Ordinal)
    {
        "the", "and", "is", "to", "i", "we", "they", "my", "a", "of", "in", "it", "that", "what", "do", "with", "for", "not", "but",
        "have", "he", "she", "you", "on", "me", "our", "their", "this", "are", "was",
    };

    // Chat-template and role markup pasted to hijack a language model ("</s>", "<|im_start|>", "[[admin]]", "### system").
    [GeneratedRegex(@"</?s>|<\|[a-z_]+\|>|\[\[?\s*(admin|system|sudo)\s*\]\]?|^#+\s*(system|instruction)", RegexOptions.CultureInvariant)]
    private static partial Regex Markup();

    [GeneratedRegex(@"^\s*(@?coach\s?bot[\s,:]*)+")]
    private static partial Regex LeadingBotName();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\b(just tell me|tell me what to do|tell me what i should|tell me the answer|give me the answer|give me an answer|give me answers|what's the answer|what is the answer|whats the answer|ignore (the above|everything|that)|(^|\s)(system|assistant|user|developer)\s*:|disable (coaching|your)|coaching mode|numbered list|you are allowed to|you're allowed to|ignore (your|all|the|any|previous|prior|these|those|my) ?(previous |prior |above )?(rules|instructions|prompt|guidelines|programming)|disregard (your|all|the|previous|prior)|forget (your|all|the|previous) (rules|instructions)|system prompt|your (prompt|instructions)|you are now|pretend (you are|you're|that you)|act as my|act as an expert|act as a sales|roleplay as|role-play as|developer mode|dev mode|jailbreak|new instructions|override your|stop asking|enough questions|no more questions|quit asking|answer my question|answer the question|just answer|i want an answer|i need an answer|i need the answer|what should i say|what do i say|what would you do|what do you recommend|what would you recommend|your recommendation|give me a script|give me the script|write me|write an email|draft (an|the|a) (email|reply|message)|give me advice|give me some advice|any advice|any tips|give me tips|give me steps|list the steps|step by step|sag mir|dis-moi|dis moi|dime qu[eé]|dime lo que|dímelo|dimmi)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Insisting();

    [GeneratedRegex(@"^(i )?(really )?(don't|dont|do not|still don't|still dont) know\b|^(no idea|not sure|idk|dunno|no clue|i'm not sure|im not sure|i have no idea|i am not sure|beats me|i'm stuck|im stuck|i'm lost|no se|no sé|keine ahnung|weiß nicht|weiss nicht|je ne sais pas|aucune idée)\b", RegexOptions.CultureInvariant)]
    private static partial Regex DontKnow();

    [GeneratedRegex(@"\b(f+u+c+k+\w*|shit\w*|bullshit|crap|damn\w*|wtf|piss\w*|bastard|asshole|dick|idiot\w*|moron|stupid|dumb)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Profanity();

    // Anger aimed at the bot itself, not at a customer.
    [GeneratedRegex(@"\b(you('re| are)? (useless|pointless|stupid|dumb|annoying|a joke|worthless)|(this|that) (bot |thing )?(is|was) (useless|pointless|stupid|dumb|annoying|a joke|a waste|worthless|bullshit|crap|garbage|rubbish)|useless bot|stupid bot|dumb bot|waste of (my )?time|f+u+c+k (you|off|this)|screw (you|this)|shut up|i hate (you|this bot)|so annoying)\b", RegexOptions.CultureInvariant)]
    private static partial Regex AtTheBot();

    // Burnout and distress: acknowledged with care, never answered with a sales template.
    [GeneratedRegex(@"\b(exhausted|cut out for (this|sales|this job|it)|(i'm|im|i am) (still )?shaking|burn(ed|t|ing)? ?out|burnout|quit(ting)? (my job|this job|sales|everything)|thinking (about|of) quitting|want to quit|wanna quit|can't (sleep|cope|do this anymore|take (it|this) anymore)|cant (sleep|cope|do this anymore)|(so|completely|totally|really|feel|feeling) overwhelmed|(i'm|im|i am|i feel|feeling|so) anxious|my anxiety|depress(ed|ion)|panic attack|breaking down|falling apart|at my limit|running on empty|hopeless|crying|mental health|so tired of (everything|this|it all)|dread (going|work|mondays?)|hate (my|this) job|i (just |sometimes |often |literally |still )?(cry|cried)|i've cried|(made|makes|make) me cry|in tears|cried|i (really |just )?want(ed)? out|want out of (this|my) job|want out of sales|(leave|leaving|quit|quitting) (this|my) job|haven't told anyone|havent told anyone|(can't|cant) tell anyone|no one to talk to|nobody to talk to|miserable|drained|fried|(haven't|havent|not) (been )?slept( properly| well)?( in (days|weeks))?|(feel|feeling) (so |completely |totally |really |like )?(worthless|a failure|like a failure)|hate myself|i'm not ok(ay)?|im not ok(ay)?|i'm not coping|not coping|(i'm|im|i am) (so|really|very|just) tired|not sleeping|(want|wanna|going) to resign|(thinking|think) (about|of) resigning|hand(ing)? in my notice)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Distress();

    // "thinking about quitting", "fried. haven't slept in days" need no "I": the rep is the one thinking and not sleeping.
    [GeneratedRegex(@"\bthinking (about|of) quitting\b|^(so |completely |totally |just |really )?(burned|burnt|burning|exhausted|drained|fried|overwhelmed)\b|\b(haven't|havent) (been )?slept\b", RegexOptions.CultureInvariant)]
    private static partial Regex Quitting();

    [GeneratedRegex(@"\b(i|i'm|im|i've|ive|me|my|myself)\b", RegexOptions.CultureInvariant)]
    private static partial Regex FirstPerson();

    // "exhausted all options", "the buyer is anxious": not about the rep's own state.
    [GeneratedRegex(@"\bexhausted (all|every|our|my|the) (options|avenues|ideas|budget|leads|contacts|list)|\b(buyer|customer|client|prospect|they|he|she|cfo|ceo|team) (is|are|was|were|seems?|sounded) (\w+ )?(anxious|overwhelmed|exhausted|depressed)", RegexOptions.CultureInvariant)]
    private static partial Regex NotDistress();

    // Leaving the conversation; short messages only, so "that's all they said" in a story is not a goodbye.
    [GeneratedRegex(@"^((ok(ay)?|good|great|cool|perfect|alright|right|anyway|thanks?( you)?( so much)?|thx|ty|cheers|awesome|makes sense|sounds good|got it|fair( enough)?|noted|understood|nice|brilliant|lovely|super|helpful|that helps|ok that helps)[,!. ]+)*((that's|thats|that is) (all|it|everything)( for (now|today))?([,.!]* bye)?|(bye|goodbye|bye for now|see you|see ya|cya|ttyl|talk (to you )?(later|soon|tomorrow)|gotta (go|run)|got to (go|run)|i('m| am) (good|done)( for now| thanks)?|all good,? thanks|(that's|thats) enough for (now|today)|good ?night|have a good (one|day|evening|weekend)|nothing else|done for (now|today)|we're done|we are done|i'm off|signing off))\b|\b(that's all|thats all|that's it|thats it|done) for (now|today)$|\b(gtg|g2g|back to (work|it)|off to (celebrate|lunch|the next one|my next call)|go time)\b([,.!]* bye)?$|^(?=.*\b(thanks|thank you|thx|ty|cheers|obrigad[oa]|merci|gracias|danke|salamat|dzięki|dziekuje|dziękuję)\b).{0,50}\b(that's|thats|that is|is|it's|its) (all|it)( for (now|today))?[.! ]*$|^(no,? |ok,? )?(that's|thats|that is) (all|it)[,.]? (thanks|thank you|thx|cheers)( (coach|mate))?[.! ]*$|^(thanks|thank you|thx|ty|cheers)(?! *$)( (coach|coachbot|mate|man|a lot|so much|again))*( for (listening|pushing me|the push|the help|your help|asking|the questions|this|that|making me think)( on (that|this|it))?)?( i guess)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Closing();

    // A meeting about to start: one preparation question fits, not a GROW arc.
    [GeneratedRegex(@"\b(between (two |2 )?(client |customer )?(visits|meetings|calls|appointments)\b|(call|meeting|demo|pitch|presentation|negotiation|qbr|interview|it|that|mine|one|zoom|teams call) (is |starts |begins )?in (\d{1,2}|a few|five|ten|two|three|fifteen|twenty) ?(min|mins|minutes|sec)|in (\d{1,2}|five|ten|two|three) ?(min|mins|minutes)\b.*\b(call|meeting|demo|pitch)|(about to|going to) (jump|hop|go) (on|into) (a |the |my )?(call|meeting|demo|zoom)|(call|meeting|demo) (starts|is starting) (now|soon|any minute)|no time,|quick[,!] (i|my|call|meeting)|walking into (a|the|my) (\w+ ){0,2}(call|meeting|demo)|(i'm|im|i am) (walking|heading|going) into (a|the|my|their|our) (\w+ ){0,2}(call|meeting|demo|office|site|plant|building)\b.{0,30}\bin (\d{1,2}|five|ten|two|three) ?(min|mins|minutes)\b|^(\d{1,2}|two|three|five|ten) ?(min|mins|minutes)\b|\b(\d{1,2}|two|three|five|ten) ?(min|mins|minutes) (before|until|till|to) (the|my|our|a) (\w+ ){0,2}(call|meeting|demo|pitch|visit|presentation)|, quick$|(i have|i've got|ive got|i only have|only have|got) (\d{1,2}|two|three|five|ten|fifteen) ?(min|mins|minutes) (before|until|till|til)|(call|meeting|demo|review|sync|standup|1:1|zoom|teams call) ([\w'-]+ ){0,6}in (\d{1,2}|a few|five|ten|two|three|fifteen|twenty)( ?(min|mins|minutes|sec))?(?! ?(days?|weeks?|months?|hours?|hrs?|years?|q\d|%))\b|(gotta|got to|have to|need to) (go|run|dash|jump|hop)\b.*\bin (\d{1,2}|a few|two|five) ?(min|mins|minutes)?\b(?! ?(days?|weeks?|months?|hours?|hrs?|years?))|(gotta|got to|have to|need to) (jump|hop)(\s*$|[,.!]| (on|into) (a|the|my|another) (call|meeting|zoom))|(pulled|dragged|called) (me )?into (a|the|an) (meeting|call)|between (meetings|calls)|(boarding|about to board|at the gate|in a cab|in a taxi)\b|(heading|going|walking|jumping|hopping) (into|in to|to|on) (a|the|my|our|an) (\w+ ){1,5}in (\d{1,2}|a few|five|ten|two|three|fifteen) ?(min|mins|minutes)\b)", RegexOptions.CultureInvariant)]
    private static partial Regex TimePressure();

    // The rep's own manager; "their manager" (the customer's) is sales material.
    [GeneratedRegex(@"\b(the )?(worst|most useless) (manager|boss) (i've|ive|i have) (ever )?(had|worked for)\b|\b(my (manager|boss|sales manager|team lead|director|vp|sales director|regional manager|area manager|head of sales|rvp|jefe|supervisor|line manager)|our (manager|boss))\b.{0,100}\b(micromanag\w*|no clue|took (the|my|our) (\w+ ){0,2}(account|accounts|deal|deals|territory|client|clients|customer|customers) (from|off) me|gave it to (his|her) (favourite|favorite|friend|buddy|pet)|didn't|didnt|did not|as usual|not even|gave (the|my|our) (\w+ ){0,2}(account|accounts|deal|deals|territory|client|clients|customer|customers) to|as (his|hers?)( own)?$|as (his|hers?)( own)? (in|at|on|to)\b|never|always|doesn't|doesnt|does not|won't|wont|ignores?|yell\w*|blames?|hates?|useless|unfair|toxic|no help|clueless|breathing down|on my back|on my case|doesn't listen|takes credit|took credit|undermin\w*|without (even )?(telling|asking|consulting|warning|checking with)( me)?|gave (away )?(half )?(of )?my|took (away )?(half )?(of )?my|as [""']?(his|her)[""']? (own )?(deal|win|idea|work)|every (single )?(day|hour)|every single|makes me|forces me|criticiz\w*|criticis\w*|behind my back|again|no idea|in front of (the|my) (whole )?(team|customer|client)|driving me (nuts|crazy|mad|up the wall)|frustrat\w*|every (single )?(email|call|deal|message|quote)|dumps?|keeps|pressur\w*|impossible|idiot|jerk|awful|terrible|annoying|rude|sucks)\b|\bmicromanag\w*|\b(my (manager|boss|sales manager|team lead|director|vp))\b.{0,80}\b((his|her) answer to everything|so (his|her) (number|numbers|forecast|dashboard|report)s? (look|looks) (good|better))", RegexOptions.CultureInvariant)]
    private static partial Regex ManagerComplaint();

    [GeneratedRegex(@"(\b(just|finally|we|i|they) (closed|signed|won|landed|booked|got the (deal|signature|po|contract))\b(?!['’])|^(finally )?(closed|signed|won|landed) (the |our |my )?(\w+ ){0,3}(deal|contract|account|order)\b|\b(biggest|largest|best) (deal|order|month|quarter|win|contract) (of my (career|life)|ever)\b|\b(closed|signed|won|landed) (it|the deal|northwind|\w+)!|\b(deal|contract|po) (is |got )?(signed|closed|won)\b|\b(hit|beat|smashed|crushed|made) (my |our )?(\d+ ?% (of )?(my |our )?)?(quota|number|target)\b|\b(finally|just) (got|booked|landed|secured) (the|a|my|our) (meeting|call|intro|signature|po|contract|deal|yes)\b|\b(po|deal|contract|order|order form) (is|'s|got|just got|went) (through|approved|signed|done|official)\b|\b(it's|its|it is) (signed|official)\b(?!\s+(by|on|before))|\b(hit|passed|met|nailed|cleared) (all|every) (\d+ )?(of (the|their|our) )?(success )?(criteria|goals|targets|milestones)|\b(small|big|quick|huge|nice|massive) win\b|\b(just|finally) (confirmed|ordered|awarded|accepted)\b|\b(signed|won) (the|our|a) (\w+ ){0,3}(deal|contract|agreement|tender|order)\b|🔥|🎉|🥳|🍾|🙌|🏆)", RegexOptions.CultureInvariant)]
    private static partial Regex Win();

    // "booked a call with the head of ops!": good news only when said with excitement (the "!" is gone after Normalize).
    [GeneratedRegex(@"\b(got|booked|landed|secured) (the|a|my|our|an) (meeting|call|intro|introduction|signature|po|yes|green light|go-ahead|sign-off)\b|\b(renewed|re-signed|resigned for|agreed to (a|the|our) (pilot|poc|trial|contract|deal|terms|proposal)|said yes|verbal (yes|commit)|thumbs up|want to roll (it )?out|(they're|they are) going with us|(chose|picked) us|went (fine|well|great|really well))\b", RegexOptions.CultureInvariant)]
    private static partial Regex Booked();

    private static bool Excited(string text) => text.TrimEnd().EndsWith('!') || text.Contains("!!", StringComparison.Ordinal);

    [GeneratedRegex(@"\b(thanks|thank you|thx|ty|ta|cheers)\b|👍|🙏", RegexOptions.CultureInvariant)]
    private static partial Regex ThanksWord();

    [GeneratedRegex(@"[\s\p{So}\p{Cs}\uFE0F\u200D]+$")]
    private static partial Regex TrailingEmoji();

    [GeneratedRegex(@"^[\s👍🙏👌✅🙂😊👏]+$")]
    private static partial Regex Acknowledgement();

    // Still coaching material: losses, signing with someone else, a problem after the win, or a question.
    [GeneratedRegex(@"\b(lost|with (a |the )?(competitor|another|someone|them instead|the other)|(?<!^)but|haven't|havent|hasn't|hasnt|won't|wont|never|yet|however|problem|issue|stuck|how (do|can|should)|what (do|should)|now (they|procurement|legal)|closed[- ]lost|closed (the|our|out the) (call|meeting|loop|ticket|session)|(need|needs|want|wants|wanted|to get|getting|hope|hoping|waiting for|waiting on)\b.{0,40}\b(signed|closed|approved)|not|didn't|didnt|almost|nearly|if)\b|\?", RegexOptions.CultureInvariant)]
    private static partial Regex NotAWin();

    [GeneratedRegex(@"\b(christmas party|holiday party|office party|team party|weather|rain|sunny|forecast for (the )?weekend|football|soccer|nba|nfl|baseball|super bowl|world cup|game last night|recipe|lunch|dinner|pizza|movie|movies|netflix|tv show|joke|jokes|capital of|who won|what time is it|horoscope|vacation spot|restaurant|traffic|my cat|my dog|birthday|song|music|poem|translate|stock price|bitcoin|crypto|snowing|snowed in|snowstorm|snow|concur|expenses|happy (monday|tuesday|wednesday|thursday|friday|weekend)|bank holiday|public holiday|is it a holiday|office (open|closed)|office (is|be) (open|closed)|wifi|wi-fi|password|printer|laptop|vpn|outlook (keeps|is|won't|wont|crashed|crashes)|(keeps|kept) crashing|(teams|zoom|outlook) (background|status|notifications?|settings|theme)|(change|blur|set|update) (my )?(background|status|profile (picture|photo|pic)|ringtone|display name)|headset|webcam|microphone|dark mode|it ticket|payroll|payslip|expense report|expense claim|my expenses|parking|vacation days|days off|annual leave|pto|parental leave|maternity leave|paternity leave|sick leave|sick day|leave request)\b", RegexOptions.CultureInvariant)]
    private static partial Regex OffTopic();

    [GeneratedRegex(@"\b(deal|client|customer|buyer|prospect|account|quota|pipeline|forecast(?! for)|demo|proposal|contract|price|pricing|discount|cfo|ceo|procurement|champion|renewal|pilot|crm|sales|lead|leads|meeting with|call with)\b", RegexOptions.CultureInvariant)]
    private static partial Regex SalesWord();

    // Thanks at the end of a short message after an acknowledgement or a last remark ("fair. thanks!", "cool thanks, all good").
    [GeneratedRegex(@"(^|[,.!;]\s*|^(ok|okay|cool|great|fair|perfect|right|nice|good|awesome|got it|makes sense|sounds good)\s+)(thanks|thank you|thx|ty|cheers|all good|all set|appreciate it)( (a lot|so much|very much|again|heaps|man|mate|for (this|that|the help|your help|listening|the questions|asking)))?$", RegexOptions.CultureInvariant)]
    private static partial Regex ThanksTail();

    // "like ok thanks, very helpful": sarcasm about what someone told the rep.
    [GeneratedRegex(@"\b(like,? ok(ay)?,? thanks|thanks for nothing|gee,? thanks|wow,? thanks|cheers for that|(very|so|super) helpful,? not|super helpful (manager|boss))\b", RegexOptions.CultureInvariant)]
    private static partial Regex Sarcasm();

    [GeneratedRegex(@"\b(she|he|my (manager|boss|team lead|director|vp))( \w+)? (told|tells|said|says|keeps telling) me\b", RegexOptions.CultureInvariant)]
    private static partial Regex ToldMe();

    [GeneratedRegex(@"^(nvm|never ?mind|found it|figured it out|sorted( it)?|fixed it|got it working|all sorted|no worries,? (found|sorted|fixed) it)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Settled();

    [GeneratedRegex(@"^(and|also|plus|but|even|of course|again|still|she|he|it's|its|haven't|havent|not even|no one|nobody)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Continuation();
}
