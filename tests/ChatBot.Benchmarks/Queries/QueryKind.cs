namespace ChatBot.Benchmarks.Queries;

/// <summary>The shapes of query the benchmark mixes, each about as often as the others.</summary>
internal enum QueryKind
{
    HeadWord,
    TwoWords,
    ThreeWords,
    Phrase,
    Excluded,
    Title,
    Author,
    Since,
    SortNew,
    SortTop,
    MinUpvotes,
    RareWord,
}
