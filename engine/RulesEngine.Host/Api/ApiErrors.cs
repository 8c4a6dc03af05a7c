using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace RulesEngine.Host.Api;

/// <summary>Every API error has the same shape: <c>{ "error": "what went wrong and what to do" }</c>.</summary>
internal static class ApiErrors
{
    public static IResult Of(int status, string message) => Results.Json(new { error = message }, statusCode: status);

    public static IResult NotFound(long id) => Of(StatusCodes.Status404NotFound, $"There is no issue {id}.");

    /// <summary>Reads a JSON body, turning every way it can be wrong into a 4xx with a message.</summary>
    public static async Task<(T? Value, IResult? Error)> ReadBodyAsync<T>(HttpRequest request)
        where T : class
    {
        try
        {
            var value = await request.ReadFromJsonAsync<T>();
            return value is null
                ? (null, Of(StatusCodes.Status400BadRequest, "The request body is empty or null; expected a JSON object."))
                : (value, null);
        }
        catch (JsonException exception)
        {
            return (null, Of(StatusCodes.Status400BadRequest, $"The request body is not valid JSON: {exception.Message}"));
        }
        catch (InvalidOperationException)
        {
            return (null, Of(StatusCodes.Status415UnsupportedMediaType, "Send the body as JSON, with 'Content-Type: application/json'."));
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, Of(StatusCodes.Status413PayloadTooLarge, $"The request body is too large: {exception.Message}"));
        }
    }
}
