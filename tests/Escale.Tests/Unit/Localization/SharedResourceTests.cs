using System.Collections;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Escale.Tests.Infrastructure;
using Escale.Web.Pages.Accueil;
using Escale.Web.Pages.Intercommunalites;
using Escale.Web.Pages.Recits;

namespace Escale.Tests.Unit.Localization;

public sealed partial class SharedResourceTests
{
    private static string WebProject => Path.Combine(RepoPaths.Root, "src", "Escale.Web");

    private static HashSet<string> EnglishKeys() =>
        XDocument.Load(Path.Combine(WebProject, "Resources", "SharedResource.en.resx"))
            .Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet(StringComparer.Ordinal);

    [Fact]
    public void EveryFrenchTextInThePages_HasAnEnglishTranslation()
    {
        var keys = Directory.EnumerateFiles(Path.Combine(WebProject, "Pages"), "*.cs*", SearchOption.AllDirectories)
            .SelectMany(file => LocalizerKey().Matches(File.ReadAllText(file)).Select(m => (File: Path.GetFileName(file), Key: m.Groups[1].Value)))
            .ToList();

        var english = EnglishKeys();
        var missing = keys.Where(k => !english.Contains(k.Key)).Select(k => $"{k.File}: {k.Key}").Distinct().ToList();

        Assert.NotEmpty(keys);
        Assert.Empty(missing);
    }

    [Fact]
    public void EnglishKeys_AreUniqueIgnoringCase()
    {
        // The resource compiler keeps one of two names that differ only by case, and silently drops the other.
        var names = XDocument.Load(Path.Combine(WebProject, "Resources", "SharedResource.en.resx"))
            .Root!.Elements("data").Select(d => (string)d.Attribute("name")!);

        Assert.Empty(names.GroupBy(n => n, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key));
    }

    [Theory]
    [InlineData("CC")]
    [InlineData("CA")]
    [InlineData("CU")]
    [InlineData("METRO")]
    public void EveryIntercommunalityNature_HasAnEnglishTranslation(string nature) =>
        Assert.Contains(NatureLabels.For(nature), EnglishKeys());

    [Fact]
    public void EveryContentTypeStatusAndTheme_HasAnEnglishTranslation()
    {
        var labels = Enum.GetValues<Escale.Core.Content.ContentType>().Select(ContentLabels.Of)
            .Concat(Enum.GetValues<Escale.Core.Content.ContentStatus>().Select(ContentLabels.Of))
            .Concat(Enum.GetValues<Escale.Core.Content.ContentTheme>().Select(ContentLabels.Of));

        Assert.All(labels, label => Assert.Contains(label, EnglishKeys()));
    }

    [Fact]
    public void EveryOpenDataExportText_HasAnEnglishTranslation()
    {
        var texts = Escale.Web.Pages.DonneesOuvertes.IndexModel.Exports
            .SelectMany(e => new[] { e.Title, e.Content, e.Licence, e.Frequency });

        Assert.All(texts, text => Assert.Contains(text, EnglishKeys()));
    }

    [Fact]
    public void EveryWelcomeLabel_HasAnEnglishTranslation()
    {
        // Reflection, so that a label added to WelcomeLabels later is checked without touching this test: every
        // (value, label) list, and every label method called with each value of its enumeration.
        var members = typeof(WelcomeLabels).GetMembers(BindingFlags.Public | BindingFlags.Static);
        var listed = members.OfType<FieldInfo>()
            .SelectMany(field => ((IEnumerable)field.GetValue(null)!).Cast<ITuple>().Select(entry => (Member: field.Name, Label: (string)entry[1]!)));
        var computed = members.OfType<MethodInfo>()
            .Where(method => method.GetParameters() is [{ ParameterType.IsEnum: true }])
            .SelectMany(method => Enum.GetValues(method.GetParameters()[0].ParameterType).Cast<object>()
                .SelectMany(value => method.Invoke(null, [value]) switch
                {
                    string label => new[] { label },
                    IEnumerable<string> labels => labels,
                    var other => throw new InvalidOperationException($"{method.Name} returns {other?.GetType().Name}"),
                })
                .Select(label => (Member: method.Name, Label: label)))
            .ToList();

        var english = EnglishKeys();
        var labels = listed.Concat(computed).ToList();

        Assert.Contains(labels, l => l.Member == nameof(WelcomeLabels.Stage));
        Assert.Contains(labels, l => l.Member == nameof(WelcomeLabels.SharedFieldChoices));
        Assert.Empty(labels.Where(l => !english.Contains(l.Label)).Select(l => $"{l.Member}: {l.Label}").Distinct());
    }

    [Fact]
    public void EveryValidationMessage_HasAnEnglishTranslation()
    {
        // Data annotations' messages go through the shared resource: a message without English stays French in English.
        var messages = typeof(WelcomeLabels).Assembly.GetTypes()
            .SelectMany(type => type.GetProperties(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .SelectMany(property => property.GetCustomAttributes<System.ComponentModel.DataAnnotations.ValidationAttribute>()
                .Where(attribute => attribute.ErrorMessage is not null)
                .Select(attribute => (Property: $"{property.DeclaringType!.Name}.{property.Name}", Message: attribute.ErrorMessage!)))
            .ToList();

        var english = EnglishKeys();
        var missing = messages.Where(m => !english.Contains(m.Message)).Select(m => $"{m.Property}: {m.Message}").ToList();

        Assert.NotEmpty(messages);
        Assert.Empty(missing);
    }

    [Fact]
    public void EveryDefaultValidationMessage_HasAnEnglishTranslation()
    {
        // The messages of attributes without one, and of model binding: French texts looked up in the shared resource.
        var folder = Path.Combine(WebProject, "Infrastructure", "RazorPages");
        var source = File.ReadAllText(Path.Combine(folder, "ValidationMessages.cs")) + File.ReadAllText(Path.Combine(folder, "CheckboxModelBinder.cs"));
        var messages = DefaultMessage().Matches(source).Select(m => m.Groups[1].Value).Distinct().ToList();

        Assert.True(messages.Count >= 10, string.Join('\n', messages));
        Assert.Empty(messages.Except(EnglishKeys()));
    }

    [GeneratedRegex("""(?:=> |localizer\[)"([^"]+)"[,\]]?""")]
    private static partial Regex DefaultMessage();

    // T["…"] in views, t["…"] in page models; keys never contain a double quote.
    [Fact]
    public void EveryCountInThePages_HasBothFormsInEnglish()
    {
        var english = EnglishKeys();
        var forms = Directory.EnumerateFiles(Path.Combine(WebProject, "Pages"), "*.cs*", SearchOption.AllDirectories)
            .SelectMany(file => CountForms().Matches(File.ReadAllText(file)).SelectMany(m => new[] { m.Groups[1].Value, m.Groups[2].Value }))
            .ToList();

        Assert.NotEmpty(forms);
        Assert.Equal([], forms.Where(form => !english.Contains(form)).ToList());
    }

    [GeneratedRegex("""\b[Tt]\["([^"]+)"[,\]]""")]
    private static partial Regex LocalizerKey();

    [GeneratedRegex("\\bT\\.Count\\([^,]+,\\s*\"([^\"]+)\",\\s*\"([^\"]+)\"")]
    private static partial Regex CountForms();
}
