using System.Reflection;
using Xunit.Sdk;

namespace Escale.Tests.Infrastructure;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Runs a persistence test once per database provider; PostgreSQL is always part of the test command.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class EveryDatabaseAttribute : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) =>
        [[DatabaseProvider.Sqlite], [DatabaseProvider.Postgres]];
}
