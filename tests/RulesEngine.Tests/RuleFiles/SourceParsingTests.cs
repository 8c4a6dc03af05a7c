using RulesEngine.RuleFiles;

namespace RulesEngine.Tests.RuleFiles;

public sealed class SourceParsingTests
{
    [Fact]
    public void Postgres_http_and_litedb_sources_keep_their_settings()
    {
        var result = RuleFileParser.Parse("/rules/sources.yaml", """
            model_assertions:
              - name: pg
                source: { postgres: { env: ORDERS_DB }, query: SELECT id FROM orders }
                key: id
                check: true
              - name: api
                source:
                  http: https://user:pw@api.example.com/v1/orders?token=abc
                  path: data.items
                  timeout: 15s
                  headers: { Authorization: { env: API_TOKEN }, Accept-Language: en }
                key: id
                fields: { id: long }
                check: true
              - name: lite
                source: { litedb: data/app.db, collection: orders }
                key: _id
                fields: { _id: long }
                check: true
            """);

        Assert.Empty(result.Errors);
        var sources = result.File.ModelAssertions.ToDictionary(rule => rule.Name, rule => rule.Source);
        var postgres = Assert.IsType<PostgresSourceDefinition>(sources["pg"]);
        Assert.Equal(("ORDERS_DB", "SELECT id FROM orders"), (postgres.Connection.Variable, postgres.Query));
        var http = Assert.IsType<HttpSourceDefinition>(sources["api"]);
        Assert.Equal(["data", "items"], http.ArrayPath);
        Assert.Equal(TimeSpan.FromSeconds(15), http.Timeout);
        Assert.Equal([("Authorization", "API_TOKEN", null), ("Accept-Language", null, "en")],
            http.Headers.Select(header => (header.Name, header.Value.Variable, header.Value.Written)));
        Assert.Equal("https://api.example.com/v1/orders", http.Describe());
        var liteDb = Assert.IsType<LiteDbSourceDefinition>(sources["lite"]);
        Assert.Equal(("/rules/data/app.db", "orders"), (liteDb.Path, liteDb.Collection));
    }

    [Fact]
    public void Source_errors_are_each_reported_where_they_are()
    {
        var result = RuleFileParser.Parse("/rules/sources.yaml", """
            model_assertions:
              - name: lite without fields
                source: { litedb: app.db, collection: orders }
                key: id
                check: true
              - name: http with a query
                source: { http: "ftp://example.com/orders", query: SELECT 1 }
                key: id
                fields: { id: long }
                check: true
              - name: bad header
                source: { http: "https://example.com/orders", headers: { Authorization: { environment: TOKEN } } }
                key: id
                fields: { id: long }
                check: true
              - name: litedb without collection
                source: { litedb: app.db }
                key: id
                fields: { id: long }
                check: true
            """);

        Assert.StartsWith("a model assertion with a litedb source needs 'fields'", result.ErrorAt(2, 5).Message);
        Assert.Equal("'query' belongs to a sqlite or postgres source, not a http one", result.ErrorAt(7, 49).Message);
        Assert.Equal("expected an absolute http or https URL for 'http', found 'ftp://example.com/orders'",
            result.ErrorAt(7, 21).Message);
        Assert.StartsWith("unknown key 'environment'", result.ErrorAt(12, 79).Message);
        Assert.Equal("a source needs 'collection' (the name of the collection holding the records)",
            result.ErrorAt(17, 13).Message);
        Assert.Empty(result.RuleNames());
    }
}
