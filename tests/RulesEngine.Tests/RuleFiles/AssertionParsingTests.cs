using System.Text.Json.Nodes;
using RulesEngine.RuleFiles;

namespace RulesEngine.Tests.RuleFiles;

public sealed class AssertionParsingTests
{
    private static readonly DateTime Midnight = new(2024, 1, 1);

    [Fact]
    public void Assertion_keeps_every_key_written()
    {
        var assertion = Fixture.Parse("valid-all-kinds.yaml").File.Assertions.Single();

        Assert.Equal("billing heartbeat", assertion.Name);
        Assert.Equal("The billing job touches its heartbeat file every few minutes.", assertion.Description);
        Assert.Equal("*/5 * * * *", assertion.Schedule?.Expression);
        Assert.Equal(Midnight.AddMinutes(5), assertion.Schedule?.Crontab.GetNextOccurrence(Midnight));
        Assert.Equal("Europe/Paris", assertion.TimeZone?.Id);
        Assert.Equal(TimeSpan.FromSeconds(90), assertion.Timeout);
        Assert.Equal("""{"path":"/var/run/billing.beat","max_age_minutes":30}""", assertion.Params?.ToJsonString());
        Assert.StartsWith("var age = Now - File.GetLastWriteTimeUtc(Params.path);\nreturn (", assertion.Check.Text);
    }

    [Fact]
    public void Optional_keys_left_out_are_null()
    {
        var assertion = RuleFileParser.Parse("min.yaml", "assertions:\n  - name: up\n    check: true\n")
            .File.Assertions.Single();

        Assert.Null(assertion.Description);
        Assert.Null(assertion.Schedule);
        Assert.Null(assertion.TimeZone);
        Assert.Null(assertion.Timeout);
        Assert.Null(assertion.Params);
    }

    [Fact]
    public void Schedule_of_six_fields_reads_the_first_as_seconds()
    {
        var model = Fixture.Parse("valid-all-kinds.yaml").File.ModelAssertions
            .Single(rule => rule.Name == "feature flags have owners");

        Assert.Equal(Midnight.AddMinutes(10), model.Schedule?.Crontab.GetNextOccurrence(Midnight.AddSeconds(1)));
    }

    [Fact]
    public void Cron_that_never_fires_is_an_error_and_the_valid_sibling_is_kept()
    {
        var result = Fixture.Parse("invalid-cron-feb-30.yaml");

        var error = result.ErrorAt(3, 15);
        Assert.Single(result.Errors);
        Assert.Equal("leap day report", error.Rule);
        Assert.Equal("the cron expression '0 0 30 2 *' never fires (no date matches all its fields)", error.Message);
        Assert.Equal(["hourly report"], result.RuleNames());
    }

    [Fact]
    public void Invalid_cron_is_an_error_quoting_the_expression_and_the_reason()
    {
        var result = Fixture.Parse("invalid-cron-syntax.yaml");

        var badField = result.ErrorAt(3, 15);
        Assert.StartsWith("invalid cron expression '61 * * * *': 61 is higher than the maximum", badField.Message);
        var tooManyFields = result.ErrorAt(6, 15);
        Assert.StartsWith("the cron expression '0 0 * * * * *' has 7 fields; expected 5", tooManyFields.Message);
        Assert.Empty(result.RuleNames());
    }

    [Fact]
    public void Unknown_time_zone_is_an_error_and_a_known_one_is_read()
    {
        var result = Fixture.Parse("invalid-timezone.yaml");

        var error = result.ErrorAt(4, 15);
        Assert.Single(result.Errors);
        Assert.StartsWith("unknown time zone 'Mars/Olympus_Mons'; expected an IANA time zone id", error.Message);
        Assert.Equal("Europe/Paris", result.File.Assertions.Single().TimeZone?.Id);
    }

