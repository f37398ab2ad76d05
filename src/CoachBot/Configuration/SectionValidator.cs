using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace CoachBot.Configuration;

/// <summary>
/// Validates an options class by its data annotations and names each bad value by its configuration key, in both
/// spellings (<c>Bot:MaxActivityBytes</c> in JSON and on the command line, <c>Bot__MaxActivityBytes</c> as an
/// App Service setting), so an admin can find what to fix.
/// </summary>
internal sealed class SectionValidator<T>(string section) : IValidateOptions<T> where T : class
{
    public ValidateOptionsResult Validate(string? name, T options)
    {
        var results = new List<ValidationResult>();
        if (Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true)) return ValidateOptionsResult.Success;
        return ValidateOptionsResult.Fail(results.Select(r =>
        {
            var member = r.MemberNames.FirstOrDefault() ?? "?";
            return $"{section}:{member} ({section}__{member}): {r.ErrorMessage}";
        }));
    }
}
