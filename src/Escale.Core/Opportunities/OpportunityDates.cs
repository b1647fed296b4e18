using System.Globalization;

namespace Escale.Core.Opportunities;

/// <summary>Which date of an offer a <see cref="OpportunityDates.Problem"/> is about.</summary>
public enum OpportunityDateField
{
    StartDate,
    ExpiresOn,
}

/// <summary>
/// When an offer may start and expire: the one rule every writer applies (the partner form, every import), each
/// refusal a French sentence that names the limit, shown beside the field or in the import report.
/// </summary>
public static class OpportunityDates
{
    /// <summary>
    /// How far in the past a start date is still accepted: offers say « poste à pourvoir depuis le 1er », and an offer
    /// edited a few weeks after it was typed keeps its start date. Further back, the date is a mistake or stale.
    /// </summary>
    public const int StartToleranceDays = 30;

    /// <summary>Longest an offer stays online after its publication (the day it is submitted or imported).</summary>
    public const int MaxMonthsOnline = 6;

    public sealed record Problem(OpportunityDateField Field, string Message);

    /// <summary>Every problem with these dates for an offer published on <paramref name="publishedOn"/> (today, for a writer).</summary>
    public static IReadOnlyList<Problem> Check(DateOnly? start, DateOnly? expires, DateOnly publishedOn)
    {
        var problems = new List<Problem>();
        if (expires is { } end)
        {
            var latest = LatestExpiry(publishedOn);
            if (end < publishedOn)
            {
                problems.Add(new(OpportunityDateField.ExpiresOn, $"La date d’expiration ({Day(end)}) est passée : choisissez une date à partir du {Day(publishedOn)}."));
            }
            else if (end > latest)
            {
                problems.Add(new(OpportunityDateField.ExpiresOn,
                    $"Une offre reste en ligne {MaxMonthsOnline} mois au plus après sa publication : choisissez une date d’expiration au plus tard le {Day(latest)}."));
            }
        }
        if (start is { } begin)
        {
            var earliest = EarliestStart(publishedOn);
            if (begin < earliest)
            {
                problems.Add(new(OpportunityDateField.StartDate,
                    $"La date de prise de poste ne peut pas être passée de plus de {StartToleranceDays} jours : choisissez une date à partir du {Day(earliest)}."));
            }
            else if (begin > expires)
            {
                problems.Add(new(OpportunityDateField.StartDate,
                    $"La prise de poste ({Day(begin)}) ne peut pas être après l’expiration de l’offre ({Day(expires.Value)}) : avancez-la ou prolongez l’offre."));
            }
        }
        return problems;
    }

    public static DateOnly LatestExpiry(DateOnly publishedOn) => publishedOn.AddMonths(MaxMonthsOnline);

    public static DateOnly EarliestStart(DateOnly publishedOn) => publishedOn.AddDays(-StartToleranceDays);

    private static string Day(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
