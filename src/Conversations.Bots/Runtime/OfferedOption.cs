namespace Conversations.Bots.Runtime;

/// <summary>An option the customer was last shown, with everything picking it does, so that a choice still
/// means what it meant when offered.</summary>
/// <param name="Id">The option id the client sends back.</param>
/// <param name="Label">Its label, so a customer on a channel without buttons can type it.</param>
/// <param name="Goto">The step it leads to.</param>
/// <param name="Intent">The intent it answers.</param>
/// <param name="Variable">The variable a question's choice writes.</param>
/// <param name="Value">The value it writes.</param>
/// <param name="Action">A built-in action: <c>human</c> or <c>continue</c> (the fallback offer).</param>
public sealed record OfferedOption(string Id, string Label, string? Goto = null, string? Intent = null, string? Variable = null, string? Value = null, string? Action = null);
