namespace Conversations.Actors.Tests.Grains;

/// <summary>Not implemented by any grain: only its validation is tested.</summary>
public interface IInvalidGrain : IGrainWithStringKey
{
    int NotATask();
}
