using System.Globalization;
using Microsoft.AspNetCore.Identity;

namespace Escale.Web.Infrastructure.Identity;

/// <summary>Identity's error messages, in French: they are shown beside the form fields.</summary>
public sealed class FrenchIdentityErrorDescriber : IdentityErrorDescriber
{
    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };

    private static string N(int value) => value.ToString(CultureInfo.GetCultureInfo("fr-FR"));

    public override IdentityError DefaultError() => Error(nameof(DefaultError), "Une erreur inconnue est survenue.");
    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure), "Ce compte a été modifié entre-temps. Rechargez la page et recommencez.");
    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), "Mot de passe incorrect.");
    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), "Ce lien n’est pas valide ou a expiré.");
    public override IdentityError RecoveryCodeRedemptionFailed() => Error(nameof(RecoveryCodeRedemptionFailed), "Ce code de récupération n’est pas valide.");
    public override IdentityError LoginAlreadyAssociated() => Error(nameof(LoginAlreadyAssociated), "Ce moyen de connexion est déjà associé à un autre compte.");
    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), "Cet identifiant n’est pas valide : lettres, chiffres et « @.-_+ » seulement.");
    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), "Cette adresse électronique n’est pas valide.");
    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), "Un compte existe déjà avec cet identifiant.");
    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), "Un compte existe déjà avec cette adresse électronique.");
    public override IdentityError InvalidRoleName(string? role) => Error(nameof(InvalidRoleName), "Ce nom de rôle n’est pas valide.");
    public override IdentityError DuplicateRoleName(string role) => Error(nameof(DuplicateRoleName), "Ce rôle existe déjà.");
    public override IdentityError UserAlreadyHasPassword() => Error(nameof(UserAlreadyHasPassword), "Ce compte a déjà un mot de passe.");
    public override IdentityError UserLockoutNotEnabled() => Error(nameof(UserLockoutNotEnabled), "Le verrouillage n’est pas activé pour ce compte.");
    public override IdentityError UserAlreadyInRole(string role) => Error(nameof(UserAlreadyInRole), "Ce compte a déjà ce rôle.");
    public override IdentityError UserNotInRole(string role) => Error(nameof(UserNotInRole), "Ce compte n’a pas ce rôle.");
    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), $"Le mot de passe doit contenir au moins {N(length)} caractères.");
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Error(nameof(PasswordRequiresUniqueChars), $"Le mot de passe doit contenir au moins {N(uniqueChars)} caractères différents.");
    public override IdentityError PasswordRequiresNonAlphanumeric() => Error(nameof(PasswordRequiresNonAlphanumeric), "Le mot de passe doit contenir au moins un caractère qui n’est ni une lettre ni un chiffre.");
    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit), "Le mot de passe doit contenir au moins un chiffre.");
    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower), "Le mot de passe doit contenir au moins une minuscule.");
    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper), "Le mot de passe doit contenir au moins une majuscule.");
}
