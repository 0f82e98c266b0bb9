namespace ChatBot.Benchmarks.Soak;

/// <summary>Where a soak command arrives: the Discord gateway or Slack Socket Mode.</summary>
internal enum SoakPlatform
{
    Discord,
    Slack,
}
