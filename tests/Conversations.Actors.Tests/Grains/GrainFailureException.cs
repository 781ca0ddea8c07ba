namespace Conversations.Actors.Tests.Grains;

/// <summary>An exception with data of its own, to check it reaches the caller unchanged.</summary>
public sealed class GrainFailureException(string message, int code) : Exception(message)
{
    public int Code { get; } = code;
}