    [Fact]
    public void A_time_zone_that_names_a_folder_of_zones_is_an_unknown_time_zone_rather_than_a_crash()
    {
        var result = RuleFileParser.Parse("zone.yaml", "assertions:\n  - { name: europe, timezone: Europe, check: 'true' }\n");

        var error = result.ErrorAt(2, 31);
        Assert.Equal("europe", error.Rule);
        Assert.StartsWith("unknown time zone 'Europe'; expected an IANA time zone id such as Europe/Paris", error.Message);
        Assert.Empty(result.RuleNames());
    }

    [Fact]
    public void Durations_that_are_zero_timeouts_negative_or_not_durations_are_errors_quoting_the_value()
    {
        var result = Fixture.Parse("invalid-durations.yaml");

        Assert.Equal("expected a duration above zero for 'timeout', found '0s'", result.ErrorAt(3, 14).Message);
        var worded = result.ErrorAt(6, 14).Message;
        Assert.StartsWith("expected a duration for 'timeout': a number and a unit s, m, h or d", worded);
        Assert.EndsWith("found '5 minutes'", worded);
        Assert.EndsWith("found a negative duration", result.ErrorAt(12, 16).Message);
        Assert.Equal("negative delay", result.ErrorAt(12, 16).Rule);
        Assert.Empty(result.RuleNames());
    }

    [Fact]
    public void Duplicate_rule_names_across_assertions_and_model_assertions_are_an_error_on_the_later_one()
    {
        var result = Fixture.Parse("duplicate-rule-names.yaml");

        var error = result.ErrorAt(5, 11);
        Assert.Single(result.Errors);
        Assert.Equal("billing heartbeat", error.Rule);
        Assert.StartsWith("the name 'billing heartbeat' is already used by an assertion at line 2;", error.Message);
        Assert.Equal(["billing heartbeat", "invoices are numbered"], result.RuleNames());
        Assert.Equal(2, result.File.Assertions.Single().Location.Line);
    }

    [Fact]
    public void Names_with_control_characters_or_only_white_space_and_empty_checks_are_errors()
    {
        var result = Fixture.Parse("control-characters.yaml");

        Assert.Contains("holds a control character", result.ErrorAt(2, 11).Message);
        Assert.Equal("expected a name for 'name', found only white space", result.ErrorAt(4, 11).Message);
        Assert.Equal("expected C# code telling whether all is well for 'check', found nothing",
            result.ErrorAt(7, 11).Message);
        Assert.Equal(3, result.Errors.Count);
    }

    [Fact]
    public void Missing_name_or_check_is_an_error_at_the_start_of_the_rule()
    {
        var result = RuleFileParser.Parse("missing.yaml", "assertions:\n  - description: nothing else\n");

        Assert.Equal(2, result.Errors.Count);
        Assert.All(result.Errors, error => Assert.Equal((2, 5), (error.Location.Line, error.Location.Column)));
        Assert.Contains(result.Errors,
            error => error.Message == "an assertion needs 'name' (the name of the issue it opens)");
        Assert.Contains(result.Errors, error => error.Message.StartsWith("an assertion needs 'check'"));
    }

    [Fact]
    public void Params_are_typed_by_the_YAML_core_schema_and_quoted_values_stay_strings()
    {
        var parameters = Fixture.Parse("params.yaml").File.Assertions.Single().Params!;

        Assert.Equal("hello", parameters["text"]!.GetValue<string>());
        Assert.Equal("42", parameters["quoted_number"]!.GetValue<string>());
        Assert.Equal(42L, parameters["count"]!.GetValue<long>());
        Assert.Equal(-7L, parameters["negative"]!.GetValue<long>());
        Assert.Equal(31L, parameters["hex"]!.GetValue<long>());
        Assert.Equal(0.5, parameters["ratio"]!.GetValue<double>());
        Assert.Equal(1000.0, parameters["exponent"]!.GetValue<double>());
        Assert.True(parameters["enabled"]!.GetValue<bool>());
        Assert.False(parameters["disabled"]!.GetValue<bool>());
        Assert.Equal("two\nlines\n", parameters["block"]!.GetValue<string>());
    }

