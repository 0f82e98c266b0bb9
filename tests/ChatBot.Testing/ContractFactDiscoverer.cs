using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace ChatBot.Testing;

/// <summary>Discovers <see cref="ContractFactAttribute"/> facts: skipped in PostgreSQL classes when PostgreSQL is absent.</summary>
public sealed class ContractFactDiscoverer(IMessageSink diagnosticMessageSink) : FactDiscoverer(diagnosticMessageSink)
{
    protected override IXunitTestCase CreateTestCase(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        ArgumentNullException.ThrowIfNull(discoveryOptions);
        ArgumentNullException.ThrowIfNull(testMethod);
        var inPostgresTests = testMethod.TestClass.Class.GetCustomAttributes(typeof(CollectionAttribute).AssemblyQualifiedName)
            .Any(collection => collection.GetConstructorArguments().FirstOrDefault() as string == PostgresTests.Collection);
        return inPostgresTests && PostgresBinaries.SkipReason is { } reason
            ? new XunitSkippedDataRowTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, reason)
            : base.CreateTestCase(discoveryOptions, testMethod, factAttribute);
    }
}
