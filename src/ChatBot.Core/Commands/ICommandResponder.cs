namespace ChatBot.Core.Commands;

/// <summary>
/// How an adapter answers one command on its platform, the way Discord.Net's <c>RespondAsync</c>/<c>DeferAsync</c>/<c>FollowupAsync</c>
/// and SlackNet's respond delegate do. <see cref="CommandInvoker"/> calls either <see cref="ReplyAsync"/> once, or
/// <see cref="DeferAsync"/> and then <see cref="FollowUpAsync"/>. A failure is thrown; the invoker logs it.
/// </summary>
public interface ICommandResponder
{
    /// <summary>The reply, ready within the platform's budget: the platform's first and only answer.</summary>
    Task ReplyAsync(Reply reply, CancellationToken cancellationToken);

    /// <summary>
    /// The budget is spent: acknowledge now and answer later. <paramref name="visibility"/> is who the reply is
    /// known to be for before it exists (help, alerts and admin settings are private).
    /// </summary>
    Task DeferAsync(ReplyVisibility visibility, CancellationToken cancellationToken);

    /// <summary>The reply to a command answered with <see cref="DeferAsync"/>.</summary>
    Task FollowUpAsync(Reply reply, CancellationToken cancellationToken);
}
