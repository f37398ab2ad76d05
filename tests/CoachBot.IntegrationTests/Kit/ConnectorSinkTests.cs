using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;

namespace CoachBot.IntegrationTests.Kit;

/// <summary>The test kit's Connector in its load mode (what tools/LoadDriver times replies with), over real HTTP.</summary>
public sealed class ConnectorSinkTests
{
    [Fact]
    public async Task A_sink_times_the_awaited_reply_counts_typing_and_records_nothing()
    {
        await using var sink = await ConnectorStub.StartSinkAsync();
        using var http = new HttpClient();
        var reply = sink.ExpectReply("activity-1");
        var before = Stopwatch.GetTimestamp();

        using var typing = await http.PostAsJsonAsync($"{sink.ServiceUrl}/v3/conversations/a%3Aconv/activities/activity-1", new { type = "typing" });
        Assert.False(reply.IsCompleted); // a typing indicator is not the reply
        using var answer = await http.PostAsJsonAsync($"{sink.ServiceUrl}/v3/conversations/a%3Aconv/activities/activity-1", new { type = "message", text = "What have you tried?" });

        Assert.Equal(HttpStatusCode.Created, answer.StatusCode); // answered like Teams
        Assert.InRange(await reply.WaitAsync(TimeSpan.FromSeconds(10)), before, Stopwatch.GetTimestamp());
        Assert.Equal(1, sink.Typing);
        Assert.Empty(sink.Calls);
    }

    [Fact]
    public async Task A_forgotten_reply_is_not_completed()
    {
        await using var sink = await ConnectorStub.StartSinkAsync();
        using var http = new HttpClient();
        var reply = sink.ExpectReply("activity-2");
        sink.Forget("activity-2");

        using var answer = await http.PostAsJsonAsync($"{sink.ServiceUrl}/v3/conversations/a%3Aconv/activities/activity-2", new { type = "message", text = "hi" });

        Assert.Equal(HttpStatusCode.Created, answer.StatusCode);
        Assert.False(reply.IsCompleted);
    }

    [Fact]
    public async Task A_recording_stub_also_completes_an_awaited_reply_and_keeps_the_call()
    {
        await using var stub = await ConnectorStub.StartAsync();
        using var http = new HttpClient();
        var reply = stub.ExpectReply("activity-3");

        using var answer = await http.PostAsJsonAsync($"{stub.ServiceUrl}/v3/conversations/a%3Aconv/activities/activity-3", new { type = "message", text = "hi" });

        Assert.Equal(HttpStatusCode.Created, answer.StatusCode);
        await reply.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("hi", Assert.Single(stub.Replies("a:conv")).Text);
    }
}
