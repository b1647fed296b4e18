using Escale.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.Admin.Contenus;

/// <summary>The lists a content form chooses from.</summary>
public sealed record ContentChoices(
    IReadOnlyList<ContentChoices.Option> Communes,
    IReadOnlyList<ContentChoices.Option> Intercommunalities,
    IReadOnlyList<(string Slug, string Name)> Personas,
    IReadOnlyList<ContentChoices.Option> Organisations)
{
    public sealed record Option(int Id, string Name);

    public static readonly ContentChoices Empty = new([], [], [], []);

    public static async Task<ContentChoices> LoadAsync(EscaleDbContext db, CancellationToken cancellationToken)
    {
        var communes = await db.Communes.AsNoTracking().OrderBy(c => c.Slug).Select(c => new Option(c.Id, c.Name)).ToListAsync(cancellationToken);
        var epcis = await db.Intercommunalities.AsNoTracking().OrderBy(e => e.Slug).Select(e => new Option(e.Id, e.Name)).ToListAsync(cancellationToken);
        var personas = await db.Personas.AsNoTracking().OrderBy(p => p.Position).ToListAsync(cancellationToken);
        var organisations = await db.Organisations.AsNoTracking().OrderBy(o => o.Name).Select(o => new Option(o.Id, o.Name)).ToListAsync(cancellationToken);
        return new ContentChoices(communes, epcis, [.. personas.Select(p => (p.Slug, p.Name.Current))], organisations);
    }
}
