using Sitrep.Testing;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Sitrep.Storage.Tests;

/// <summary>Marks a test class whose store is PostgreSQL, so its <see cref="StoreFactAttribute"/> tests need a server.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class NeedsPostgresAttribute : Attribute;

/// <summary>
/// A fact of the store contract: runs for every store class that inherits it, and for a <see cref="NeedsPostgresAttribute"/>
/// class is skipped with the reason when PostgreSQL is missing (unless SITREP_REQUIRE_POSTGRES=1).
/// </summary>
[XunitTestCaseDiscoverer("Sitrep.Storage.Tests.StoreFactDiscoverer", "Sitrep.Storage.Tests")]
public sealed class StoreFactAttribute : FactAttribute;

/// <summary>Finds <see cref="StoreFactAttribute"/> tests, skipping those of PostgreSQL classes when no server can run.</summary>
public sealed class StoreFactDiscoverer(IMessageSink diagnosticMessageSink) : FactDiscoverer(diagnosticMessageSink)
{
    /// <inheritdoc />
    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod,
        IAttributeInfo factAttribute)
    {
        var needsPostgres = testMethod.TestClass.Class.GetCustomAttributes(typeof(NeedsPostgresAttribute)).Any();
        if (needsPostgres && PostgresCluster.MissingReason is { } reason && !PostgresCluster.Required)
            return [new XunitSkippedDataRowTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(),
                discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, reason)];
        return base.Discover(discoveryOptions, testMethod, factAttribute);
    }
}
