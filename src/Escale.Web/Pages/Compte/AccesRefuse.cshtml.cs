using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Escale.Web.Pages.Compte;

/// <summary>
/// The cookie's access-denied address. Refusals normally answer 403 in place (see AddEscaleIdentity);
/// this page covers anyone who lands here directly, with the same status.
/// </summary>
public sealed class AccesRefuseModel : PageModel
{
    public void OnGet() => Response.StatusCode = StatusCodes.Status403Forbidden;
}
