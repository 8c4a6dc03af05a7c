using System.Net;
using System.Text.Json;
using RulesEngine.RuleFiles;

namespace RulesEngine.Sources;

/// <summary>
/// Records from an HTTP GET answering JSON, streamed from the body as the pass checks them. Any answer but a 2xx, a
/// body that is not the expected JSON, or a request past its timeout fails the pass: an empty list is taken as
/// empty only when the server said so in full.
/// </summary>
internal sealed class HttpRecordSource(HttpSourceDefinition source) : RecordSource
{
    // One client for the process: connections are pooled per server, and renewed so DNS changes are seen.
    private static readonly HttpClient Client = new(new SocketsHttpHandler
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        AutomaticDecompression = DecompressionMethods.All,
    })
    {
        Timeout = System.Threading.Timeout.InfiniteTimeSpan,
    };

    public override string Description => source.Describe();

    public override IEnumerable<JsonElement> ReadDocuments(CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(source.Timeout ?? System.Threading.Timeout.InfiniteTimeSpan);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        using var response = Send(linked.Token, timeout);

        // A body that stalls is cut off by closing the response, the one way to stop a synchronous read.
        using var abort = linked.Token.Register(response.Dispose);
        var body = new JsonArrayStream(response.Content.ReadAsStream(linked.Token), source.ArrayPath);
        foreach (var document in Guarded(body.Elements(), exception => DescribeBodyFailure(exception, timeout)))
        {
            yield return document;
        }
    }

    private HttpResponseMessage Send(CancellationToken cancellationToken, CancellationTokenSource timeout)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, source.Url);
        request.Headers.Accept.ParseAdd("application/json");
        foreach (var header in source.Headers)
        {
            var value = header.Value.Read() ?? throw new SourceReadException(
                $"The environment variable {header.Value.Variable}, which should hold the header {header.Name} of " +
                $"{Description}, is not set.");
            request.Headers.Remove(header.Name);
            if (!request.Headers.TryAddWithoutValidation(header.Name, value))
            {
                throw new SourceReadException($"The header {header.Name} of {Description} cannot be sent with a GET request.");
            }
        }

        HttpResponseMessage response;
        try
        {
            response = Client.Send(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (OperationCanceledException exception) when (timeout.IsCancellationRequested)
        {
            throw new SourceReadException($"{Description} did not answer within {TimeoutText}.", exception);
        }
        catch (HttpRequestException exception)
        {
            throw new SourceReadException($"Cannot reach {Description}: {exception.Message}", exception);
        }

        return Checked(response);
    }

    // The body of an error answer is not shown: a server may echo the request, and with it a header's secret.
    private HttpResponseMessage Checked(HttpResponseMessage response)
    {
        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        response.Dispose();
        throw new SourceReadException(
            $"{Description} answered {(int)response.StatusCode} {response.ReasonPhrase}; no record was read.");
    }

    private string? DescribeBodyFailure(Exception exception, CancellationTokenSource timeout) => exception switch
    {
        _ when timeout.IsCancellationRequested => $"{Description} did not send its whole answer within {TimeoutText}.",
        JsonException => $"The answer of {Description} is not the expected JSON: {exception.Message}",
        IOException or HttpRequestException => $"The answer of {Description} was cut off: {exception.Message}",
        _ => null,
    };

    private string TimeoutText => $"its timeout of {source.Timeout!.Value.TotalSeconds:0.###} s";
}
