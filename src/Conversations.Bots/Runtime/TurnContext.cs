using Conversations.Bots.Definition;
using Conversations.Bots.Nlu;

namespace Conversations.Bots.Runtime;

/// <summary>One turn being worked out: the state as it changes and what the turn produces.</summary>
internal sealed class TurnContext
{
    /// <summary>A flow that loops without waiting for the customer stops here instead of hanging the grain.</summary>
    private const int MaxStepsPerTurn = 64;

    /// <summary>A pending question or input gives way to an intent only when the intent is this sure.</summary>
    private const float EscapeConfidence = 0.8f;

    private readonly CompiledAssistant _assistant;
    private readonly BotInput _input;
    private readonly Dictionary<string, string> _variables;
    private readonly Dictionary<string, string> _variablesSet = new(StringComparer.Ordinal);
    private readonly List<BotMessage> _messages = [];
    private readonly List<string> _tags = [];
    private readonly List<string> _notes = [];
    private string _language;
    private string? _awaiting;
    private int _misunderstandings;
    private List<OfferedOption> _offered;
    private bool _handedOff;
    private TransferRequest? _transfer;
    private string? _team;
    private string? _priority;
    private IntentMatch? _match;
    private bool _understood = true;

    public TurnContext(CompiledAssistant assistant, BotState state, BotInput input)
    {
        _assistant = assistant;
        _input = input;
        _variables = new Dictionary<string, string>(state.Variables, StringComparer.Ordinal);
        _language = state.Language ?? LanguageOf(input.Locale) ?? assistant.DefaultLanguage;
        _awaiting = state.AwaitingStep;
        _misunderstandings = state.Misunderstandings;
        _offered = [.. state.Offered];
        _handedOff = state.HandedOff;
    }

    private AssistantDefinition Definition => _assistant.Definition;

    public void Start()
    {
        _awaiting = null;
        _offered = [];
        _handedOff = false;
        Run(Definition.Start);
    }

    public void Resume()
    {
        _awaiting = null;
        _offered = [];
        _handedOff = false;
        _misunderstandings = 0;
        Run(Definition.ResumeAt ?? Definition.Start);
    }

    public void Choose(string optionId)
    {
        var option = _offered.FirstOrDefault(o => o.Id == optionId);
        if (option is null)
        {
            // A stale button (from an older message): read its id as text rather than fail.
            Say(optionId);
            return;
        }

        Apply(option);
    }

    public void Say(string text)
    {
        if (OptionTyped(text) is { } option)
        {
            Apply(option);
            return;
        }

        var match = _assistant.Matcher.Match(text, _language);
        _match = match;
        if (Definition.Languages.Count > 1 && match.Language != _language && (match.IsMatch || TextNormalizer.Tokenize(text).Count >= 3))
        {
            _language = match.Language;
        }

        if (_awaiting is { } awaiting && _assistant.Steps.TryGetValue(awaiting, out var step))
        {
            AnswerPending(step, text, match);
            return;
        }

        if (match.IsMatch)
        {
            _misunderstandings = 0;
            AnswerIntent(_assistant.Intents[match.IntentId!]);
            return;
        }

        Misunderstood(() =>
        {
            var suggestions = match.Suggestions(_assistant.Matcher.Options.SuggestionFloor);
            if (suggestions.Count > 0 && Definition.DidYouMean is { } prompt)
            {
                var options = suggestions.Select(s => _assistant.Intents[s.Label])
                    .Select(i => new OfferedOption($"intent:{i.Id}", i.Title?.Resolve(_language, _assistant.DefaultLanguage) ?? i.Id, Intent: i.Id))
                    .ToList();
                Say(prompt, options);
                return;
            }

            Say(Definition.Fallback.Message ?? new LocalizedText("?"), []);
        });
    }

    /// <summary>The customer wrote while a question or input step waits. A strictly validated answer (email,
    /// phone, number) is the answer; otherwise an intent the matcher is sure of wins over the question, so "I
    /// want to talk to an agent" hands over even in the middle of onboarding, and an FAQ is answered before the
    /// question is asked again. A free-text answer is taken only when no intent claims it.</summary>
    private void AnswerPending(StepDefinition step, string text, IntentMatch match)
    {
        var strict = step.Type == StepTypes.Input && step.Validate is not (null or InputValidation.NotEmpty);
        if (strict && AnswerValidator.Validate(step.Validate, text) is { } validated)
        {
            TakeAnswer(step, validated);
            return;
        }

        if (match.IsMatch && match.Confidence >= EscapeConfidence)
        {
            _awaiting = null;
            _offered = [];
            _misunderstandings = 0;
            AnswerIntent(_assistant.Intents[match.IntentId!]);
            if (_awaiting is null && _transfer is null && _offered.Count == 0)
            {
                AskAgain(step);
            }

            return;
        }

        if (step.Type == StepTypes.Input && !strict && AnswerValidator.Validate(step.Validate, text) is { } free)
        {
            TakeAnswer(step, free);
            return;
        }

        if (step.Type == StepTypes.Question && ChoiceMentioned(text) is { } mentioned)
        {
            Apply(mentioned);
            return;
        }

        Misunderstood(() => Reask(step));
    }

