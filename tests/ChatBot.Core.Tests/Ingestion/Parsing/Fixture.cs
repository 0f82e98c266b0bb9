namespace ChatBot.Core.Tests.Ingestion.Parsing;

/// <summary>Reads the hand-made documents under Fixtures/, copied beside the test binaries.</summary>
internal static class Fixture
{
    public static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));
}
