using System.Net.Http.Json;
using System.Text.Json;
using Escale.Tests.Infrastructure;

namespace Escale.Tests.Integration.Api;

/// <summary>The OpenAPI document as a client generator reads it: every answer has a schema, every error is a problem.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class OpenApiTests(AppFixture apps)
{
    [Fact]
    public async Task EveryOperation_DocumentsItsSuccessAndItsErrorsWithSchemas_ErrorsAsProblemDetails()
    {
        var document = await DocumentAsync();
        var operations = Operations(document).ToList();
        var failures = new List<string>();

        foreach (var (name, operation) in operations)
        {
            var responses = operation.GetProperty("responses").EnumerateObject().ToList();
            if (!responses.Any(r => r.Name.StartsWith('2') && SchemasOf(r.Value).Any()))
            {
                failures.Add($"{name}: no 2xx response with a schema");
            }
            var errors = responses.Where(r => r.Name[0] is '4' or '5').ToList();
            if (errors.Count == 0)
            {
                failures.Add($"{name}: no error response");
            }
            foreach (var error in errors)
            {
                var problem = error.Value.TryGetProperty("content", out var content) && content.TryGetProperty("application/problem+json", out var media)
                    ? media.GetProperty("schema").GetProperty("$ref").GetString()
                    : null;
                if (problem is null || !problem.EndsWith("ProblemDetails", StringComparison.Ordinal))
                {
                    failures.Add($"{name}: {error.Name} is not application/problem+json with a ProblemDetails schema");
                }
            }
            // An operation that reads a parameter says how it refuses a wrong one.
            if (operation.TryGetProperty("parameters", out var parameters) && parameters.GetArrayLength() > 0 && !errors.Any(e => e.Name[0] == '4'))
            {
                failures.Add($"{name}: takes parameters but documents no 4xx");
            }
        }

        Assert.Contains(operations, o => o.Name == "GET /api/v1/communes");
        Assert.Contains(operations, o => o.Name == "GET /api/v1/communes/{code}/carte");
        Assert.Contains(operations, o => o.Name == "GET /api/v1/territoire/carte");
        Assert.Contains(operations, o => o.Name == "GET /api/v1/recherche");
        Assert.Empty(failures);
    }

    [Fact]
    public async Task Communes_DocumentTheirItems_AndMapsTheirGeoJson()
    {
        var document = await DocumentAsync();
        var paths = document.GetProperty("paths");
        var schemas = document.GetProperty("components").GetProperty("schemas");

        var communes = paths.GetProperty("/api/v1/communes").GetProperty("get").GetProperty("responses").GetProperty("200");
        var page = schemas.GetProperty(SchemaName(communes.GetProperty("content").GetProperty("application/json").GetProperty("schema")));
        var map = paths.GetProperty("/api/v1/intercommunalites/{siren}/carte").GetProperty("get").GetProperty("responses").GetProperty("200");

        Assert.Equal("integer", page.GetProperty("properties").GetProperty("total").GetProperty("type").GetString());
        Assert.Equal("array", page.GetProperty("properties").GetProperty("items").GetProperty("type").GetString());
        Assert.True(map.GetProperty("content").TryGetProperty("application/geo+json", out _));
    }

    [Fact]
    public async Task Integers_AreTypedAsIntegers_NotAlsoAsStrings()
    {
        var document = await DocumentAsync();
        var mixed = new List<string>();
        var integers = 0;

        void Walk(JsonElement element, string path)
        {
            if (element.ValueKind == JsonValueKind.Object)
            {
                if (element.TryGetProperty("type", out var type))
                {
                    var types = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()).ToList()
                        : type.ValueKind == JsonValueKind.String ? [type.GetString()] : [];
                    if (types.Contains("integer") || types.Contains("number"))
                    {
                        integers++;
                        if (types.Contains("string") || element.TryGetProperty("pattern", out _))
                        {
                            mixed.Add(path);
                        }
                    }
                }
                foreach (var property in element.EnumerateObject())
                {
                    Walk(property.Value, path + "/" + property.Name);
                }
            }
            else if (element.ValueKind == JsonValueKind.Array)
            {
                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item, path + "/" + i++);
                }
            }
        }
        Walk(document, "");

        Assert.True(integers > 10, "the document should type many numbers");
        Assert.Empty(mixed);
    }

    private async Task<JsonElement> DocumentAsync()
    {
        var client = await apps.ClientAsync(DatabaseProvider.Sqlite);
        return await client.GetFromJsonAsync<JsonElement>(new Uri("/openapi/v1.json", UriKind.Relative));
    }

    private static IEnumerable<(string Name, JsonElement Operation)> Operations(JsonElement document) =>
        document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(method => ($"{method.Name.ToUpperInvariant()} {path.Name}", method.Value)));

    private static IEnumerable<JsonElement> SchemasOf(JsonElement response) =>
        response.TryGetProperty("content", out var content)
            ? content.EnumerateObject().Where(m => m.Value.TryGetProperty("schema", out _)).Select(m => m.Value.GetProperty("schema"))
            : [];

    private static string SchemaName(JsonElement reference) => reference.GetProperty("$ref").GetString()!.Split('/')[^1];
}
