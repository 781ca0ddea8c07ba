using System.CommandLine;

using Conversations.Cli;

var root = new RootCommand("Conversations command line: assistants as files.");
root.Subcommands.Add(BotCommands.Create(Console.Out));
return root.Parse(args).Invoke();
