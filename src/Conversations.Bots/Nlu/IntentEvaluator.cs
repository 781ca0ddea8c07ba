using System.Diagnostics;

namespace Conversations.Bots.Nlu;

/// <summary>Runs an <see cref="EvaluationSet"/> through a matcher.</summary>
public static class IntentEvaluator
{
    public static EvaluationReport Evaluate(IntentMatcher matcher, EvaluationSet set, int timingRounds = 5)
    {
        var samples = set.Intents
            .SelectMany(i => i.Value.SelectMany(l => l.Value.Select(text => (Text: text, Language: l.Key, Expected: (string?)i.Key))))
            .Concat(set.OutOfScope.SelectMany(l => l.Value.Select(text => (Text: text, Language: l.Key, Expected: (string?)null))))
            .ToList();
        var failures = new List<string>();
        int inScope = 0, correct = 0, outOfScope = 0, rejected = 0;
        foreach (var (text, language, expected) in samples)
        {
            // No language hint: the matcher must find the language on its own, as for a first message.
            var match = matcher.Match(text);
            if (expected is null)
            {
                outOfScope++;
                if (!match.IsMatch)
                {
                    rejected++;
                }
                else
                {
                    failures.Add($"OOS [{language}] '{text}' -> {match.IntentId} {match.Confidence:F2}");
                }

                continue;
            }

            inScope++;
            if (match.IntentId == expected)
            {
                correct++;
            }
            else
            {
                var top = string.Join(", ", match.Candidates.Select(c => $"{c.Label} {c.Score:F2}"));
                failures.Add($"MISS [{language}] '{text}' expected {expected} got {match.IntentId ?? "-"} ({top})");
            }
        }

        var stopwatch = Stopwatch.StartNew();
        for (var round = 0; round < timingRounds; round++)
        {
            foreach (var sample in samples)
            {
                matcher.Match(sample.Text);
            }
        }

        var micros = samples.Count == 0 ? 0 : stopwatch.Elapsed.TotalMicroseconds / (timingRounds * samples.Count);
        return new EvaluationReport(
            inScope == 0 ? 0 : (double)correct / inScope,
            outOfScope == 0 ? 0 : (double)rejected / outOfScope,
            set.Intents.Count,
            samples.Count,
            micros,
            failures);
    }
}