    [Fact]
    public void Params_null_forms_are_null_and_nested_maps_and_sequences_become_objects_and_arrays()
    {
        var parameters = Fixture.Parse("params.yaml").File.Assertions.Single().Params!;

        Assert.All(["nothing", "tilde", "empty"], name =>
        {
            Assert.True(parameters.ContainsKey(name));
            Assert.Null(parameters[name]);
        });
        var nested = Assert.IsType<JsonObject>(parameters["nested"]);
        Assert.Equal("""{"inner":[1,"two",{"deep":"yes"}]}""", nested.ToJsonString());
    }

    [Fact]
    public void Param_names_must_be_CSharp_identifiers_and_values_finite()
    {
        var result = Fixture.Parse("params.yaml");

        Assert.Contains("'max-age' is not a C# identifier", result.ErrorAt(23, 7).Message);
        Assert.Contains("'class' is not a C# identifier", result.ErrorAt(24, 7).Message);
        Assert.Contains("'9lives' is not a C# identifier", result.ErrorAt(25, 7).Message);
        Assert.Contains("'.inf' is not a finite number", result.ErrorAt(28, 22).Message);
        Assert.Equal(4, result.Errors.Count);
        Assert.Equal(["typed params"], result.RuleNames());
    }

    [Fact]
    public void Param_integers_beyond_a_long_and_floats_beyond_a_double_are_errors_at_the_value()
    {
        var text = "assertions:\n  - name: big\n    params:\n" +
            "      n: 99999999999999999999999\n      m: -9223372036854775809\n      h: 0x10000000000000000\n" +
            "      f: 1e400\n    check: true\n";

        var result = RuleFileParser.Parse("big.yaml", text);

        Assert.Equal("the value '99999999999999999999999' is outside the range of a 64-bit integer (long); quote it " +
            "to pass it as text, or write it with a decimal point ('99999999999999999999999.0') if a floating-point " +
            "number is meant", result.ErrorAt(4, 10).Message);
        Assert.Contains("'-9223372036854775809' is outside the range of a 64-bit integer", result.ErrorAt(5, 10).Message);
        Assert.Equal("the value '0x10000000000000000' is outside the range of a 64-bit integer (long); quote it to " +
            "pass it as text", result.ErrorAt(6, 10).Message);
        Assert.Equal("the value '1e400' is not a finite number, which JSON cannot hold; quote it to pass it as text",
            result.ErrorAt(7, 10).Message);
        Assert.All(result.Errors, error => Assert.Equal(("big.yaml", "big"), (error.Location.File, error.Rule)));
        Assert.Equal(4, result.Errors.Count);
    }

    [Fact]
    public void Param_numbers_at_the_limits_of_long_and_double_keep_their_values()
    {
        var text = "assertions:\n  - name: edges\n    params:\n" +
            "      max: 9223372036854775807\n      min: -9223372036854775808\n      hex: 0x7FFFFFFFFFFFFFFF\n" +
            "      big: 99999999999999999999999.0\n      sci: 1.5e10\n      huge: 1e308\n      quoted: \"1e400\"\n" +
            "    check: true\n";

        var result = RuleFileParser.Parse("edges.yaml", text);

        Assert.Empty(result.Errors);
        var parameters = result.File.Assertions.Single().Params!;
        Assert.Equal(long.MaxValue, parameters["max"]!.GetValue<long>());
        Assert.Equal(long.MinValue, parameters["min"]!.GetValue<long>());
        Assert.Equal(long.MaxValue, parameters["hex"]!.GetValue<long>());
        Assert.Equal(1e23, parameters["big"]!.GetValue<double>());
        Assert.Equal(1.5e10, parameters["sci"]!.GetValue<double>());
        Assert.Equal(1e308, parameters["huge"]!.GetValue<double>());
        Assert.Equal("1e400", parameters["quoted"]!.GetValue<string>());
    }
}
