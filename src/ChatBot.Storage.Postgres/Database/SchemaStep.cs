namespace ChatBot.Storage.Postgres.Database;

/// <summary>One migration: the SQL that takes the schema from <c>Version - 1</c> to <see cref="Version"/>, run in one transaction.</summary>
internal sealed record SchemaStep(int Version, string Description, string Sql);
