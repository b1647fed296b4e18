using System.Globalization;

namespace Escale.Web.Api;

/// <summary>RFC 9457 problem details with French, actionable texts.</summary>
public static class ApiProblems
{
    public static IResult NotFound(string detail) =>
        Results.Problem(title: "Ressource introuvable", detail: detail, statusCode: StatusCodes.Status404NotFound);

    public static IResult BadQuery(string parameter, string detail) =>
        Results.ValidationProblem(
            new Dictionary<string, string[]> { [parameter] = [detail] },
            title: "Paramètre de requête invalide",
            detail: detail);

    /// <summary>Reads a positive page or size parameter; returns null and a problem when the text is not one.</summary>
    public static bool TryReadPositive(string? text, int fallback, int max, string parameter, out int value, out IResult? problem)
    {
        problem = null;
        value = fallback;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) || value < 1 || value > max)
        {
            problem = BadQuery(parameter, $"« {parameter} » doit être un nombre entier entre 1 et {max.ToString(CultureInfo.InvariantCulture)}.");
            return false;
        }
        return true;
    }
}
