using Conversations.Bots.Demo;
using Conversations.Cli;

namespace Conversations.Bots.Tests.Cli;

public sealed class BotCommandsTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("bots-cli-");

    [Fact]
    public void Test_DemoFiles_PrintsPassLinesAndExitsZero()
    {
        var output = new StringWriter();

        var code = BotCommands.Test(Write("demo.yaml", DemoAssistant.Yaml), Write("tests.yaml", DemoAssistant.TestsYaml), output);

        Assert.Equal(0, code);
        Assert.Contains("PASS welcome then onboarding in French", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("0 failed", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Test_FailingDialogue_ExitsOne()
    {
        var output = new StringWriter();
        var tests = Write("tests.yaml", "dialogues:\n  - name: bad\n    turns:\n      - say: hello\n        expect: { transfer: true }\n");

        var code = BotCommands.Test(Write("demo.yaml", DemoAssistant.Yaml), tests, output);

        Assert.Equal(1, code);
        Assert.Contains("FAIL bad", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BrokenFile_PrintsLineAndExitsTwo()
    {
        var output = new StringWriter();

        var code = BotCommands.Validate(Write("broken.yaml", "id: x\nlanguages: [en]\nstart: nowhere\n"), output);

        Assert.Equal(2, code);
        Assert.Contains("broken.yaml: line 3, column 1: start: there is no step 'nowhere'", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_Demo_ExitsZero()
    {
        var output = new StringWriter();

        Assert.Equal(0, BotCommands.Validate(Write("demo.yaml", DemoAssistant.Yaml), output));
        Assert.StartsWith("OK demo.yaml", output.ToString(), StringComparison.Ordinal);
    }

    public void Dispose() => _directory.Delete(recursive: true);

    private FileInfo Write(string name, string content)
    {
        var path = Path.Combine(_directory.FullName, name);
        File.WriteAllText(path, content);
        return new FileInfo(path);
    }
}
