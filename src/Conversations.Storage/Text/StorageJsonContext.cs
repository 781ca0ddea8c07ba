using System.Text.Json;
using System.Text.Json.Serialization;
using Conversations.Contracts;

namespace Conversations.Storage.Text;

/// <summary>Source-generated JSON for the columns that hold JSON (attachment, options).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(Attachment))]
[JsonSerializable(typeof(IReadOnlyList<ChoiceOption>))]
internal sealed partial class StorageJsonContext : JsonSerializerContext;
