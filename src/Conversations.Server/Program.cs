using Conversations.Server.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.UseDefaultUrls("http://localhost:5080");
builder.AddConversationsServer();

var app = builder.Build();
app.MapConversationsServer();
app.Run();

/// <summary>The entry point, public so tests can host the server with WebApplicationFactory.</summary>
public partial class Program;
