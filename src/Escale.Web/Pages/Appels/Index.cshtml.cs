using Escale.Core.Calls;
using Escale.Core.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Caching.Memory;

namespace Escale.Web.Pages.Appels;

/// <summary>
/// The public calls for projects and contests, grouped by phase (open first), or one phase with <c>?phase=ouvert</c>
/// (a GET form, no script). An unknown phase is said beside the filter and every call is shown.
/// </summary>
public sealed class IndexModel(EscaleDbContext db, IMemoryCache cache, CallsDataVersion version, TimeProvider clock) : PageModel
{
    /// <summary>The phases a visitor may filter on, in the order the page shows them, with their query-string value.</summary>
    public static readonly IReadOnlyList<(CallPhase Phase, string Value)> PhaseValues =
    [
        (CallPhase.Open, "ouvert"),
        (CallPhase.Announced, "annonce"),
        (CallPhase.Evaluation, "evaluation"),
        (CallPhase.Results, "resultats"),
        (CallPhase.FollowUp, "suivi"),
    ];

    public IReadOnlyList<(CallPhase Phase, IReadOnlyList<PublicCalls.Listed> Calls)> Groups { get; private set; } = [];

    public string? Phase { get; private set; }

    public string? PhaseError { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? phase, CancellationToken cancellationToken)
    {
        CallPhase? chosen = null;
        if (!string.IsNullOrWhiteSpace(phase))
        {
            var match = PhaseValues.FirstOrDefault(p => p.Value == phase.Trim());
            if (match.Value is null)
            {
                PhaseError = "Cette phase n’existe pas : choisissez-en une dans la liste.";
            }
            else
            {
                chosen = match.Phase;
                Phase = match.Value;
            }
        }
        var now = clock.GetUtcNow();
        var calls = await PublicCalls.ListAsync(db, cache, version, cancellationToken);
        var phased = calls.Select(c => (Call: c, Phase: c.PhaseAt(now))).Where(c => c.Phase != CallPhase.Draft).ToList();
        Groups = [.. PhaseValues.Where(p => chosen is null || p.Phase == chosen)
            .Select(p => (p.Phase, (IReadOnlyList<PublicCalls.Listed>)[.. phased.Where(c => c.Phase == p.Phase).Select(c => c.Call)]))
            .Where(g => g.Item2.Count > 0 || chosen is not null)];
        return Page();
    }
}
