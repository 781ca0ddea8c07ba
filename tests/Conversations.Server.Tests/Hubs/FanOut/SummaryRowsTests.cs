using Conversations.Contracts;
using Conversations.Server.Hubs.FanOut;
using Microsoft.Extensions.Time.Testing;

namespace Conversations.Server.Tests.Hubs.FanOut;

public sealed class SummaryRowsTests
{
    private readonly FakeTimeProvider _clock = new();
    private readonly SummaryRows _rows;

    public SummaryRowsTests() => _rows = new SummaryRows(_clock);

    [Fact]
    public void TakeDue_WithinWindow_MergesToTheLatestRow()
    {
        _rows.Add(Row("c1", "first"));
        _clock.Advance(TimeSpan.FromMilliseconds(500));
        _rows.Add(Row("c1", "second"));
        Assert.Empty(_rows.TakeDue(64));

        _clock.Advance(TimeSpan.FromMilliseconds(500));
        var due = Assert.Single(_rows.TakeDue(64));
        Assert.Equal("second", due.Summary.LastMessage!.Text);
        Assert.Equal("second", Assert.Single(_rows.TakeSiteRows()).Summary.LastMessage!.Text);
    }

    [Fact]
    public void TakeSiteRows_BusySite_LetsOutAtMostTheBudgetPerSecond()
    {
        var conversations = SummaryRows.SiteRowsPerSecond * 3;
        for (var i = 0; i < conversations; i++)
        {
            _rows.Add(Row($"c{i}", "hello"));
        }

        _clock.Advance(SummaryRows.Window);
        Assert.Equal(conversations, _rows.TakeDue(conversations).Count);

        // Their first rows are all changes (never sent): the budget lets out a second's worth.
        Assert.Equal(SummaryRows.SiteRowsPerSecond, _rows.TakeSiteRows().Count);
        Assert.Empty(_rows.TakeSiteRows());

        _clock.Advance(TimeSpan.FromMilliseconds(500));
        Assert.Equal(SummaryRows.SiteRowsPerSecond / 2, _rows.TakeSiteRows().Count);
    }

    [Fact]
    public void TakeSiteRows_OtherSites_HaveTheirOwnBudget()
    {
        for (var i = 0; i < SummaryRows.SiteRowsPerSecond; i++)
        {
            _rows.Add(Row($"a{i}", "hello"));
        }

        _rows.Add(Row("b0", "hello", site: "other"));
        _clock.Advance(SummaryRows.Window);
        _rows.TakeDue(1_000);

        Assert.Equal(SummaryRows.SiteRowsPerSecond + 1, _rows.TakeSiteRows().Count);
    }

    [Fact]
    public void TakeSiteRows_AgentChanged_GoesBeforeNewMessages()
    {
        var budget = SummaryRows.SiteRowsPerSecond;
        for (var i = 0; i < budget; i++)
        {
            _rows.Add(Row($"c{i}", "hello", agent: "a1"));
        }

        _clock.Advance(SummaryRows.Window);
        _rows.TakeDue(1_000);
        Assert.Equal(budget, _rows.TakeSiteRows().Count);

        // Each conversation has a new message, then one of them is transferred: that row jumps the queue.
        for (var i = 0; i < budget; i++)
        {
            _rows.Add(Row($"c{i}", "again", agent: "a1"));
        }

        _rows.Add(Row($"c{budget - 1}", "again", agent: "a2"));
        _clock.Advance(SummaryRows.Window);
        _rows.TakeDue(1_000);

        var next = _rows.TakeSiteRows();
        Assert.Equal(budget, next.Count);
        Assert.Equal($"c{budget - 1}", next[0].Summary.Id);
        Assert.Equal("a2", next[0].Summary.AssignedAgent!.Id);
        Assert.Equal(budget, next.Select(r => r.Summary.Id).Distinct().Count());
    }

    [Fact]
    public void TakeSiteRows_QueuedConversationChangesAgain_SendsOnlyItsLatestRow()
    {
        for (var i = 0; i <= SummaryRows.SiteRowsPerSecond; i++)
        {
            _rows.Add(Row($"c{i}", "hello"));
        }

        _clock.Advance(SummaryRows.Window);
        _rows.TakeDue(1_000);
        _rows.TakeSiteRows();
        var last = $"c{SummaryRows.SiteRowsPerSecond}";
        _rows.Add(Row(last, "newer"));
        _clock.Advance(SummaryRows.Window);
        _rows.TakeDue(1_000);

        var rows = _rows.TakeSiteRows();
        Assert.Equal("newer", Assert.Single(rows, r => r.Summary.Id == last).Summary.LastMessage!.Text);
    }

    private ConversationSummaryChanged Row(string id, string text, string site = "demo", string? agent = null) =>
        new("w1",
            new ConversationSummary(
                id, site, "web", agent is null ? ConversationStatus.Waiting : ConversationStatus.Live,
                agent is null ? null : new AgentRef(agent, agent), new ContactRef("k-" + id, "Client", true),
                new LastMessage(text, AuthorKind.Customer, _clock.GetUtcNow()), 0, true, null, MonitoringMode.None),
            new Dictionary<string, int>(), []);
}
