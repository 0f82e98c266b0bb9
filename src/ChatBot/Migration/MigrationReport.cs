namespace ChatBot.Migration;

/// <summary>What <c>migrate</c> did: copied (how many papers and other records) or found the copy already there.</summary>
internal sealed record MigrationReport(bool AlreadyMigrated, int Papers, int Alerts, int PendingDeliveries, int Posts, TimeSpan Elapsed);
