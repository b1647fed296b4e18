using Escale.Core.Data;
using Escale.Core.WelcomeNetworks;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.ReseauAccueil;

/// <summary>
/// The public directory of the welcome network: its structures by intercommunality, filtered by intercommunality,
/// commune and kind in the query string (a form sent by GET), each with its contacts and the members shown in it.
/// </summary>
public sealed class IndexModel(EscaleDbContext db, WelcomeNetworkDirectory directory, TimeProvider clock) : PageModel
{
    public sealed record Option(string Value, string Label);

    [FromQuery(Name = "intercommunalite")]
    public string? Intercommunality { get; set; }

    [FromQuery(Name = "commune")]
    public string? Commune { get; set; }

    [FromQuery(Name = "type")]
    public string? Kind { get; set; }

    public IReadOnlyList<Option> Intercommunalities { get; private set; } = [];
    public IReadOnlyList<Option> Communes { get; private set; } = [];
    public IReadOnlyList<DirectoryStructure> Structures { get; private set; } = [];
    public IReadOnlyList<DirectoryEvent> Events { get; private set; } = [];
    public bool Filtered { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Intercommunalities = await db.Intercommunalities.AsNoTracking().OrderBy(e => e.Name)
            .Select(e => new Option(e.Slug, e.Name)).ToListAsync(cancellationToken);
        var epci = string.IsNullOrEmpty(Intercommunality) ? null
            : await db.Intercommunalities.Where(e => e.Slug == Intercommunality).Select(e => new { e.Id }).FirstOrDefaultAsync(cancellationToken);
        if (epci is null)
        {
            Intercommunality = null;
        }
        else
        {
            Communes = await db.Communes.AsNoTracking().Where(c => c.IntercommunalityId == epci.Id).OrderBy(c => c.Name)
                .Select(c => new Option(c.InseeCode, c.Name)).ToListAsync(cancellationToken);
        }
        var commune = string.IsNullOrEmpty(Commune) ? null
            : await db.Communes.Where(c => c.InseeCode == Commune && (epci == null || c.IntercommunalityId == epci.Id))
                .Select(c => new { c.Id }).FirstOrDefaultAsync(cancellationToken);
        if (commune is null)
        {
            Commune = null;
        }
        WelcomeStructureKind? kind = Enum.TryParse<WelcomeStructureKind>(Kind, out var parsed) && Enum.IsDefined(parsed) ? parsed : null;
        Kind = kind?.ToString();
        Filtered = epci is not null || commune is not null || kind is not null;
        Structures = await directory.StructuresAsync(epci?.Id, commune?.Id, kind, cancellationToken: cancellationToken);
        Events = await directory.NextEventsAsync(clock.GetUtcNow(), epci?.Id, 5, cancellationToken);
    }
}
