using Conversations.Server.Health;
using Conversations.Server.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.UseDefaultUrls("http://localhost:5080");
builder.AddConversationsServer();

var app = builder.Build();
app.MapHealthProbes();
app.Run();
