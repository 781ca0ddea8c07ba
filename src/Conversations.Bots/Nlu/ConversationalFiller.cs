namespace Conversations.Bots.Nlu;

/// <summary>What Snowball's stop lists lack for chat: politeness and "I would like to know" filler that says
/// nothing about the intent, and the SMS abbreviations customers really type. Words are already folded.</summary>
internal static class ConversationalFiller
{
    private static readonly string[] French =
    [
        "bonjour", "bonsoir", "salut", "coucou", "hello", "merci", "svp", "stp", "plait", "please", "madame", "monsieur",
        "voudrais", "voudrait", "voudrions", "vouloir", "veux", "veut", "voulez", "aimerais", "aimerait", "souhaite", "souhaiterais",
        "souhaitons", "savoir", "dire", "peux", "pouvez", "pourriez", "pourrais", "peut", "puis", "possible", "comment", "quoi",
        "quel", "quelle", "quels", "quelles", "alors", "donc", "bien", "ok", "okay", "question", "demande", "renseignement",
        "svp", "aide", "aider", "besoin", "faut", "faire", "fait", "cela", "ca", "ceci", "est", "ce", "voila", "juste", "aussi",
        "oui", "non", "euh", "bah", "ben", "hein", "svpl", "actuellement", "exactement", "vraiment", "tout", "tous", "toute",
        "chose", "truc", "trucs", "etre", "avoir", "dites", "dis", "sais", "sait", "merci", "beaucoup", "avance", "cordialement", "desole",
    ];

    private static readonly string[] English =
    [
        "please", "pls", "plz", "hi", "hello", "hey", "thanks", "thank", "thx", "wondering", "wonder", "just", "kindly",
        "ok", "okay", "guys", "want", "wanna", "like", "need", "know", "tell", "would", "could", "can", "get", "got",
        "im", "ive", "id", "question", "help", "also", "really", "actually", "anyone", "somebody", "someone", "something",
        "maybe", "possible", "way", "sure", "yes", "yeah", "dear", "sir", "madam", "um", "uh", "well", "much", "many",
        "still", "regards", "advance", "sorry", "please", "lot", "lots", "thing", "things", "let", "us", "one", "ll",
    ];

    private static readonly Dictionary<string, string[]> FrenchAbbreviations = new(StringComparer.Ordinal)
    {
        ["slt"] = ["salut"], ["bjr"] = ["bonjour"], ["cc"] = ["coucou"], ["pk"] = ["pourquoi"], ["pq"] = ["pourquoi"],
        ["pcq"] = ["parce", "que"], ["qd"] = ["quand"], ["cmd"] = ["commande"], ["cde"] = ["commande"], ["cmde"] = ["commande"],
        ["tel"] = ["telephone"], ["mdp"] = ["mot", "de", "passe"], ["bcp"] = ["beaucoup"], ["tjrs"] = ["toujours"],
        ["tjs"] = ["toujours"], ["ds"] = ["dans"], ["vs"] = ["vous"], ["ns"] = ["nous"], ["ke"] = ["que"], ["ki"] = ["qui"],
        ["koi"] = ["quoi"], ["kel"] = ["quel"], ["kelle"] = ["quelle"], ["pr"] = ["pour"], ["pt"] = ["peut"], ["msg"] = ["message"],
        ["dispo"] = ["disponible"], ["jveux"] = ["je", "veux"], ["jvoudrais"] = ["je", "voudrais"], ["chui"] = ["je", "suis"],
        ["jsuis"] = ["je", "suis"], ["jai"] = ["j", "ai"], ["g"] = ["j", "ai"], ["ya"] = ["il", "y", "a"], ["jpeux"] = ["je", "peux"],
        ["mn"] = ["mon"], ["ma"] = ["ma"], ["ct"] = ["c", "etait"], ["jsp"] = ["je", "ne", "sais", "pas"], ["rdv"] = ["rendez", "vous"],
        ["asap"] = ["vite"], ["infos"] = ["information"], ["info"] = ["information"], ["pb"] = ["probleme"], ["pbm"] = ["probleme"],
        ["rembourse"] = ["rembourser"], ["liv"] = ["livraison"], ["qqn"] = ["quelqu", "un"], ["qqch"] = ["quelque", "chose"],
        ["bsr"] = ["bonsoir"], ["mrc"] = ["merci"], ["dac"] = ["d", "accord"], ["ok"] = ["ok"], ["tt"] = ["tout"], ["mtn"] = ["maintenant"],
    };

    private static readonly Dictionary<string, string[]> EnglishAbbreviations = new(StringComparer.Ordinal)
    {
        ["u"] = ["you"], ["ur"] = ["your"], ["r"] = ["are"], ["y"] = ["why"], ["b4"] = ["before"], ["cuz"] = ["because"],
        ["coz"] = ["because"], ["bc"] = ["because"], ["gonna"] = ["going", "to"], ["acct"] = ["account"], ["pwd"] = ["password"],
        ["pw"] = ["password"], ["info"] = ["information"], ["pkg"] = ["package"], ["msg"] = ["message"], ["whats"] = ["what", "is"],
        ["dont"] = ["do", "not"], ["cant"] = ["can", "not"], ["cannot"] = ["can", "not"], ["wont"] = ["will", "not"],
        ["doesnt"] = ["does", "not"], ["didnt"] = ["did", "not"], ["isnt"] = ["is", "not"], ["havent"] = ["have", "not"],
        ["hasnt"] = ["has", "not"], ["wasnt"] = ["was", "not"], ["arent"] = ["are", "not"], ["hows"] = ["how", "is"],
        ["wheres"] = ["where", "is"], ["thats"] = ["that", "is"], ["theres"] = ["there", "is"], ["tmrw"] = ["tomorrow"],
        ["asap"] = ["soon"], ["addr"] = ["address"], ["qty"] = ["quantity"], ["pic"] = ["picture"], ["ty"] = ["thanks"],
        ["tnx"] = ["thanks"], ["abt"] = ["about"], ["wat"] = ["what"], ["wut"] = ["what"], ["hw"] = ["how"], ["n"] = ["and"],
        ["w"] = ["with"], ["wo"] = ["without"], ["rn"] = ["now"], ["idk"] = ["i", "do", "not", "know"], ["pls"] = ["please"],
    };

    public static IEnumerable<string> For(string language) => language switch
    {
        "fr" => French,
        "en" => English,
        _ => [],
    };

    public static Dictionary<string, string[]> Abbreviations(string language) => language switch
    {
        "fr" => FrenchAbbreviations,
        "en" => EnglishAbbreviations,
        _ => new Dictionary<string, string[]>(StringComparer.Ordinal),
    };
}
