namespace Conversations.Contracts;

/// <summary>A refused command: the caller asked for something the domain does not allow. The edge maps
/// <see cref="Code"/> to a hub error or a problem-details type; the message names what was wrong.</summary>
[GenerateSerializer]
[Alias("Conversations.DomainException")]
public sealed class DomainException(string code, string message) : Exception(message)
{
    /// <summary>A stable machine code from <see cref="DomainErrors"/>, e.g. "agent_not_licensed".</summary>
    [Id(0)]
    public string Code { get; } = code;
}
