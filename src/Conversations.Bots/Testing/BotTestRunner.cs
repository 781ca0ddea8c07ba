using Conversations.Bots.Nlu;
using Conversations.Bots.Runtime;

namespace Conversations.Bots.Testing;

/// <summary>Runs a botmaster's dialogues through the real interpreter, turn by turn, checking expectations.</summary>
public static class BotTestRunner
{
    public static List<DialogueResult> Run(CompiledAssistant assistant, BotTestFile file) =>
        file.Dialogues.Select((d, i) => Run(assistant, d, i)).ToList();

    private static DialogueResult Run(CompiledAssistant assistant, BotTestDialogue dialogue, int index)
    {
        var name = string.IsNullOrWhiteSpace(dialogue.Name) ? $"dialogue {index + 1}" : dialogue.Name;
        var failures = new List<string>();
        var state = BotState.Initial;
        if (dialogue.Start || dialogue.StartExpect is not null)
        {
            var reply = AssistantInterpreter.Respond(assistant, state, BotInput.Start(dialogue.Locale, dialogue.Context));
            state = reply.State;
            if (dialogue.StartExpect is { } startExpect)
            {
                failures.AddRange(Check(startExpect, reply).Select(f => $"start: {f}"));
            }
        }
        else if (dialogue.Locale is not null)
        {
            state = state with { Language = LanguageAnalyzer.NormalizeLanguage(dialogue.Locale) };
        }

        for (var t = 0; t < dialogue.Turns.Count; t++)
        {
            var turn = dialogue.Turns[t];
            var input = turn.Resume ? BotInput.Resume()
                : turn.Choose is { } choice ? BotInput.Choose(ResolveChoice(state, choice))
                : BotInput.Say(turn.Say ?? string.Empty);
            var reply = AssistantInterpreter.Respond(assistant, state, input with { Context = dialogue.Context });
            state = reply.State;
            var label = turn.Say is not null ? $"turn {t + 1} \"{turn.Say}\"" : $"turn {t + 1}";
            failures.AddRange(Check(turn.Expect, reply).Select(f => $"{label}: {f}"));
        }

        return new DialogueResult(name, failures);
    }

    /// <summary>An option given by id or by its label, as a botmaster would write it.</summary>
    private static string ResolveChoice(BotState state, string choice)
    {
        var folded = TextNormalizer.Fold(choice.Trim());
        return state.Offered.FirstOrDefault(o => o.Id == choice || TextNormalizer.Fold(o.Label) == folded)?.Id ?? choice;
    }

    private static IEnumerable<string> Check(BotExpectation expect, BotReply reply)
    {
        if (expect.Intent is { } intent)
        {
            var got = reply.Match?.IntentId ?? "none";
            if (got != intent)
            {
                var candidates = reply.Match is null ? string.Empty
                    : " (" + string.Join(", ", reply.Match.Candidates.Select(c => $"{c.Label} {c.Score:F2}")) + ")";
                yield return $"expected intent {intent}, got {got}{candidates}";
            }
        }

        if (expect.Reply is { } text)
        {
            var folded = TextNormalizer.Fold(text);
            if (!reply.Messages.Any(m => TextNormalizer.Fold(m.Text).Contains(folded, StringComparison.Ordinal)))
            {
                yield return $"expected a reply containing \"{text}\", got: " +
                    string.Join(" | ", reply.Messages.Select(m => m.Text));
            }
        }

        foreach (var (variable, value) in expect.Variables)
        {
            var actual = reply.State.Variables.GetValueOrDefault(variable);
            if (actual != value)
            {
                yield return $"expected variable {variable} = \"{value}\", got {(actual is null ? "nothing" : $"\"{actual}\"")}";
            }
        }

        if (expect.Transfer is { } transfer && transfer != (reply.Transfer is not null))
        {
            yield return transfer ? "expected a transfer to a human, got none" : $"expected no transfer, got one ({reply.Transfer!.Reason})";
        }

        if (expect.Team is { } team && (reply.Transfer?.TeamId ?? reply.Team) != team)
        {
            yield return $"expected team {team}, got {reply.Transfer?.TeamId ?? reply.Team ?? "none"}";
        }

        if (expect.Tag is { } tag && !reply.Tags.Contains(tag))
        {
            yield return $"expected tag {tag}, got {(reply.Tags.Count == 0 ? "none" : string.Join(", ", reply.Tags))}";
        }

        if (expect.Language is { } language && reply.State.Language != language)
        {
            yield return $"expected language {language}, got {reply.State.Language}";
        }
    }
}
