using LiteDB;
using RulesEngine.Issues;

namespace RulesEngine.Tests.Issues;

public sealed class IssueStoreLockTests : IDisposable
{
    private readonly StoreFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_second_open_of_the_same_store_fails_naming_the_process_that_holds_it()
    {
        using var store = _folder.Open();

        var error = Assert.Throws<StoreLockedException>(() => IssueStore.Open(_folder.StorePath));

        Assert.Contains($"process {Environment.ProcessId} ", error.Message);
        Assert.Contains(Environment.MachineName, error.Holder);
        Assert.Equal(store.Path, error.StorePath);
        Assert.IsAssignableFrom<IOException>(error.InnerException);
    }

    [Fact]
    public void A_second_open_says_another_process_when_the_holder_is_not_known()
    {
        using var store = _folder.Open();
        File.Delete(_folder.StorePath + ".holder");

        var error = Assert.Throws<StoreLockedException>(() => IssueStore.Open(_folder.StorePath));

        Assert.Equal("another process", error.Holder);
    }

    [Fact]
    public void The_lock_file_describes_its_holder()
    {
        using var store = _folder.Open();

        var holder = File.ReadAllText(_folder.StorePath + ".holder");

        Assert.StartsWith($"process {Environment.ProcessId} (", holder);
        Assert.Contains("command line: ", holder);
    }

    [Fact]
    public void After_dispose_the_store_reopens_with_its_data()
    {
        long id;
        using (var store = _folder.Open())
        {
            id = store.MaybeOpen(new IssueKey("disk full"), null).Issue.Id;
        }

        using var reopened = _folder.Open();

        Assert.Equal("disk full", reopened.Get(id)!.Name);
        Assert.True(File.Exists(_folder.StorePath + ".lock"));
    }

    [Fact]
    public void Dispose_twice_is_harmless_and_later_calls_say_the_store_is_closed()
    {
        var store = _folder.Open();

        store.Dispose();
        store.Dispose();

        Assert.Throws<ObjectDisposedException>(() => store.Count(IssueStatus.Open));
        using var reopened = _folder.Open();
        Assert.Equal(0, reopened.Count(IssueStatus.Open));
    }

    [Fact]
    public void Open_creates_the_missing_folder()
    {
        var path = Path.Combine(_folder.Folder, "nested", "deeper", "issues.db");

        using var store = IssueStore.Open(path, _folder.Time);

        Assert.True(File.Exists(path));
        Assert.Equal(path, store.Path);
    }

    [Fact]
    public void A_file_made_with_a_case_insensitive_collation_is_rebuilt_ordinal()
    {
        Directory.CreateDirectory(_folder.Folder);
        using (var database = new LiteDatabase($"Filename={_folder.StorePath};Connection=direct"))
        {
            database.GetCollection("probe").Insert(new BsonDocument { ["probe"] = 1 });
            Assert.NotEqual(System.Globalization.CompareOptions.Ordinal, database.Collation.SortOptions);
        }

        using var store = _folder.Open();
        store.MaybeOpen(new IssueKey("disk full"), null);

        Assert.Equal(OpenDisposition.Created, store.MaybeOpen(new IssueKey("Disk full"), null).Disposition);
    }
}
