namespace ChatBot.Core.Storage;

/// <summary>
/// The store's figures that cost no scan of the papers: for the paths that run often or on a large store (a search
/// that found nothing, the alert cursor's start), where <see cref="PaperStats"/> would read every paper.
/// </summary>
public sealed record PaperCounters(int Papers, long LastSequence, long LastRevision);
