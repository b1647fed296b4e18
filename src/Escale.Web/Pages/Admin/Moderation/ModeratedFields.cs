using System.Text.Json;
using Escale.Core.Opportunities;
using Escale.Web.Infrastructure.Localization;
using Escale.Web.Pages.Offres;

namespace Escale.Web.Pages.Admin.Moderation;

/// <summary>
/// The fields an editor checks, as French label → value in French words (« CDI », « Temps plein », « 42 000 € brut/an »,
/// « 3 mars 2027 »), in the order a reader expects. Always written in French whatever the page's language: an approved
/// version keeps this text, and the next edit is compared with it word for word.
/// </summary>
public static class ModeratedFields
{
    public sealed record Change(string Field, string? Before, string? After);

    /// <param name="romeLabel">The ROME occupation's name, shown after its code.</param>
    /// <param name="nafLabel">The NAF activity's name, shown after its code.</param>
    public static Dictionary<string, string> Of(Opportunity o, string communeName, string? romeLabel = null, string? nafLabel = null)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add(string label, string? text)
        {
            if (!string.IsNullOrWhiteSpace(text))
            {
                fields[label] = text;
            }
        }
        var job = o.Kind == OpportunityKind.Job;
        Add("Intitulé", o.Title);
        Add("Description", o.Description);
        Add("Employeur", o.EmployerName);
        Add("Commune", communeName);
        Add("Adresse (rue et numéro)", o.StreetAddress);
        Add("Code ROME", WithLabel(o.RomeCode, romeLabel));
        Add("Contrat", o.Contract is { } contract ? OpportunityLabels.Contract(contract) : null);
        Add("Temps de travail", o.WorkingTime is { } time ? OpportunityLabels.WorkingTime(time) : null);
        Add("Salaire minimum", Euros(o.SalaryMin, " brut/an"));
        Add("Salaire maximum", Euros(o.SalaryMax, " brut/an"));
        Add("Télétravail", job ? OpportunityLabels.Remote(o.Remote) : null);
        Add("Date de début", Day(o.StartDate));
        Add("Ouvert aux travailleurs handicapés", job ? YesNo(o.OpenToDisabledWorkers) : null);
        Add("Code NAF", WithLabel(o.NafCode, nafLabel));
        Add("Prix minimum", Euros(o.PriceMin, ""));
        Add("Prix maximum", Euros(o.PriceMax, ""));
        Add("Tranche de chiffre d’affaires", o.TurnoverBand);
        Add("Effectif", o.Staff is { } staff ? string.Format(LocalizationExtensions.French, staff > 1 ? "{0:N0} personnes" : "{0:N0} personne", staff) : null);
        Add("Locaux", o.Premises);
        Add("Motif", o.Reason);
        Add("Échéance", o.Timeline);
        Add("Organisme d’accompagnement", o.Support == SupportOrganisation.None ? null : OpportunityLabels.Support(o.Support));
        Add("Contact du cédant", string.Join(" · ", new[] { o.SellerName, o.SellerEmail, o.SellerPhone }.Where(s => !string.IsNullOrWhiteSpace(s))));
        Add("Accompagnement proposé", o.SupportOffered);
        Add("Candidater (lien)", o.ApplyUrl);
        Add("Candidater (e-mail)", o.ApplyEmail);
        Add("Candidater (consignes)", o.HowToApply);
        Add("Expire le", Day(o.ExpiresOn));
        return fields;
    }

    /// <summary>Every field whose text differs between the approved version and now, in the current order.</summary>
    public static IReadOnlyList<Change> Compare(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after) =>
        [.. after.Keys.Concat(before.Keys.Where(k => !after.ContainsKey(k))).Distinct(StringComparer.Ordinal)
            .Where(k => !string.Equals(before.GetValueOrDefault(k), after.GetValueOrDefault(k), StringComparison.Ordinal))
            .Select(k => new Change(k, before.GetValueOrDefault(k), after.GetValueOrDefault(k)))];

    public static string ToJson(Dictionary<string, string> fields) => JsonSerializer.Serialize(fields);

    private static string? Euros(int? amount, string suffix) => amount is { } value ? string.Format(LocalizationExtensions.French, "{0:N0} €{1}", value, suffix) : null;

    private static string? Day(DateOnly? date) => date?.ToString("d MMMM yyyy", LocalizationExtensions.French);

    private static string YesNo(bool value) => value ? "oui" : "non";

    private static string? WithLabel(string? code, string? label) =>
        code is null ? null : string.IsNullOrWhiteSpace(label) ? code : $"{code} — {label}";
}
