using Xunit;
using Xunit.Sdk;

namespace ChatBot.Testing;

/// <summary>
/// A fact of a storage contract: one method in an abstract contract class, run once per provider's derived class.
/// In a class of the <see cref="PostgresTests.Collection"/> collection it is skipped like a <see cref="PostgresFactAttribute"/>
/// when PostgreSQL is absent; the LiteDB classes always run it. (An attribute cannot know the derived class, so the
/// discoverer decides, per class.)
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
[XunitTestCaseDiscoverer("ChatBot.Testing.ContractFactDiscoverer", "ChatBot.Testing")]
public sealed class ContractFactAttribute : FactAttribute;
