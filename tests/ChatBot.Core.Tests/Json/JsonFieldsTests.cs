using System.Text.Json;
using ChatBot.Core.Json;

namespace ChatBot.Core.Tests.Json;

public sealed class JsonFieldsTests
{
    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    [Fact]
    public void Each_reader_returns_a_value_of_its_own_kind()
    {
        var json = Parse("""{"s":"text","i":42,"l":8589934592,"d":1.5,"t":true,"f":false,"o":{"a":1},"a":[1]}""");

        Assert.Equal("text", JsonFields.OptionalString(json, "s"));
        Assert.Equal(42, JsonFields.OptionalInt32(json, "i"));
        Assert.Equal(8589934592L, JsonFields.OptionalInt64(json, "l"));
        Assert.Equal(1.5, JsonFields.OptionalDouble(json, "d"));
        Assert.True(JsonFields.OptionalBoolean(json, "t"));
        Assert.False(JsonFields.OptionalBoolean(json, "f"));
        Assert.Equal(1, JsonFields.OptionalInt32(JsonFields.OptionalObject(json, "o"), "a"));
        Assert.Equal(1, JsonFields.OptionalArray(json, "a")!.Value.GetArrayLength());
    }

    [Fact]
    public void A_number_where_a_string_is_expected_is_absent_not_its_text()
    {
        var json = Parse("""{"id":12345,"name":true,"user":{"id":1}}""");

        Assert.Null(JsonFields.OptionalString(json, "id"));
        Assert.Null(JsonFields.OptionalString(json, "name"));
        Assert.Null(JsonFields.OptionalString(json, "user"));
        Assert.Null(JsonFields.OptionalString(JsonFields.OptionalObject(json, "user"), "id"));
    }

    [Fact]
    public void A_string_where_a_number_or_boolean_is_expected_is_absent()
    {
        var json = Parse("""{"op":"10","ok":"false","interval":"41250"}""");

        Assert.Null(JsonFields.OptionalInt32(json, "op"));
        Assert.Null(JsonFields.OptionalInt64(json, "op"));
        Assert.Null(JsonFields.OptionalDouble(json, "interval"));
        Assert.Null(JsonFields.OptionalBoolean(json, "ok"));
    }

    [Theory]
    [InlineData("2147483648", null, 2147483648L)] // int.MaxValue + 1
    [InlineData("-2147483649", null, -2147483649L)]
    [InlineData("9223372036854775808", null, null)] // long.MaxValue + 1
    [InlineData("123456789012345678901234567890", null, null)]
    [InlineData("1.5", null, null)] // a fraction is no whole number
    [InlineData("1e3", null, null)]
    [InlineData("2147483647", 2147483647, 2147483647L)]
    public void A_number_out_of_range_or_not_whole_is_absent_for_the_whole_number_readers(string number, int? asInt32, long? asInt64)
    {
        var json = Parse($$"""{"n":{{number}}}""");

        Assert.Equal(asInt32, JsonFields.OptionalInt32(json, "n"));
        Assert.Equal(asInt64, JsonFields.OptionalInt64(json, "n"));
    }

    [Fact]
    public void A_number_too_large_for_a_double_is_absent_not_infinity()
    {
        var json = Parse("""{"huge":1e400,"small":-1e400,"fine":1e300}""");

        Assert.Null(JsonFields.OptionalDouble(json, "huge"));
        Assert.Null(JsonFields.OptionalDouble(json, "small"));
        Assert.Equal(1e300, JsonFields.OptionalDouble(json, "fine"));
    }

    [Fact]
    public void Missing_and_null_properties_are_absent_and_only_null_is_not_present()
    {
        var json = Parse("""{"gone":null,"empty":"","zero":0}""");

        Assert.Null(JsonFields.OptionalString(json, "missing"));
        Assert.Null(JsonFields.OptionalString(json, "gone"));
        Assert.Null(JsonFields.OptionalInt32(json, "gone"));
        Assert.Null(JsonFields.OptionalObject(json, "gone"));
        Assert.Null(JsonFields.OptionalProperty(json, "missing"));
        Assert.Equal(JsonValueKind.Null, JsonFields.OptionalProperty(json, "gone")!.Value.ValueKind);
        Assert.False(JsonFields.IsPresent(json, "missing"));
        Assert.False(JsonFields.IsPresent(json, "gone"));
        Assert.True(JsonFields.IsPresent(json, "empty"));
        Assert.True(JsonFields.IsPresent(json, "zero"));
        Assert.Equal("", JsonFields.OptionalString(json, "empty"));
    }

    [Theory]
    [InlineData("[1,2]")]
    [InlineData("\"text\"")]
    [InlineData("42")]
    [InlineData("null")]
    public void A_parent_that_is_not_an_object_has_no_properties_and_reading_it_does_not_throw(string root)
    {
        var json = Parse(root);

        Assert.Null(JsonFields.OptionalProperty(json, "id"));
        Assert.Null(JsonFields.OptionalString(json, "id"));
        Assert.Null(JsonFields.OptionalInt32(json, "id"));
        Assert.False(JsonFields.IsPresent(json, "id"));
        Assert.Empty(JsonFields.Strings(json, "id"));
    }

    [Fact]
    public void No_parent_and_a_default_element_read_as_absent()
    {
        Assert.Null(JsonFields.OptionalString(null, "id"));
        Assert.Null(JsonFields.OptionalString(default(JsonElement), "id"));
        Assert.Null(JsonFields.OptionalString(JsonFields.OptionalObject(Parse("{}"), "user"), "id"));
    }

    [Fact]
    public void Strings_keeps_the_non_blank_strings_and_names_of_objects_and_skips_other_kinds()
    {
        var json = Parse("""{"authors":["Ada",{"name":"Grace"}," ",7,null,{"name":3},{"other":"x"},["nested"]],"tags":"not an array"}""");

        Assert.Equal(["Ada", "Grace"], JsonFields.Strings(json, "authors", nameProperty: "name"));
        Assert.Equal(["Ada"], JsonFields.Strings(json, "authors"));
        Assert.Empty(JsonFields.Strings(json, "tags"));
        Assert.Empty(JsonFields.Strings(json, "missing"));
    }
}
