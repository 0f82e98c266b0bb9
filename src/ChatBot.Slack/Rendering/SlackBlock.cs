using System.Text.Json.Serialization;

namespace ChatBot.Slack.Rendering;

/// <summary>A Block Kit layout block; serialized with its <c>type</c> (SlackNet's <c>Block</c>).</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(HeaderBlock), "header")]
[JsonDerivedType(typeof(SectionBlock), "section")]
[JsonDerivedType(typeof(ContextBlock), "context")]
[JsonDerivedType(typeof(ActionsBlock), "actions")]
[JsonDerivedType(typeof(DividerBlock), "divider")]
internal abstract record SlackBlock;
