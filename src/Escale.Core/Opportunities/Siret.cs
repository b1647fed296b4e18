namespace Escale.Core.Opportunities;

/// <summary>
/// SIRET: 14 digits (SIREN + establishment number) whose Luhn sum is a multiple of 10. La Poste's
/// establishments (SIREN 356000000) are the documented exception: their digit sum is a multiple of 5
/// (https://fr.wikipedia.org/wiki/Système_d'identification_du_répertoire_des_établissements).
/// </summary>
public static class Siret
{
    private const string LaPosteSiren = "356000000";

    public static string Normalize(string? text) =>
        string.Concat((text ?? "").Where(c => !char.IsWhiteSpace(c) && c != '.' && c != '-'));

    public static bool IsValid(string? text)
    {
        var siret = Normalize(text);
        if (siret.Length != 14 || !siret.All(char.IsAsciiDigit))
        {
            return false;
        }
        if (siret.StartsWith(LaPosteSiren, StringComparison.Ordinal))
        {
            return siret.Sum(c => c - '0') % 5 == 0;
        }
        return LuhnSum(siret) % 10 == 0;
    }

    private static int LuhnSum(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var digit = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 1)
            {
                digit *= 2;
                if (digit > 9)
                {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return sum;
    }
}
