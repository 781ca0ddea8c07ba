namespace Conversations.Storage.Tests.Support;

/// <summary>Marks a suite class that runs against PostgreSQL.</summary>
public interface IPostgresSuite;
