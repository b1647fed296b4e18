using Escale.Core.WelcomeNetworks;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Escale.Web.Pages.ReseauAccueil;

/// <summary>The coming welcome events for newcomers, soonest first, with the seats left.</summary>
public sealed class EvenementsModel(WelcomeNetworkDirectory directory, TimeProvider clock) : PageModel
{
    public IReadOnlyList<DirectoryEvent> Events { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Events = await directory.NextEventsAsync(clock.GetUtcNow(), take: 100, cancellationToken: cancellationToken);
}
