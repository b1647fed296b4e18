using Escale.Web.Infrastructure.Errors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Escale.Web.Pages;

[IgnoreAntiforgeryToken]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class ErreurModel : PageModel
{
    public int Status { get; private set; }
    public string? Detail { get; private set; }

    public void OnGet(int? code) => Show(code);

    public void OnPost(int? code) => Show(code);

    private void Show(int? code)
    {
        Status = code is >= 400 and < 600 ? code.Value : StatusCodes.Status500InternalServerError;
        Detail = HttpContext.Items[ErrorHandlingExtensions.DetailItemKey] as string;
        // Reached directly (not by re-execute), the page must still answer with the status it describes.
        Response.StatusCode = Status;
    }
}