    private void TakeAnswer(StepDefinition step, string value)
    {
        _awaiting = null;
        _misunderstandings = 0;
        SetVariable(step.Variable!, value);
        Run(step.Next);
    }

    /// <summary>After an intent interrupted a question: the question again, in its own words (not the re-ask
    /// text, which says the answer was wrong), with its choices.</summary>
    private void AskAgain(StepDefinition step)
    {
        if (step.Type == StepTypes.Question)
        {
            _offered = ChoicesOf(step);
        }

        _messages.Add(new BotMessage(Render(step.Text), Options: ToOptions(_offered)));
        _awaiting = step.Id;
    }

    /// <summary>A choice named inside a longer answer ("I'd rather use English"): only when exactly one
    /// choice's whole label appears, so an answer naming two choices is asked again.</summary>
    private OfferedOption? ChoiceMentioned(string text)
    {
        var words = $" {string.Join(' ', TextNormalizer.Tokenize(text))} ";
        var named = _offered
            .Where(o => TextNormalizer.Tokenize(o.Label) is { Count: > 0 } label && words.Contains($" {string.Join(' ', label)} ", StringComparison.Ordinal))
            .Take(2)
            .ToList();
        return named.Count == 1 ? named[0] : null;
    }

    public BotReply ToReply() => new(
        new BotState
        {
            Language = _language,
            AwaitingStep = _awaiting,
            Variables = _variables,
            Misunderstandings = _misunderstandings,
            Offered = _offered,
            HandedOff = _handedOff,
        },
        _messages,
        _variablesSet,
        _tags,
        _notes,
        _transfer,
        _team,
        _priority,
        _match,
        _understood);

    private void Misunderstood(Action explain)
    {
        _understood = false;
        _misunderstandings++;
        if (_misunderstandings < Definition.Fallback.Limit)
        {
            explain();
            return;
        }

        _misunderstandings = 0;
        _awaiting = null;
        var fallback = Definition.Fallback;
        if (fallback.Offer is null)
        {
            HumanRequested("fallback");
            return;
        }

        Say(fallback.Offer,
        [
            new OfferedOption("human", Text(fallback.HumanLabel, "OK"), Action: "human"),
            new OfferedOption("continue", Text(fallback.ContinueLabel, "No"), Action: "continue"),
        ]);
    }

    private void HumanRequested(string reason)
    {
        if (Definition.Fallback.HumanStep is { } step)
        {
            Run(step);
            if (_transfer is not null || _awaiting is not null)
            {
                return;
            }
        }

        Transfer(null, null, reason);
    }

    private void Apply(OfferedOption option)
    {
        _offered = [];
        _misunderstandings = 0;
        switch (option.Action)
        {
            case "human":
                HumanRequested("fallback");
                return;
            case "continue":
                Say(Definition.Fallback.Message ?? new LocalizedText("?"), []);
                return;
        }

        if (option.Variable is { } variable)
        {
            var question = _awaiting;
            _awaiting = null;
            SetVariable(variable, option.Value ?? option.Id);
            if (option.Goto is null && question is not null && _assistant.Steps.TryGetValue(question, out var step))
            {
                Run(step.Next);
                return;
            }
        }

        if (option.Intent is { } intent && _assistant.Intents.TryGetValue(intent, out var definition))
        {
            _awaiting = null;
            AnswerIntent(definition);
            return;
        }

        if (option.Goto is { } target)
        {
            _awaiting = null;
            Run(target);
        }
    }

    private OfferedOption? OptionTyped(string text)
    {
        if (_offered.Count == 0)
        {
            return null;
        }

        var typed = string.Join(' ', TextNormalizer.Tokenize(text));
        if (int.TryParse(typed, out var number) && number >= 1 && number <= _offered.Count)
        {
            return _offered[number - 1];
        }

        return _offered.FirstOrDefault(o =>
            string.Join(' ', TextNormalizer.Tokenize(o.Label)) == typed
            || (o.Value is not null && TextNormalizer.Fold(o.Value) == typed)
            || TextNormalizer.Fold(o.Id) == typed);
    }

    private void AnswerIntent(IntentDefinition intent)
    {
        var replies = intent.QuickReplies.Select(ToOffered).ToList();
        if (intent.Answer is { } answer)
        {
            Say(answer, replies);
        }

        if (intent.Article is { } article)
        {
            ShowArticle(article);
        }

        Run(intent.Goto);
    }

