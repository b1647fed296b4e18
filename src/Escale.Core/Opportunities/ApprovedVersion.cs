using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Escale.Core.Opportunities;

/// <summary>
/// What an opportunity said when an editor last approved it, so that the moderation queue can show what a partner
/// changed since. One row per opportunity, replaced at each approval.
/// </summary>
public sealed class ApprovedVersion
{
    public int OpportunityId { get; set; }
    /// <summary><see cref="ModeratedFields.Of"/> as JSON: field label → shown value.</summary>
    public required string FieldsJson { get; set; }
    public DateTimeOffset ApprovedAt { get; set; }

    public IReadOnlyDictionary<string, string> Fields =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(FieldsJson) ?? [];
}

internal sealed class ApprovedVersionConfiguration : IEntityTypeConfiguration<ApprovedVersion>
{
    public void Configure(EntityTypeBuilder<ApprovedVersion> version)
    {
        version.HasKey(v => v.OpportunityId);
        version.HasOne<Opportunity>().WithOne().HasForeignKey<ApprovedVersion>(v => v.OpportunityId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>The fields an editor checks, as French label → text, in the order a reader expects.</summary>
public static class ModeratedFields
{
    public sealed record Change(string Field, string? Before, string? After);

    public static Dictionary<string, string> Of(Opportunity o, string communeName)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add(string label, object? value)
        {
            var text = value switch
            {
                null => null,
                bool b => b ? "oui" : "non",
                DateOnly d => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                _ => value.ToString(),
            };
            if (!string.IsNullOrWhiteSpace(text))
            {
                fields[label] = text;
            }
        }
        Add("Intitulé", o.Title);
        Add("Description", o.Description);
        Add("Employeur", o.EmployerName);
        Add("Commune", communeName);
        Add("Code ROME", o.RomeCode);
        Add("Contrat", o.Contract);
        Add("Temps de travail", o.WorkingTime);
        Add("Salaire minimum", o.SalaryMin);
        Add("Salaire maximum", o.SalaryMax);
        Add("Télétravail", o.Kind == OpportunityKind.Job ? o.Remote : null);
        Add("Date de début", o.StartDate);
        Add("Ouvert aux travailleurs handicapés", o.Kind == OpportunityKind.Job ? o.OpenToDisabledWorkers : null);
        Add("Code NAF", o.NafCode);
        Add("Prix minimum", o.PriceMin);
        Add("Prix maximum", o.PriceMax);
        Add("Tranche de chiffre d’affaires", o.TurnoverBand);
        Add("Effectif", o.Staff);
        Add("Locaux", o.Premises);
        Add("Motif", o.Reason);
        Add("Échéance", o.Timeline);
        Add("Organisme d’accompagnement", o.Support == SupportOrganisation.None ? null : o.Support);
        Add("Contact du cédant", string.Join(" · ", new[] { o.SellerName, o.SellerEmail, o.SellerPhone }.Where(s => !string.IsNullOrWhiteSpace(s))));
        Add("Accompagnement proposé", o.SupportOffered);
        Add("Candidater (lien)", o.ApplyUrl);
        Add("Candidater (e-mail)", o.ApplyEmail);
        Add("Candidater (consignes)", o.HowToApply);
        Add("Expire le", o.ExpiresOn);
        return fields;
    }

    /// <summary>Every field whose text differs between the approved version and now, in the current order.</summary>
    public static IReadOnlyList<Change> Compare(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after) =>
        [.. after.Keys.Concat(before.Keys.Where(k => !after.ContainsKey(k))).Distinct(StringComparer.Ordinal)
            .Where(k => !string.Equals(before.GetValueOrDefault(k), after.GetValueOrDefault(k), StringComparison.Ordinal))
            .Select(k => new Change(k, before.GetValueOrDefault(k), after.GetValueOrDefault(k)))];

    public static string ToJson(Dictionary<string, string> fields) => JsonSerializer.Serialize(fields);
}