    private void Run(string? stepId)
    {
        for (var count = 0; stepId is not null && count < MaxStepsPerTurn; count++)
        {
            if (!_assistant.Steps.TryGetValue(stepId, out var step))
            {
                return;
            }

            stepId = Execute(step);
        }
    }

    /// <summary>Runs one step; the next step to run, or null to wait for the customer.</summary>
    private string? Execute(StepDefinition step)
    {
        switch (step.Type)
        {
            case StepTypes.Message:
                var options = step.QuickReplies.Select(ToOffered).ToList();
                _messages.Add(new BotMessage(Render(step.Text), step.Image, ToOptions(options)));
                _offered = options;
                return step.Next;
            case StepTypes.Question:
                _offered = ChoicesOf(step);
                _messages.Add(new BotMessage(Render(step.Text), step.Image, ToOptions(_offered)));
                _awaiting = step.Id;
                return null;
            case StepTypes.Input:
                _offered = [];
                _messages.Add(new BotMessage(Render(step.Text), step.Image));
                _awaiting = step.Id;
                return null;
            case StepTypes.Branch:
                return step.Cases.FirstOrDefault(c => ConditionEvaluator.Holds(c, Lookup))?.Goto ?? step.Else;
            case StepTypes.Set:
                SetVariable(step.Variable!, Templates.Render(step.Value ?? string.Empty, Lookup));
                return step.Next;
            case StepTypes.Tag:
                AddTag(step.Tag!);
                return step.Next;
            case StepTypes.Note:
                _notes.Add(Render(step.Text));
                return step.Next;
            case StepTypes.Article:
                ShowArticle(step.Article!);
                return step.Next;
            case StepTypes.Transfer:
                if (step.Text is not null)
                {
                    _messages.Add(new BotMessage(Render(step.Text)));
                }

                Transfer(step.Team, step.Agent, $"step:{step.Id}");
                return null;
            default:
                _awaiting = null;
                return null;
        }
    }

    private void Transfer(string? team, string? agent, string reason)
    {
        _transfer = new TransferRequest(team ?? _team, agent, reason);
        _handedOff = true;
        _awaiting = null;
        _offered = [];
    }

    private void ShowArticle(string id)
    {
        if (_assistant.Knowledge.Find(id, _language) is { } article)
        {
            _messages.Add(new BotMessage(article.Title, Article: article));
        }
    }

    private void SetVariable(string name, string value)
    {
        _variables[name] = value;
        _variablesSet[name] = value;
        if (name == Definition.LanguageVariable && LanguageOf(value) is { } language)
        {
            _language = language;
        }

        foreach (var rule in Definition.OnboardingRules)
        {
            if (rule.When.Variable != name || !ConditionEvaluator.Holds(rule.When, Lookup))
            {
                continue;
            }

            _team = rule.AssignTeam ?? _team;
            _priority = rule.Priority ?? _priority;
            if (rule.Tag is { } tag)
            {
                AddTag(tag);
            }

            foreach (var (key, setValue) in rule.Set)
            {
                // Rules set variables directly, without triggering rules again: no cycles.
                _variables[key] = setValue;
                _variablesSet[key] = setValue;
            }
        }
    }

    private void AddTag(string tag)
    {
        if (!_tags.Contains(tag))
        {
            _tags.Add(tag);
        }
    }

    private void Reask(StepDefinition step)
    {
        var text = step.Reask ?? step.Text;
        _messages.Add(new BotMessage(Render(text), Options: step.Type == StepTypes.Question ? ToOptions(_offered) : null));
    }

    private void Say(LocalizedText text, List<OfferedOption> options)
    {
        _messages.Add(new BotMessage(Render(text), Options: ToOptions(options)));
        _offered = options;
    }

    private List<OfferedOption> ChoicesOf(StepDefinition step) =>
        step.Choices.Select(c => ToOffered(c) with { Variable = step.Variable, Value = c.Value ?? c.Id }).ToList();

    private OfferedOption ToOffered(OptionDefinition option) =>
        new(option.Id, Text(option.Label, option.Id), option.Goto, option.Intent, Value: option.Value);

    private static IReadOnlyList<BotOption>? ToOptions(List<OfferedOption> options) =>
        options.Count == 0 ? null : options.Select(o => new BotOption(o.Id, o.Label)).ToList();

    private string Text(LocalizedText? text, string fallback) =>
        text is null ? fallback : Templates.Render(text.Resolve(_language, _assistant.DefaultLanguage), Lookup);

    private string Render(LocalizedText? text) => Text(text, string.Empty);

    private string? Lookup(string name) =>
        _variables.TryGetValue(name, out var value) ? value : _input.Context?.GetValueOrDefault(name);

    private string? LanguageOf(string? locale)
    {
        if (string.IsNullOrWhiteSpace(locale))
        {
            return null;
        }

        var code = LanguageAnalyzer.NormalizeLanguage(locale);
        return Definition.Languages.Contains(code) ? code : null;
    }
}
